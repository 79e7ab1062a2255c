package dev.tenantdao.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * {@code benchmarks/run compare}: the benchmarks matching a JMH include regex, in several rounds, each benchmark in a
 * JMH fork of its own, the contenders of one operation next to each other in time and in alternating order (round 1
 * A B C, round 2 C B A, ...: a drift in the machine's load during a round falls on every contender alike), then
 * {@link CompareSummary}'s table: the per-round ratio to hand-written JDBC, its median and min-max across rounds,
 * and the client's cost per operation ({@code -prof gc}, {@link ClientProfiler}).
 *
 * <pre>Compare &lt;include regex&gt; &lt;rounds&gt; &lt;output directory&gt; [JMH options, e.g. -wi 2 -i 3 -prof gc]</pre>
 *
 * Each fork's result is {@code <output>/round-<n>/<benchmark>.csv}; JMH's own log is {@code <output>/jmh.log}.
 */
public final class Compare {

    private Compare() {}

    public static void main(String[] args) throws IOException, CommandLineOptionException {
        if (args.length < 3) {
            System.err.println("usage: Compare <include regex> <rounds> <output directory> [JMH options]");
            System.exit(2);
        }
        String include = args[0];
        int rounds = Integer.parseInt(args[1]);
        Path output = Path.of(args[2]);
        CommandLineOptions jmh = new CommandLineOptions(java.util.Arrays.copyOfRange(args, 3, args.length));
        Files.createDirectories(output);
        try (PrintStream log = new PrintStream(Files.newOutputStream(output.resolve("jmh.log")), true)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL);
            Map<String, List<String>> operations = operations(
                    BenchmarkList.defaultList().find(format, List.of(include), List.of()));
            if (operations.isEmpty()) {
                System.err.println("no benchmark matches " + include);
                System.exit(2);
            }
            int forks = operations.values().stream().mapToInt(List::size).sum() * rounds;
            System.out.printf("%d benchmarks x %d rounds = %d JMH forks, one after another; JMH's log: %s%n",
                    forks / rounds, rounds, forks, output.resolve("jmh.log"));
            int fork = 0;
            for (int round = 1; round <= rounds; round++) {
                for (List<String> contenders : inOrder(new ArrayList<>(operations.values()), round)) {
                    for (String benchmark : inOrder(contenders, round)) {
                        fork++;
                        Path result = output.resolve("round-" + round).resolve(benchmark + ".csv");
                        Files.createDirectories(result.getParent());
                        RunResult run = run(jmh, benchmark, result, format);
                        System.out.printf(Locale.ROOT, "[%d/%d] round %d %-45s %,12.0f %s%s%s%n", fork, forks, round,
                                benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                                run.getPrimaryResult().getScore(), run.getPrimaryResult().getScoreUnit(),
                                secondary(run, "gc.alloc.rate.norm", "  %,.0f B/op (all threads)"),
                                secondary(run, "client.alloc.norm", "  %,.0f B/op (client)"));
                    }
                }
            }
        }
        System.out.println();
        System.out.print(CompareSummary.table(CompareSummary.summarize(CompareSummary.read(output))));
    }

    private static String secondary(RunResult run, String metric, String pattern) {
        Result<?> result = run.getSecondaryResults().get(metric);
        return result == null ? "" : String.format(Locale.ROOT, pattern, result.getScore());
    }

    /** The benchmarks by operation ({@code <class>.<operation>}), in name order, JDBC first within each. */
    static Map<String, List<String>> operations(Collection<BenchmarkListEntry> found) {
        Map<String, List<String>> operations = new LinkedHashMap<>();
        found.stream().map(BenchmarkListEntry::getUsername).distinct().sorted().forEach(name -> {
            int underscore = name.indexOf('_', name.lastIndexOf('.'));
            String operation = underscore < 0 ? name : name.substring(0, underscore);
            operations.computeIfAbsent(operation, o -> new ArrayList<>()).add(name);
        });
        operations.values().forEach(list -> list.sort(
                Comparator.comparing((String n) -> !n.endsWith("_jdbc")).thenComparing(n -> n)));
        return operations;
    }

    /** Odd rounds in the given order, even rounds reversed (A B C, C B A, A B C, ...). */
    static <T> List<T> inOrder(List<T> items, int round) {
        List<T> ordered = new ArrayList<>(items);
        if (round % 2 == 0) {
            java.util.Collections.reverse(ordered);
        }
        return ordered;
    }

    private static RunResult run(CommandLineOptions jmh, String benchmark, Path result, OutputFormat format) {
        try {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .parent(jmh)
                    .include("^" + Pattern.quote(benchmark) + "$")
                    .shouldFailOnError(true)
                    .resultFormat(ResultFormatType.CSV)
                    .result(result.toString())
                    .build(), format).run();
            if (results.size() != 1) {
                throw new IllegalStateException(benchmark + " gave " + results.size() + " results");
            }
            return results.iterator().next();
        } catch (RunnerException e) {
            throw new IllegalStateException(benchmark + " failed (its JMH log is in jmh.log): " + e.getMessage(), e);
        }
    }
}
