package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kennels, a schema per clinic: soft delete under a configured column name, the embedded daily rate,
 * uniques among live rows, history and the past, and a repository, each clinic in its own schema.
 */
class VetKennelSchemaTest {

    private static final String SHARED = "trial_vet_kennel";
    private static final List<String> CLINICS = List.of("oak", "elm");
    private static DataSource admin;
    private static KennelDao kennels;
    private static Kennels queries;

    @BeforeAll
    static void schemas() {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SHARED);
        Database database = Database.builder(admin).schemaMapping(tenant -> "trial_vet_kennel_" + tenant).build();
        for (String clinic : CLINICS) {
            server.dropSchema("trial_vet_kennel_" + clinic);
            database.createTenant(clinic, Kennel.class);
        }
        kennels = new KennelDao(database);
        queries = new KennelsImpl(database);
    }

    @AfterAll
    static void drop() {
        for (String clinic : CLINICS) {
            Postgres.shared().dropSchema("trial_vet_kennel_" + clinic);
        }
        Postgres.shared().dropSchema(SHARED);
    }

    private static <X> X at(String clinic, Supplier<X> work) {
        return TenantContext.callAs(clinic, work::get);
    }

    @Test
    void eachClinicsKennelsLiveInItsSchemaAndCloseSoftly() throws SQLException {
        Kennel k1 = new Kennel(1, "K1", eur("25.00"));
        at("oak", () -> kennels.insertAll(List.of(k1, new Kennel(2, "K2", new Fee(new BigDecimal("18.00"), "EUR")),
                new Kennel(3, "K3", new Fee(new BigDecimal("30.00"), "GBP")))));
        at("elm", () -> kennels.insert(new Kennel(1, "K1", eur("99.00"))));
        Instant open = now();
        assertEquals(List.of("K2", "K1"), at("oak", () -> queries.findByDailyRate_CurrencyOrderByDailyRate_AmountAsc("EUR"))
                .stream().map(Kennel::code).toList(), "derived finder on an embedded path, ordered by another");
        assertTrue(at("oak", () -> kennels.deleteById(1)));
        assertEquals(Optional.empty(), at("oak", () -> queries.findByCode("K1")));
        assertEquals(Optional.of(new Kennel(1, "K1", eur("99.00"))), at("elm", () -> queries.findByCode("K1")),
                "elm's own K1 untouched");
        assertEquals(1, rawCount("SELECT count(*) FROM \"trial_vet_kennel_oak\".vet_kennel WHERE closed_at IS NOT NULL AND id = 1"),
                "the configured column holds the deletion time, in oak's schema");
        assertEquals(0, rawCount("SELECT count(*) FROM \"trial_vet_kennel_elm\".vet_kennel WHERE closed_at IS NOT NULL AND id = 1"));
        assertEquals(Optional.of(k1), at("oak", () -> kennels.findDeletedById(1)));
        Kennel again = new Kennel(4, "K1", eur("27.00"));
        assertEquals(again, at("oak", () -> kennels.insert(again)), "a closed kennel's code is free again");
        assertThrows(DataAccessException.class, () -> at("oak", () -> kennels.restore(1)));
        assertEquals(List.of("K1", "K2", "K3"), at("oak", () -> kennels.findAllAsOf(open, 10)).stream().map(Kennel::code).toList());
        assertEquals(List.of(2L, 3L, 4L), at("oak", () -> kennels.findAllAsOf(now(), 10)).stream().map(Kennel::id).toList());
        assertTrue(at("oak", () -> kennels.purge(1)));
        assertEquals(List.of(HistoryEntry.Operation.PURGE, HistoryEntry.Operation.DELETE, HistoryEntry.Operation.INSERT),
                at("oak", () -> kennels.history(1)).stream().map(HistoryEntry::operation).toList());
        assertFalse(at("elm", () -> kennels.purge(2)), "elm has no kennel 2");
    }

    @Test
    void anUpsertByCodeMeetsTheLiveKennelOnly() {
        at("elm", () -> kennels.insert(new Kennel(10, "K10", eur("10.00"))));
        assertTrue(at("elm", () -> kennels.deleteById(10)));
        Kennel fresh = at("elm", () -> kennels.upsertByCode(new Kennel(11, "K10", eur("11.00"))));
        assertEquals(11, fresh.id());
        Kennel repriced = at("elm", () -> kennels.upsertByCode(new Kennel(12, "K10", eur("12.00"))));
        assertEquals(new Kennel(11, "K10", eur("12.00")), repriced);
    }

    private static Instant now() {
        try {
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT clock_timestamp()")) {
                rows.next();
                return rows.getTimestamp(1).toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long rawCount(String sql) throws SQLException {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
