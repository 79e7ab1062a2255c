package dev.tenantdao.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link CompareSummary} on JMH CSV results: a real one-round file and three made-up rounds. */
class CompareSummaryTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CompareSummaryTest.class.getResource("/" + name).toURI());
    }

    @Test
    void readsJmhCsvWithItsSecondaryMetrics() throws Exception {
        // written by JMH 1.37: CrudBenchmark.findById_(jdbc|dao), -prof gc, one fork, two iterations
        List<CompareSummary.Score> scores = CompareSummary.read(resource("jmh-sample"));
        assertEquals(10, scores.size());
        CompareSummary.Score dao = scores.get(0);
        assertEquals(new CompareSummary.Score(1, "CrudBenchmark.findById", "dao", "", 4119.376644, Double.NaN, "ops/s"),
                dao);
        assertEquals("gc.alloc.rate.norm", scores.get(2).metric());
        assertEquals(36428.084965, scores.get(2).value());

        List<CompareSummary.Row> rows = CompareSummary.summarize(scores);
        assertEquals(List.of("jdbc", "dao"), rows.stream().map(CompareSummary.Row::contender).toList());
        assertEquals(1.0, rows.get(0).medianRatio());
        assertEquals(4119.376644 / 4669.348732, rows.get(1).medianRatio(), 1e-12);
        assertArrayEquals(new double[] {36428.084965}, rows.get(1).metric("gc.alloc.rate.norm"));
    }

    @Test
    void reportsTheMedianOfPerRoundRatiosWithItsRange() throws Exception {
        List<CompareSummary.Row> rows = CompareSummary.summarize(CompareSummary.read(resource("compare-sample")));
        assertEquals(List.of("jdbc", "dao", "hibernate"), rows.stream().map(CompareSummary.Row::contender).toList());
        CompareSummary.Row dao = rows.get(1);
        assertEquals(3, dao.rounds());
        // rounds: 1100/1000, 450/500, 2000/2000; the median of the paired ratios is 1.00 (the ratio of the
        // medians, 1100/1000, would be 1.10: a slow round would count for one contender and not the other)
        assertArrayEquals(new double[] {1.10, 0.90, 1.00}, dao.ratios(), 1e-12);
        assertEquals(1.00, dao.medianRatio(), 1e-12);
        assertEquals(1100, dao.medianScore());
        assertArrayEquals(new double[] {1799, 1801, 1799}, dao.metric("gc.alloc.rate.norm"));
        // in two rounds only: an even count's median is the mean of the middle two
        CompareSummary.Row hibernate = rows.get(2);
        assertEquals(2, hibernate.rounds());
        assertEquals(0.75, hibernate.medianRatio(), 1e-12);

        String table = CompareSummary.table(rows);
        assertTrue(table.contains("| CrudBenchmark.findById | dao | 3 | 1,100 ops/s | 1.00 | 0.90-1.10 | 1,799 | 1,799-1,801 |"),
                table);
        assertTrue(table.contains("| CrudBenchmark.findById | hibernate | 2 | 550 ops/s | 0.75 | 0.70-0.80 | - | - |"),
                table);
        assertTrue(!table.contains("instructions"), "no perfnorm results, no instructions column");
    }

    @Test
    void timePerOperationRatiosAreInvertedAndClientMetricsShownWhenMeasured() {
        List<String> lines = List.of("\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"",
                "\"x.B.op_jdbc\",\"avgt\",1,3,100.0,1.0,\"us/op\"",
                "\"x.B.op_jdbc:instructions\",\"avgt\",1,3,50000.0,NaN,\"#/op\"",
                "\"x.B.op_dao\",\"avgt\",1,3,125.0,2.0,\"us/op\"",
                "\"x.B.op_dao:instructions\",\"avgt\",1,3,52000.0,NaN,\"#/op\"",
                "\"x.B.op_dao:client.alloc.norm\",\"avgt\",1,3,1200.0,NaN,\"B/op\"",
                "\"x.B.op_dao:client.cpu.norm\",\"avgt\",1,3,2500.0,NaN,\"ns/op\"");
        List<CompareSummary.Row> rows = CompareSummary.summarize(CompareSummary.parse(1, lines));
        assertEquals(0.8, rows.get(1).medianRatio(), 1e-12);
        String table = CompareSummary.table(rows);
        assertTrue(table.startsWith("| operation | contender | rounds | score (median) | ratio to JDBC (median) |"
                + " ratio min-max | client bytes/op (median) | min-max | client CPU us/op (median) | min-max |"
                + " instructions/op (median) | min-max |\n"), table);
        assertTrue(table.contains("| B.op | jdbc | 1 | 100 ± 1 us/op | 1.00 | - | - | - | - | - | 50,000 | - |"), table);
        assertTrue(table.contains("| B.op | dao | 1 | 125 ± 2 us/op | 0.80 | - | 1,200 | - | 2.5 | - | 52,000 | - |"), table);
    }

    @Test
    void median() {
        assertEquals(2.0, CompareSummary.median(new double[] {3, 1, 2}));
        assertEquals(2.5, CompareSummary.median(new double[] {4, 1, 2, 3}));
        assertTrue(Double.isNaN(CompareSummary.median(new double[0])));
    }
}
