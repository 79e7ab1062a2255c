package dev.tenantdao.samples.trial.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Workshop benches, a schema per library (README: Schema per tenant; the extension serves one schema, so a Database of our own). */
class ToolBenchSchemaTest {

    private static final String SHARED = "trial_tools_bench";
    private static final List<String> LIBRARIES = List.of("oak", "elm", "ash", "fir");
    private static DataSource admin;
    private static Database database;
    private static BenchDao benches;
    private static Benches bookings;

    @BeforeAll
    static void schemas() {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SHARED);
        database = Database.builder(admin).schemaMapping(tenant -> "trial_tools_bench_" + tenant).build();
        for (String library : LIBRARIES) {
            server.dropSchema("trial_tools_bench_" + library);
            database.createTenant(library, Bench.class);
        }
        database.createTenant("oak", Bench.class);   // idempotent
        benches = new BenchDao(database);
        bookings = new BenchesImpl(database);
    }

    @AfterAll
    static void drop() {
        for (String library : LIBRARIES) {
            Postgres.shared().dropSchema("trial_tools_bench_" + library);
        }
        Postgres.shared().dropSchema(SHARED);
    }

    private static final LocalDateTime NINE = LocalDateTime.of(2026, 4, 4, 9, 0);

    @Test
    void eachLibrarysBookingsLiveInItsOwnSchema() throws SQLException {
        Bench oak = TenantContext.callAs("ash", () -> benches.insert(Bench.book("lathe", "Ada", NINE)));
        Bench elm = TenantContext.callAs("fir", () -> benches.insert(Bench.book("welder", "Eli", NINE)));
        assertEquals(oak.id(), elm.id(), "each schema has its own identity: both got the first id");
        assertEquals("open", oak.purpose(), "the column's default, read back by insert");
        assertEquals("lathe", TenantContext.callAs("ash", () -> benches.findById(oak.id())).orElseThrow().bench());
        assertEquals("welder", TenantContext.callAs("fir", () -> benches.findById(oak.id())).orElseThrow().bench());
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT bench FROM \"trial_tools_bench_ash\".tl_bench")) {
            assertTrue(rows.next());
            assertEquals("lathe", rows.getString(1), "the row is in ash's schema");
        }
        assertThrows(NoTenantException.class, benches::count);
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs("x\"; drop table tl_bench; --", benches::count));
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs("Oak", benches::count),
                "the mapping makes an identifier that is not lower case");
    }

    @Test
    void cancellingIsASoftDeleteWithHistory() {
        TenantContext.runAs("oak", () -> benches.insertAll(List.of(Bench.book("saw", "Bo", NINE.minusDays(2)),
                Bench.book("saw", "Cy", NINE.plusDays(1)), Bench.book("saw", "Di", NINE.plusDays(2)))));
        assertEquals(List.of("Bo", "Cy", "Di"), TenantContext.callAs("oak", () -> bookings.findByBenchOrderByStartsAtAsc("saw"))
                .stream().map(Bench::bookedBy).toList());
        assertEquals(1, TenantContext.callAs("oak", () -> bookings.cancelBefore(NINE)));
        assertEquals(List.of("Cy", "Di"), TenantContext.callAs("oak", () -> bookings.findByBenchOrderByStartsAtAsc("saw"))
                .stream().map(Bench::bookedBy).toList());
        Bench bo = TenantContext.callAs("oak", () -> benches.findAllDeleted(10, 0)).stream()
                .filter(b -> b.bookedBy().equals("Bo")).findFirst().orElseThrow();
        List<HistoryEntry<Bench>> history = TenantContext.callAs("oak", () -> benches.history(bo.id()));
        assertEquals(List.of(HistoryEntry.Operation.DELETE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertEquals(Optional.empty(), TenantContext.callAs("oak", () -> benches.asOf(bo.id(), history.get(0).changedAt())));
        assertEquals(List.of(), TenantContext.callAs("elm", () -> bookings.findByBenchOrderByStartsAtAsc("saw")));
        assertTrue(TenantContext.callAs("oak", () -> benches.restore(bo.id())));
        assertEquals(3, TenantContext.callAs("oak", () -> bookings.findByBenchOrderByStartsAtAsc("saw")).size());
    }
}
