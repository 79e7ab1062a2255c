package dev.tenantdao.samples.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantDaoException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ledger, one schema per tenant, next to the shared currency table. */
class SchemaPerTenantTest {

    private static RecordingDataSource dataSource;
    private static Database database;
    private static AccountDao accounts;
    private static LedgerEntryDao entries;

    @BeforeAll
    static void tenants() {
        dataSource = TestSchemas.invoicing("schema_per_tenant");
        database = Database.builder(dataSource).schemaMapping(tenant -> "ledger_" + tenant).build();
        accounts = new AccountDao(database);
        entries = new LedgerEntryDao(database);
        for (String tenant : List.of("acme", "globex", "north", "south", "initech")) {
            Postgres.shared().freshSchema("ledger_" + tenant);      // left over from an earlier run: empty
        }
        Postgres.shared().dropSchema("ledger_initech");            // initech never gets one
        for (String tenant : List.of("acme", "globex")) {
            database.createTenant(tenant, Account.class, LedgerEntry.class);
        }
        database.createTenant("acme", Account.class, LedgerEntry.class);   // idempotent
    }

    private static LedgerEntry entry(String account, String amount) {
        return new LedgerEntry(null, account, new BigDecimal(amount), "EUR",
                Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    @Test
    void sqlNamesTheTenantsSchema() {
        assertEquals("SELECT code, name FROM {schema}.account WHERE code = ?", AccountDao.FIND_BY_ID);
        assertTrue(LedgerEntryDao.INSERT.startsWith("WITH changed AS (INSERT INTO {schema}.ledger_entry (account, amount,"
                + " currency, booked_at, memo) VALUES (?, ?, ?, ?, ?) RETURNING *), history AS (INSERT INTO"
                + " {schema}.ledger_entry_history ("), LedgerEntryDao.INSERT);
        dataSource.reset();
        TenantContext.callAs("acme", accounts::count);
        assertEquals(List.of("SELECT count(*) FROM \"ledger_acme\".account"), dataSource.statements());
    }

    @Test
    void eachTenantWorksInItsOwnSchema() {
        database.createTenant("north", Account.class, LedgerEntry.class);
        database.createTenant("south", Account.class, LedgerEntry.class);
        TenantContext.runAs("north", () -> {
            accounts.insert(new Account("1200", "Receivables"));
            entries.insertAll(List.of(entry("1200", "100.00"), entry("1200", "-40.00")));
        });
        TenantContext.runAs("south", () -> accounts.insert(new Account("1200", "Forderungen")));
        assertEquals("Receivables", TenantContext.callAs("north", () -> accounts.findById("1200")).orElseThrow().name());
        assertEquals("Forderungen", TenantContext.callAs("south", () -> accounts.findById("1200")).orElseThrow().name());
        assertEquals(2, TenantContext.callAs("north", entries::count));
        assertEquals(0, TenantContext.callAs("south", entries::count));
        Long acmeEntry = TenantContext.callAs("north", () -> entries.findAll(1, 0)).get(0).id();
        assertEquals(Optional.empty(), TenantContext.callAs("south", () -> entries.findById(acmeEntry)));
        assertFalse(TenantContext.callAs("south", () -> entries.deleteById(acmeEntry)));
        assertThrows(RowNotFoundException.class, () -> TenantContext.callAs("south",
                () -> entries.update(new LedgerEntry(acmeEntry, "1200", BigDecimal.ONE, "EUR", Instant.now(), "x"))));
        assertTrue(TenantContext.callAs("north", () -> entries.existsById(acmeEntry)));
        LedgerEntry updated = TenantContext.callAs("north", () -> entries.update(
                new LedgerEntry(acmeEntry, "1200", new BigDecimal("99.00"), "EUR", Instant.EPOCH, "corrected")));
        assertEquals("corrected", updated.memo());
        assertEquals(List.of(), TenantContext.callAs("south", () -> entries.findAllAfter(null, 10)));
    }

    @Test
    void foreignKeysHoldInsideTheTenantsSchemaAndToSharedTables() {
        DataAccessException noAccount = assertThrows(DataAccessException.class,
                () -> TenantContext.callAs("globex", () -> entries.insert(entry("9999", "1.00"))));
        assertEquals("23503", noAccount.sqlState());
        TenantContext.runAs("globex", () -> accounts.insert(new Account("4000", "Revenue")));
        DataAccessException noCurrency = assertThrows(DataAccessException.class,
                () -> TenantContext.callAs("globex", () -> entries.insert(
                        new LedgerEntry(null, "4000", BigDecimal.ONE, "XXX", Instant.now(), null))));
        assertEquals("23503", noCurrency.sqlState());
        new CurrencyDao(database).insert(new Currency("CHF", "Swiss franc", (short) 2));
        TenantContext.runAs("globex", () -> entries.insert(
                new LedgerEntry(null, "4000", BigDecimal.ONE, "CHF", Instant.now(), null)));
    }

    @Test
    void hostileTenantIdsAreRejectedBeforeAnySql() {
        dataSource.reset();
        for (String hostile : List.of("x\"; drop table account; --", "Acme", "a b", "../etc", "{schema}",
                "x".repeat(100), "ünïcödé", "a;b", "a'b")) {
            InvalidTenantException e = assertThrows(InvalidTenantException.class,
                    () -> TenantContext.callAs(hostile, accounts::count), hostile);
            assertTrue(e.getMessage().contains("is not a lower-case SQL identifier"), e.getMessage());
            assertThrows(InvalidTenantException.class,
                    () -> database.createTenant(hostile, Account.class, LedgerEntry.class), hostile);
        }
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void aTenantWithoutSchemaGetsAClearError() {
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> TenantContext.callAs("initech", accounts::count));
        assertEquals("42P01", e.sqlState(), e.getMessage());
    }

    @Test
    void schemaTablesAreNotCreatedLikeSharedOnes() {
        TenantDaoException e = assertThrows(TenantDaoException.class, () -> Schema.create(dataSource, Account.class));
        assertTrue(e.getMessage().contains("schema-per-tenant"), e.getMessage());
    }

    @Test
    void aPooledConnectionKeepsNothingOfTheTenant() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Database pooled = Database.builder(pool).schemaMapping(tenant -> "ledger_" + tenant).build();
            TenantContext.runAs("acme", () -> new AccountDao(pooled).count());
            try (Connection same = pool.getConnection();
                    ResultSet rows = same.createStatement().executeQuery(
                            "SELECT current_setting('search_path'), current_setting('tenantdao.tenant', true)")) {
                rows.next();
                assertFalse(rows.getString(1).contains("ledger_"), rows.getString(1));
                assertTrue(rows.getString(2) == null || rows.getString(2).isEmpty(), rows.getString(2));
            }
        }
    }

    @Test
    void historyLivesInTheTenantsSchemaToo() throws SQLException {
        LedgerEntry booked = TenantContext.callAs("acme", () -> {
            if (!accounts.existsById("7000")) {
                accounts.insert(new Account("7000", "Audit"));
            }
            return entries.insert(entry("7000", "5.00"));
        });
        TenantContext.runAs("acme", () -> entries.update(new LedgerEntry(booked.id(), "7000", new BigDecimal("6.00"),
                "EUR", booked.bookedAt(), "corrected")));
        List<dev.tenantdao.runtime.HistoryEntry<LedgerEntry>> history =
                TenantContext.callAs("acme", () -> entries.history(booked.id()));
        assertEquals(List.of("corrected", "null"), history.stream().map(h -> String.valueOf(h.entity().memo())).toList());
        assertEquals(List.of(), TenantContext.callAs("globex", () -> entries.history(booked.id())),
                "globex's schema has its own history table, without acme's rows");
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery(
                        "SELECT count(*) FROM ledger_acme.ledger_entry_history WHERE id = " + booked.id())) {
            rows.next();
            assertEquals(2, rows.getLong(1));
        }
    }
}
