package dev.tenantdao.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code benchmarks/run main dev.tenantdao.benchmarks.ScaleSummary DIR}: from a {@code compare} run of
 * {@link ScaleBenchmark} (DIR: {@code benchmarks/target/compare}), how throughput holds up, per
 * contender and operation, as ratios taken within each round (median and min-max across rounds): the
 * large size against the small one (flat: 1.0), and partitioned against plain at each size.
 */
public final class ScaleSummary {

    private ScaleSummary() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ScaleSummary <directory of round-N/*.csv>");
            System.exit(2);
        }
        // operation (e.g. ScaleBenchmark.findByIdLarge) -> contender -> round -> ops/s
        Map<String, Map<String, Map<Integer, Double>>> scores = new TreeMap<>();
        for (CompareSummary.Score s : CompareSummary.read(Path.of(args[0]))) {
            if (s.metric().isEmpty() && s.group().startsWith("ScaleBenchmark.")) {
                scores.computeIfAbsent(s.group().substring("ScaleBenchmark.".length()), k -> new TreeMap<>())
                        .computeIfAbsent(s.contender(), k -> new TreeMap<>()).put(s.round(), s.value());
            }
        }
        System.out.println("| operation | contender | ratio | rounds | median | min-max |");
        System.out.println("|---|---|---|---:|---:|---:|");
        for (String operation : List.of("findById", "page50")) {
            for (String contender : List.of("jdbc", "dao")) {
                row(scores, operation, contender, "Large", "Small", "10,000 / 100 tenants, plain table");
                row(scores, operation, contender, "LargePartitioned", "SmallPartitioned", "10,000 / 100 tenants, partitioned");
                row(scores, operation, contender, "SmallPartitioned", "Small", "partitioned / plain, 100 tenants");
                row(scores, operation, contender, "LargePartitioned", "Large", "partitioned / plain, 10,000 tenants");
            }
        }
    }

    private static void row(Map<String, Map<String, Map<Integer, Double>>> scores, String operation, String contender,
            String numerator, String denominator, String what) {
        Map<Integer, Double> top = scores.getOrDefault(operation + numerator, Map.of()).getOrDefault(contender, Map.of());
        Map<Integer, Double> bottom = scores.getOrDefault(operation + denominator, Map.of()).getOrDefault(contender, Map.of());
        List<Double> ratios = new ArrayList<>();
        top.forEach((round, value) -> {
            Double base = bottom.get(round);
            if (base != null && base > 0) {
                ratios.add(value / base);
            }
        });
        if (ratios.isEmpty()) {
            return;
        }
        double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("| %s | %s | %s | %d | %.2f | %.2f-%.2f |%n", operation, contender, what, values.length,
                CompareSummary.median(values), Arrays.stream(values).min().orElseThrow(),
                Arrays.stream(values).max().orElseThrow());
    }
}
