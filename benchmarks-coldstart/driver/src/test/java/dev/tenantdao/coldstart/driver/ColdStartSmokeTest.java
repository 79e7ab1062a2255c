package dev.tenantdao.coldstart.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The smoke check of the default build: every contender's main runs once, as a child process on its own class path,
 * against the 100 tables in a schema of this test's own, and answers tenant t1's row (t2 has a row with the same id
 * and another name). No timing is asserted; the table is printed for the curious.
 */
class ColdStartSmokeTest {

    private static final String SCHEMA = "coldstart_smoke";

    @AfterAll
    static void dropSchema() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    @Test
    void everyContenderAnswersTheTenantsRow() throws Exception {
        ColdStart.Options options = new ColdStart.Options(1, 0, List.of(),
                Path.of("target", "coldstart-smoke"), SCHEMA);
        List<String> log = new ArrayList<>();
        List<ColdStart.Run> runs = ColdStart.run(options, log::add);

        assertEquals(ColdStart.CONTENDERS.stream().map(ColdStart.Contender::name).toList(),
                runs.stream().map(ColdStart.Run::contender).toList(), String.join("\n", log));
        for (ColdStart.Run run : runs) {
            assertEquals("t1-51-2", run.row(), run.toString());
            assertTrue(run.main() <= run.ready() && run.ready() <= run.answered(), run.toString());
            assertTrue(run.heap() > 0 && run.classes() > 0, run.toString());
        }
        System.out.println(ColdStart.table(runs));
    }

    @Test
    void theTableGivesMediansRangesAndRatiosWithinEachRound() {
        List<ColdStart.Run> runs = List.of(
                new ColdStart.Run("tenantdao", 1, 10, 100, 200, 300, 1048576, 1000, 300, "x"),
                new ColdStart.Run("other", 1, 10, 500, 1000, 1200, 2097152, 3000, 1500, "x"),
                new ColdStart.Run("tenantdao", 2, 10, 100, 400, 500, 1048576, 1000, 300, "x"),
                new ColdStart.Run("other", 2, 10, 500, 1000, 1500, 2097152, 3000, 1200, "x"),
                new ColdStart.Run("tenantdao", 3, 10, 100, 250, 350, 1048576, 1000, 300, "x"),
                new ColdStart.Run("other", 3, 10, 500, 1000, 1400, 2097152, 3000, 1800, "x"),
                new ColdStart.Run("jdbc", 1, 10, 50, 150, 250, 1048576, 900, 250, "x"),
                new ColdStart.Run("jdbc", 2, 10, 50, 300, 400, 1048576, 900, 250, "x"),
                new ColdStart.Run("jdbc", 3, 10, 50, 200, 300, 1048576, 900, 250, "x"));
        String table = ColdStart.table(runs);
        // above the floor (jdbc) within each round: 50, 100, 50
        assertTrue(table.contains("| tenantdao | 3 | 250 (200-400) | 1.00 (1.00-1.00) | 50 (50-100) |"), table);
        // ratios 5.00, 2.50, 4.00 within the rounds: median 4.00; above the floor 850, 700, 800
        assertTrue(table.contains("| other | 3 | 1,000 (1,000-1,000) | 4.00 (2.50-5.00) | 800 (700-850) |"), table);
        // process CPU time within each round: 5.00, 4.00, 6.00 times tenantdao's
        assertTrue(table.contains("| 10 (10-10) | 1,500 (1,200-1,800) | 5.00 (4.00-6.00) |"), table);
        assertTrue(table.contains("| jdbc | 3 | 200 (150-300) | 0.75 (0.75-0.80) | 0 (0-0) |"), table);
        assertTrue(table.contains("| 2.0 (2.0-2.0) | 3,000 (3,000-3,000) |"), table);
    }
}
