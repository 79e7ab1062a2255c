package dev.tenantdao.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link AuditedContention} small, on real PostgreSQL, in every build: 4 writers, 50 attempts each, on 2 rows of one
 * tenant. Whatever the interleaving, every attempt either wrote (and left exactly one history row; versioned, the
 * row's version grew by one) or lost to an optimistic-lock conflict; writers without a version never lose. No timing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditedContentionTest {

    private static final int WRITERS = 4;
    private static final int ATTEMPTS = 50;

    private AuditedContention contention;

    @BeforeAll
    void rows() {
        contention = new AuditedContention("benchmarks_contention_smoke", 2, WRITERS);
    }

    @AfterAll
    void close() {
        contention.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blind_jdbc", "blind_dao", "versioned_dao"})
    void everySuccessfulWriteHasExactlyOneHistoryRow(String mode) throws InterruptedException {
        AuditedContention.Result result = contention.run(mode, WRITERS, 0, ATTEMPTS);
        assertEquals(WRITERS * ATTEMPTS, result.successes() + result.conflicts(), result.toString());
        assertEquals(result.successes(), result.historyRows(), "one history row per successful write");
        assertEquals(result.successes(), result.versionGrowth(), "one version per successful write");
        if (mode.startsWith("blind")) {
            assertEquals(0, result.conflicts(), "writers without a version wait for the row lock, and all write");
        } else {
            assertTrue(result.successes() > 0, result.toString());
        }
    }
}
