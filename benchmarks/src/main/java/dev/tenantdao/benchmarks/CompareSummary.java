package dev.tenantdao.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The table {@code benchmarks/run} prints: JMH CSV results ({@code -rf csv}) of one or more rounds, read from
 * {@code <dir>/round-<n>/*.csv}, summarized per operation ({@code <Class>.<operation>}) and contender (the method
 * name's part after {@code _}):
 *
 * <ul>
 *   <li>the ratio to hand-written JDBC ({@code <operation>_jdbc}) is taken within each round (the contenders of an
 *       operation ran next to each other in time), and its median across rounds is reported with its min-max;
 *   <li>bytes allocated per operation ({@code gc.alloc.rate.norm} of JMH's {@code -prof gc}, every thread of the
 *       fork), and the benchmark threads' own bytes and CPU time per operation ({@link ClientProfiler}): client-side
 *       costs that do not depend on wall time, median and min-max across rounds;
 *   <li>instructions per operation when the results have them ({@code -prof perfnorm} on a machine whose hardware
 *       counters {@code perf} can read).
 * </ul>
 *
 * Ratios are "higher is faster": score / JDBC's for throughput ({@code ops/...}), JDBC's / score for time per
 * operation. {@code java ... CompareSummary <dir>} prints the table of a finished run again.
 */
public final class CompareSummary {

    private CompareSummary() {}

    /** The per-operation metrics shown, when the results have them: name, column title, scale. */
    private record Metric(String name, String title, double scale) {}

    private static final List<Metric> METRICS = List.of(
            new Metric("gc.alloc.rate.norm", "bytes/op (all threads)", 1),
            new Metric("client.alloc.norm", "client bytes/op", 1),
            new Metric("client.cpu.norm", "client CPU us/op", 1e-3),
            new Metric("instructions", "instructions/op", 1));
    private static final Pattern ROUND = Pattern.compile("round-(\\d+)");

    /** One line of a JMH CSV result: a benchmark's primary score ({@code metric} empty) or a secondary one. */
    record Score(int round, String group, String contender, String metric, double value, double error, String unit) {}

    /** A contender's line of the table. */
    record Row(String group, String contender, int rounds, double medianScore, double error, String unit,
            double[] ratios, Map<String, double[]> metrics) {

        double medianRatio() {
            return median(ratios);
        }

        /** The metric's value per round (none: empty). */
        double[] metric(String name) {
            return metrics.getOrDefault(name, new double[0]);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: CompareSummary <directory of round-N/*.csv>");
            System.exit(2);
        }
        System.out.print(table(summarize(read(Path.of(args[0])))));
    }

    /** Every {@code round-<n>/*.csv} under {@code directory} (or {@code *.csv} in it, as round 1). */
    static List<Score> read(Path directory) throws IOException {
        List<Score> scores = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                Matcher round = ROUND.matcher(file.getParent().getFileName().toString());
                scores.addAll(parse(round.matches() ? Integer.parseInt(round.group(1)) : 1, Files.readAllLines(file)));
            }
        }
        return scores;
    }

    /** The lines of one JMH CSV result file, header first. */
    static List<Score> parse(int round, List<String> lines) {
        List<Score> scores = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line);
            String benchmark = cells.get(0);
            String metric = "";
            int colon = benchmark.indexOf(':');
            if (colon >= 0) {
                metric = benchmark.substring(colon + 1);
                benchmark = benchmark.substring(0, colon);
            }
            String[] parts = benchmark.split("\\.");
            String method = parts[parts.length - 1];
            String type = parts.length > 1 ? parts[parts.length - 2] + "." : "";
            int underscore = method.indexOf('_');
            String group = type + (underscore < 0 ? method : method.substring(0, underscore));
            String contender = underscore < 0 ? "" : method.substring(underscore + 1);
            scores.add(new Score(round, group, contender, metric, number(cells.get(4)), number(cells.get(5)),
                    cells.get(6)));
        }
        return scores;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static double number(String cell) {
        return cell.isBlank() || cell.equals("NaN") ? Double.NaN : Double.parseDouble(cell);
    }

    /** Rows per operation (in name order) and contender (JDBC first, then by name). */
    static List<Row> summarize(List<Score> scores) {
        Map<String, Map<String, Map<Integer, Score>>> primary = new TreeMap<>();
        Map<String, Map<String, Map<Integer, Double>>> metrics = new LinkedHashMap<>();
        for (Score s : scores) {
            String key = s.group() + "_" + s.contender();
            String metric = s.metric().startsWith("\u00b7") ? s.metric().substring(1) : s.metric();
            if (metric.isEmpty()) {
                primary.computeIfAbsent(s.group(), g -> new TreeMap<>())
                        .computeIfAbsent(s.contender(), c -> new TreeMap<>())
                        .put(s.round(), s);
            } else {
                String name = metric.startsWith("instructions:") ? "instructions" : metric;
                metrics.computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(name, m -> new TreeMap<>())
                        .put(s.round(), s.value());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<Integer, Score>>> group : primary.entrySet()) {
            Map<Integer, Score> jdbc = group.getValue().getOrDefault("jdbc", Map.of());
            List<String> contenders = new ArrayList<>(group.getValue().keySet());
            contenders.sort(Comparator.comparing((String c) -> !c.equals("jdbc")).thenComparing(c -> c));
            for (String contender : contenders) {
                Map<Integer, Score> byRound = group.getValue().get(contender);
                List<Double> ratios = new ArrayList<>();
                for (Score s : byRound.values()) {
                    Score reference = jdbc.get(s.round());
                    if (reference != null) {
                        boolean throughput = s.unit().startsWith("ops/");
                        ratios.add(throughput ? s.value() / reference.value() : reference.value() / s.value());
                    }
                }
                String key = group.getKey() + "_" + contender;
                Score only = byRound.size() == 1 ? byRound.values().iterator().next() : null;
                rows.add(new Row(group.getKey(), contender, byRound.size(),
                        median(byRound.values().stream().mapToDouble(Score::value).toArray()),
                        only == null ? Double.NaN : only.error(), byRound.values().iterator().next().unit(),
                        ratios.stream().mapToDouble(Double::doubleValue).toArray(), values(metrics.get(key))));
            }
        }
        return rows;
    }

    private static Map<String, double[]> values(Map<String, Map<Integer, Double>> byMetric) {
        Map<String, double[]> values = new TreeMap<>();
        if (byMetric != null) {
            byMetric.forEach((metric, byRound) ->
                    values.put(metric, byRound.values().stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return values;
    }

    /** The median (the mean of the middle two of an even count); NaN of none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The Markdown table: a metric's two columns (median, min-max) only when some row has it. */
    static String table(List<Row> rows) {
        List<Metric> shown = METRICS.stream()
                .filter(m -> rows.stream().anyMatch(r -> r.metric(m.name()).length > 0))
                .toList();
        StringBuilder out = new StringBuilder("| operation | contender | rounds | score (median) | ratio to JDBC (median)"
                + " | ratio min-max |");
        StringBuilder rule = new StringBuilder("|---|---|---:|---:|---:|---:|");
        for (Metric m : shown) {
            out.append(" ").append(m.title()).append(" (median) | min-max |");
            rule.append("---:|---:|");
        }
        out.append("\n").append(rule).append("\n");
        for (Row r : rows) {
            String score = format("%,.0f", r.medianScore())
                    + (Double.isNaN(r.error()) ? "" : format(" ± %,.0f", r.error())) + " " + r.unit();
            out.append("| ").append(r.group()).append(" | ").append(r.contender()).append(" | ").append(r.rounds())
                    .append(" | ").append(score)
                    .append(" | ").append(r.ratios().length == 0 ? "-" : format("%.2f", r.medianRatio()))
                    .append(" | ").append(range(r.ratios(), "%.2f", 1))
                    .append(" |");
            for (Metric m : shown) {
                double[] values = r.metric(m.name());
                String pattern = m.scale() == 1 ? "%,.0f" : "%,.1f";
                out.append(" ").append(values.length == 0 ? "-" : format(pattern, median(values) * m.scale()))
                        .append(" | ").append(range(values, pattern, m.scale())).append(" |");
            }
            out.append("\n");
        }
        return out.toString();
    }

    private static String range(double[] values, String pattern, double scale) {
        if (values.length < 2) {
            return "-";
        }
        double min = Arrays.stream(values).min().orElseThrow() * scale;
        double max = Arrays.stream(values).max().orElseThrow() * scale;
        return format(pattern, min) + "-" + format(pattern, max);
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
