package dev.tenantdao.coldstart.driver;

import dev.tenantdao.testkit.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;

/**
 * Cold start and footprint (issue 20): creates the 100 tables of the application ({@link ColdStartSchema}) in a
 * schema of their own, then starts every contender's main as a child process on its own class path (its module's
 * classes and {@code target/classpath.txt}), round after round, the contenders' order reversed every other round,
 * and prints, per contender, the median and min-max of: milliseconds from JVM start to the first tenant-scoped query
 * answered (the child's own clock against the JVM's start time), to ready (the data-access layer built), the parent's
 * wall time from starting the process to its exit, the heap in use after a full GC, the classes loaded and the process's CPU time (all
 * threads) when the query was answered, which a busy machine distorts far less than the elapsed times; and the
 * ratio of each contender's time to tenantdao's of the same round. Contender {@code jdbc} is the floor: the same first
 * query by hand-written JDBC, no data-access layer; each contender's time above it, in the same round, is what its
 * data-access layer costs.
 *
 * <pre>
 * benchmarks-coldstart/run [--rounds N] [--warmup N] [--only name,name] [--out DIR]
 * </pre>
 *
 * System properties: {@code coldstart.root} (the {@code benchmarks-coldstart} directory), {@code coldstart.schema}
 * (default {@code coldstart}), {@code coldstart.jars} ({@code true}: the reactor modules' packaged jars instead of
 * their {@code target/classes}, as an AppCDS archive needs), {@code coldstart.jvmArgs} (extra options for every child, split at spaces, e.g.
 * {@code -Xlog:class+load:file=/tmp/cl.txt}); the database is the testkit's ({@code TENANTDAO_JDBC_URL}, else
 * {@code 127.0.0.1:5432}, else an embedded PostgreSQL). A child's output goes to files in the output directory,
 * never to this process's stdout.
 */
public final class ColdStart {

    /** A contender: its name, its module (class path), its main class and arguments. */
    public record Contender(String name, String module, String mainClass, List<String> args) {}

    public static final List<Contender> CONTENDERS = List.of(
            new Contender("jdbc", "tenantdao", "dev.tenantdao.coldstart.tenantdao.HandWrittenJdbc", List.of()),
            new Contender("tenantdao", "tenantdao", "dev.tenantdao.coldstart.tenantdao.Main", List.of()),
            new Contender("hibernate", "hibernate", "dev.tenantdao.coldstart.hibernate.Main", List.of()),
            new Contender("springdata", "springdata", "dev.tenantdao.coldstart.springdata.Main", List.of()),
            new Contender("springdata-lazy", "springdata", "dev.tenantdao.coldstart.springdata.Main", List.of("lazy")),
            new Contender("jdbi", "jdbi", "dev.tenantdao.coldstart.jdbi.Main", List.of()));

    /** The tenant, entity and id every contender reads, and the name of that row. */
    public static final String EXPECTED_ROW = ColdStartSchema.rowName("t1", 51, 2);

    /** One child's measurements (milliseconds from the JVM's start; bytes). */
    public record Run(String contender, int round, long main, long ready, long answered, long wall, long heap,
                      long classes, long cpu, String row) {}

    /** What to run. */
    public record Options(int rounds, int warmup, List<String> only, Path out, String schema) {

