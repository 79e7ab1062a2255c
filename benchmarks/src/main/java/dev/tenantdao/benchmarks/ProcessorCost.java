package dev.tenantdao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor adds to compile time: N generated entity sources (N = 50 and 500) compiled with
 * and without the tenantdao processor, in the same JVM (best of several warm runs), reported as the
 * added milliseconds per entity. Run with
 *
 * <pre>benchmarks/run main dev.tenantdao.benchmarks.ProcessorCost</pre>
 *
 * (system properties below in {@code JAVA_OPTS}).
 *
 * <p>Side by side: {@code -Dcost.variants=before=<class path>;after=<class path>} compiles the same
 * sources with each variant's processor, annotations and runtime (each class path serves as both
 * {@code -processorpath} and {@code -classpath}, so two processors' generated code each compile
 * against their own runtime), interleaved round by round, and reports each variant's added time and
 * its ratio to the first variant's. {@code -Dcost.n=500} picks the sizes.
 *
 * <p>Three clocks: wall-clock time; the compiling thread's CPU time ({@code ThreadMXBean}; javac
 * compiles, and runs the processors, on the thread that calls it); and the whole JVM's CPU time,
 * which adds the garbage collector's and the JIT compiler's threads (a processor that allocates more
 * pays for it there, not on the compiling thread). On a machine shared with other work the CPU
 * clocks are the steadier, since time spent waiting for a core is not counted. All three are
 * reported; {@code -Dcost.clock=wall}, {@code cpu} or {@code process} reports only one. Besides, the
 * bytes the compiling thread allocated: not a time, but nearly independent of the machine's load, so
 * a small change in the processor's work shows there when the clocks cannot resolve it.
 */
public final class ProcessorCost {

    private ProcessorCost() {}

    /**
     * {@code -Dcost.proc=only}: the processor runs but javac compiles nothing it generated, which
     * separates the processor's own work from javac's compiling of the generated DAOs.
     */
    private static final String PROCESSING = System.getProperty("cost.proc", "full");

    /** {@code -Dcost.clock}: {@code wall}, {@code cpu} (the compiling thread's), {@code process} or {@code all}. */
    private static final String CLOCK = System.getProperty("cost.clock", "all");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** A processor to measure: a name and the class path of its processor, annotations and runtime. */
    private record Variant(String name, String classpath) {}

    /** One compilation's duration in milliseconds by each clock: wall, the compiling thread's CPU, the JVM's CPU. */
    private record Timing(long wall, long cpu, long process, long allocated) {}

