package dev.tenantdao.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * <pre>mvn -B -ntp -Pbenchmarks -pl benchmarks -am install -DskipTests
 * mvn -B -ntp -Pbenchmarks -pl benchmarks exec:exec -Dbench.main=dev.tenantdao.benchmarks.ProcessorCost -Djmh.args=</pre>
 */
public final class ProcessorCost {

    private ProcessorCost() {}

    public static void main(String[] args) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("java.class.path");
        for (int n : new int[] {50, 500}) {
            Path sources = Files.createTempDirectory("tenantdao-cost-src");
            List<Path> files = writeEntities(sources, n);
            long without = best(javac, classpath, files, false);
            long with = best(javac, classpath, files, true);
            System.out.printf("N = %d entities: javac %d ms without the processor, %d ms with it:"
                    + " %.2f ms added per entity%n", n, without, with, (with - without) / (double) n);
            delete(sources);
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

    /** The fastest of 5 compilations (after 2 warm-up ones), in milliseconds. */
    private static long best(JavaCompiler javac, String classpath, List<Path> files, boolean processor)
            throws IOException {
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 7; run++) {
            Path out = Files.createTempDirectory("tenantdao-cost-out");
            try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
                List<String> options = new ArrayList<>(List.of("-classpath", classpath, "-d", out.toString(),
                        "-s", out.toString(), "-proc:" + (processor ? "full" : "none"), "-nowarn"));
                if (processor) {
                    options.addAll(List.of("-processor", "dev.tenantdao.processor.TenantDaoProcessor,"
                            + "dev.tenantdao.processor.GeneratedDaoAnnotations"));
                }
                long start = System.nanoTime();
                boolean ok = javac.getTask(null, manager, null, options, null,
                        manager.getJavaFileObjectsFromPaths(files)).call();
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (!ok) {
                    throw new IllegalStateException("compilation failed");
                }
                if (run >= 2) {
                    best = Math.min(best, elapsed);
                }
            } finally {
                delete(out);
            }
        }
        return best;
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