        static Options parse(String[] args) {
            int rounds = 10;
            int warmup = 1;
            List<String> only = List.of();
            Path out = Path.of("benchmarks-coldstart", "driver", "target", "coldstart");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                    case "--only" -> only = Arrays.asList(args[++i].split(","));
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + " (--rounds N --warmup N --only a,b --out DIR)");
                }
            }
            return new Options(rounds, warmup, only, out, System.getProperty("coldstart.schema", "coldstart"));
        }
    }

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Run> runs = run(options, System.out::println);
        String table = table(runs);
        System.out.println();
        System.out.println(environment(options));
        System.out.println();
        System.out.println(table);
        Files.writeString(options.out().resolve("results.md"), environment(options) + "\n\n" + table);
        Files.writeString(options.out().resolve("results.csv"), csv(runs));
    }

    /** Creates the schema, runs the warm-up and the rounds; returns the measured runs (warm-up excluded). */
    public static List<Run> run(Options options, java.util.function.Consumer<String> log) throws IOException, InterruptedException {
        Files.createDirectories(options.out());
        Postgres postgres = Postgres.shared();
        createSchema(postgres.freshSchema(options.schema()));
        String url = postgres.url() + (postgres.url().contains("?") ? "&" : "?") + "currentSchema=" + options.schema();
        List<Contender> contenders = CONTENDERS.stream()
                .filter(c -> options.only().isEmpty() || options.only().contains(c.name()))
                .toList();
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("no contender named " + options.only());
        }
        Path root = root();
        List<Run> runs = new ArrayList<>();
        for (int round = 1 - options.warmup(); round <= options.rounds(); round++) {
            List<Contender> order = new ArrayList<>(contenders);
            if (Math.floorMod(round, 2) == 0) {
                Collections.reverse(order);
            }
            for (Contender contender : order) {
                Run run = runOnce(root, contender, round, url, postgres, options.out());
                log.accept((round <= 0 ? "warm-up " : "round " + round + " ") + run);
                if (round > 0) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    static void createSchema(DataSource schema) {
        try (Connection connection = schema.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : ColdStartSchema.STATEMENTS) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the cold-start schema: " + e.getMessage(), e);
        }
    }

    static Path root() {
        String configured = System.getProperty("coldstart.root");
        Path root = configured != null ? Path.of(configured) : Path.of("benchmarks-coldstart");
        if (!Files.isRegularFile(root.resolve("Generate.java"))) {
            throw new IllegalStateException("not the benchmarks-coldstart directory: " + root.toAbsolutePath()
                    + " (set -Dcoldstart.root)");
        }
        return root.toAbsolutePath().normalize();
    }

    static String classPath(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        Path listed = target.resolve("classpath.txt");
        if (!Files.isRegularFile(listed)) {
            throw new IllegalStateException(listed + " is missing: build the module first (benchmarks-coldstart/run does)");
        }
        String classPath = target.resolve("classes") + java.io.File.pathSeparator + Files.readString(listed).strip();
        if (!Boolean.getBoolean("coldstart.jars")) {
            return classPath;
        }
        // -Dcoldstart.jars=true: every reactor module's target/classes replaced by its packaged jar, for an AppCDS
        // archive (-XX:ArchiveClassesAtExit, -XX:SharedArchiveFile), which the JVM refuses with a directory in the path
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            jars.add(path.endsWith(Path.of("target", "classes")) ? packagedJar(path.getParent()).toString() : entry);
        }
        return String.join(java.io.File.pathSeparator, jars);
    }

    private static Path packagedJar(Path target) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.toString().endsWith(".jar") && !f.toString().endsWith("-tests.jar")
                            && !f.toString().endsWith("-sources.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": package the reactor first"));
        }
    }

    static Run runOnce(Path root, Contender contender, int round, String url, Postgres postgres, Path out)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath(root, contender.module()));
        command.add("-Dcoldstart.url=" + url);
        command.add("-Dcoldstart.user=" + postgres.user());
        command.add("-Dcoldstart.password=" + postgres.password());
        String extra = System.getProperty("coldstart.jvmArgs", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.replace("{name}", contender.name()).split("\\s+")));
        }
        command.add(contender.mainClass());
        command.addAll(contender.args());
        String stem = contender.name() + "-" + (round <= 0 ? "warmup" + (1 - round) : "round" + round);
        Path stdout = out.resolve(stem + ".out");
        Path stderr = out.resolve(stem + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(contender.name() + " did not finish in 300 s; see " + stderr);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(contender.name() + " exited with " + process.exitValue() + "; see " + stderr
                    + ":\n" + tail(stderr));
        }
        return parse(contender.name(), round, wall, output);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the child's {@code coldstart key=value ...} line. */
    static Run parse(String contender, int round, long wall, String output) {
        String line = output.lines().filter(l -> l.startsWith("coldstart ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(contender + " printed no coldstart line:\n" + output));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("coldstart ".length()).split(" ")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new Run(contender, round, Long.parseLong(values.get("main")), Long.parseLong(values.get("ready")),
                Long.parseLong(values.get("answered")), wall, Long.parseLong(values.get("heapUsedAfterGc")),
                Long.parseLong(values.get("classesLoaded")), Long.parseLong(values.get("cpu")), values.get("row"));
    }

    // ------------------------------------------------------------------------------------------------ the table

    static String environment(Options options) {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            load = "unknown";
        }
        return "Java " + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " CPUs, " + options.rounds() + " rounds after "
                + options.warmup() + " warm-up round(s), contenders' order reversed every other round; load average at"
                + " the end: " + load + "; child JVM options: "
                + (System.getProperty("coldstart.jvmArgs", "").isBlank() ? "none (defaults)" : System.getProperty("coldstart.jvmArgs"));
    }

    /** The markdown table: per contender, median and min-max of each measure, and the ratios to tenantdao. */
    public static String table(List<Run> runs) {
        Map<String, List<Run>> byContender = new LinkedHashMap<>();
        for (Run run : runs) {
            byContender.computeIfAbsent(run.contender(), c -> new ArrayList<>()).add(run);
        }
        Map<Integer, Run> reference = new LinkedHashMap<>();
        Map<Integer, Run> floor = new LinkedHashMap<>();
        for (Run run : runs) {
            if (run.contender().equals("tenantdao")) {
                reference.put(run.round(), run);
            } else if (run.contender().equals("jdbc")) {
                floor.put(run.round(), run);
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("| contender | runs | JVM start to first query answered, ms | ratio to tenantdao"
                + " | above hand-written JDBC, ms | JVM start to ready, ms"
                + " | JVM start to main, ms | process CPU time, ms | CPU ratio to tenantdao | process wall time, ms"
                + " | wall ratio to tenantdao | heap used after GC, MB | classes loaded |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Run>> entry : byContender.entrySet()) {
            List<Run> list = entry.getValue();
            List<Double> ratios = new ArrayList<>();
            List<Double> wallRatios = new ArrayList<>();
            List<Double> aboveFloor = new ArrayList<>();
            List<Double> cpuRatios = new ArrayList<>();
            for (Run run : list) {
                Run jdbc = floor.get(run.round());
                if (jdbc != null) {
                    aboveFloor.add((double) (run.answered() - jdbc.answered()));
                }
                Run ref = reference.get(run.round());
                if (ref != null) {
                    ratios.add((double) run.answered() / ref.answered());
                    wallRatios.add((double) run.wall() / ref.wall());
                    cpuRatios.add((double) run.cpu() / ref.cpu());
                }
            }
            table.append("| ").append(entry.getKey())
                    .append(" | ").append(list.size())
                    .append(" | ").append(spread(list, Run::answered, "%,.0f"))
                    .append(" | ").append(ratios.isEmpty() ? "" : spread(ratios, "%.2f"))
                    .append(" | ").append(aboveFloor.isEmpty() ? "" : spread(aboveFloor, "%,.0f"))
                    .append(" | ").append(spread(list, Run::ready, "%,.0f"))
                    .append(" | ").append(spread(list, Run::main, "%,.0f"))
                    .append(" | ").append(spread(list, Run::cpu, "%,.0f"))
                    .append(" | ").append(cpuRatios.isEmpty() ? "" : spread(cpuRatios, "%.2f"))
                    .append(" | ").append(spread(list, Run::wall, "%,.0f"))
                    .append(" | ").append(wallRatios.isEmpty() ? "" : spread(wallRatios, "%.2f"))
                    .append(" | ").append(spread(list, r -> r.heap() / 1048576.0, "%,.1f"))
                    .append(" | ").append(spread(list, Run::classes, "%,.0f"))
                    .append(" |\n");
        }
        return table.toString();
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> measure, String format) {
        List<Double> values = new ArrayList<>();
        for (Run run : runs) {
            values.add(measure.applyAsDouble(run));
        }
        return spread(values, format);
    }

    /** {@code median (min-max)}; one value alone when there is one. */
    static String spread(List<Double> values, String format) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        String text = String.format(Locale.ROOT, format, median);
        if (n > 1) {
            text += " (" + String.format(Locale.ROOT, format, sorted.get(0)) + "-"
                    + String.format(Locale.ROOT, format, sorted.get(n - 1)) + ")";
        }
        return text;
    }

    static String csv(List<Run> runs) {
        StringBuilder csv = new StringBuilder("contender,round,main_ms,ready_ms,answered_ms,wall_ms,heap_bytes,classes,cpu_ms,row\n");
        for (Run run : runs) {
            csv.append(String.join(",", run.contender(), Integer.toString(run.round()), Long.toString(run.main()),
                    Long.toString(run.ready()), Long.toString(run.answered()), Long.toString(run.wall()),
                    Long.toString(run.heap()), Long.toString(run.classes()), Long.toString(run.cpu()), run.row()))
                    .append('\n');
        }
        return csv.toString();
    }
}