    public static void main(String[] args) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path");
        List<Variant> variants = new ArrayList<>();
        String configured = System.getProperty("cost.variants", "");
        if (configured.isBlank()) {
            variants.add(new Variant("this build", classpath));
        } else {
            for (String variant : configured.split(";")) {
                int equals = variant.indexOf('=');
                variants.add(new Variant(variant.substring(0, equals), variant.substring(equals + 1)));
            }
        }
        for (String size : System.getProperty("cost.n", "50,500").split(",")) {
            int n = Integer.parseInt(size.strip());
            Path sources = Files.createTempDirectory("tenantdao-cost-src");
            List<Path> files = writeEntities(sources, n);
            long[] bestWall = new long[variants.size() + 1];
            long[] bestCpu = new long[variants.size() + 1];
            long[] bestProcess = new long[variants.size() + 1];
            long[] leastAllocated = new long[variants.size() + 1];
            java.util.Arrays.fill(bestWall, Long.MAX_VALUE);
            java.util.Arrays.fill(bestCpu, Long.MAX_VALUE);
            java.util.Arrays.fill(bestProcess, Long.MAX_VALUE);
            java.util.Arrays.fill(leastAllocated, Long.MAX_VALUE);
            for (int round = 0; round < 7; round++) {
                // interleaved, so a drift in the machine's speed reaches every variant alike
                for (int v = -1; v < variants.size(); v++) {
                    Timing timing = v < 0
                            ? compile(javac, variants.get(0).classpath(), files, false)
                            : compile(javac, variants.get(v).classpath(), files, true);
                    if (round >= 2) {
                        bestWall[v + 1] = Math.min(bestWall[v + 1], timing.wall());
                        bestCpu[v + 1] = Math.min(bestCpu[v + 1], timing.cpu());
                        bestProcess[v + 1] = Math.min(bestProcess[v + 1], timing.process());
                        leastAllocated[v + 1] = Math.min(leastAllocated[v + 1], timing.allocated());
                    }
                }
            }
            if (CLOCK.equals("all") || CLOCK.equals("wall")) {
                report("wall", n, variants, bestWall);
            }
            if (CLOCK.equals("all") || CLOCK.equals("cpu")) {
                report("thread cpu", n, variants, bestCpu);
            }
            if (CLOCK.equals("all") || CLOCK.equals("process")) {
                report("process cpu", n, variants, bestProcess);
            }
            System.out.printf("N = %d entities, allocated by the compiling thread: %.1f MB without a processor%n",
                    n, leastAllocated[0] / 1e6);
            for (int v = 0; v < variants.size(); v++) {
                double added = (leastAllocated[v + 1] - leastAllocated[0]) / 1e6 / n;
                System.out.printf("  %-12s %.2f MB added per entity (%.2fx the first)%n", variants.get(v).name(), added,
                        added / ((leastAllocated[1] - leastAllocated[0]) / 1e6 / n));
            }
            delete(sources);
        }
    }

    private static void report(String clock, int n, List<Variant> variants, long[] best) {
        System.out.printf("N = %d entities, %s clock: javac %d ms without a processor (best of 5 after 2 warm-ups)%n",
                n, clock, best[0]);
        double first = -1;
        for (int v = 0; v < variants.size(); v++) {
            double added = (best[v + 1] - best[0]) / (double) n;
            if (first < 0) {
                first = added;
            }
            System.out.printf("  %-12s %d ms with it: %.2f ms added per entity (%.2fx the first)%n",
                    variants.get(v).name(), best[v + 1], added, added / first);
        }
    }

    private static List<Path> writeEntities(Path root, int n) throws IOException {
        Path dir = Files.createDirectories(root.resolve("gen"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path file = dir.resolve("Entity" + i + ".java");
            Files.writeString(file, "package gen;\n"
                    + "import dev.tenantdao.annotations.*;\n"
                    + "@Entity @Tenanted\n"
                    + "public record Entity" + i + "(@Id(generated = true) Long id, String name,"
                    + " java.math.BigDecimal amount, java.time.Instant createdAt, int quantity,"
                    + " @Column(nullable = false) String code, java.util.UUID reference) {}\n");
            files.add(file);
        }
        return files;
    }

    /** One compilation of {@code files}; with the processor found on {@code classpath}. */
    private static Timing compile(JavaCompiler javac, String classpath, List<Path> files, boolean processor)
            throws IOException {
        Path out = Files.createTempDirectory("tenantdao-cost-out");
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
            List<String> options = new ArrayList<>(List.of("-classpath", classpath, "-d", out.toString(),
                    "-s", out.toString(), "-proc:" + (processor ? PROCESSING : "none"), "-nowarn"));
            if (processor) {
                options.addAll(List.of("-processorpath", classpath, "-processor",
                        "dev.tenantdao.processor.TenantDaoProcessor,dev.tenantdao.processor.GeneratedDaoAnnotations"));
            }
            long startAllocated = THREADS.getCurrentThreadAllocatedBytes();
            long startProcess = SYSTEM.getProcessCpuTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            boolean ok = javac.getTask(null, manager, null, options, null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            long wall = (System.nanoTime() - start) / 1_000_000;
            long cpu = (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
            long process = (SYSTEM.getProcessCpuTime() - startProcess) / 1_000_000;
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - startAllocated;
            if (!ok) {
                throw new IllegalStateException("compilation failed");
            }
            return new Timing(wall, cpu, process, allocated);
        } finally {
            delete(out);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
