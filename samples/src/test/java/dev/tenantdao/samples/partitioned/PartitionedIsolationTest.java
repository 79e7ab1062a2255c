package dev.tenantdao.samples.partitioned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenants kept apart in partitioned tables: through the DAOs (as the application role, under
 * row-level security), through the parent table in raw SQL, and through a partition named directly,
 * which the application role is either not granted (what the generated migrations' grants give it:
 * refused) or granted (filtered by the partition's own policy, as the parent's would).
 */
class PartitionedIsolationTest {

    private static final String SCHEMA = "partitioned_isolation";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "partitioned_app" + SUFFIX;
    private static final String PARENTS_ONLY = "partitioned_parents" + SUFFIX;
    private static final List<String> TENANTS = List.of("acme", "globex", "initech", "umbrella");

    private static DataSource admin;
    private static DataSource app;
    private static MeterDao meters;
    private static ReadingDao readings;

    @BeforeAll
    static void tenants() {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Meter.class, Reading.class);
        app = server.applicationRole(APP, SCHEMA);
        Database database = new Database(app);
        meters = new MeterDao(database);
        readings = new ReadingDao(database);
        for (String tenant : TENANTS) {
            TenantContext.runAs(tenant, () -> {
                meters.insert(new Meter("shared-code", tenant + "-site", 0));
                meters.insert(new Meter(tenant + "-only", tenant + "-site", 0));
                List<Reading> batch = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    batch.add(new Reading(null, "shared-code", BigDecimal.valueOf(i)));
                }
                readings.insertAll(batch);
            });
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(APP, PARENTS_ONLY)) {
                s.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
            }
        }
    }

    @Test
    void eachTenantsRowsAreInOnePartitionAndTheDaosSeeOnlyTheirTenants() throws SQLException {
        for (String table : List.of("meter", "meter_history", "reading")) {
            try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT tenant_id, count(DISTINCT tableoid) FROM " + table
                            + " GROUP BY tenant_id ORDER BY tenant_id")) {
                int tenants = 0;
                while (rows.next()) {
                    tenants++;
                    assertEquals(1, rows.getInt(2), table + ": " + rows.getString(1) + "'s rows in one partition");
                }
                assertEquals(TENANTS.size(), tenants, table);
            }
        }
        for (String tenant : TENANTS) {
            TenantContext.runAs(tenant, () -> {
                assertEquals(2, meters.count());
                assertEquals(10, readings.count());
                assertEquals(tenant + "-site", meters.findById("shared-code").orElseThrow().site());
                for (String other : TENANTS) {
                    assertEquals(other.equals(tenant), meters.findById(other + "-only").isPresent(), other);
                    assertEquals(other.equals(tenant), !meters.history(other + "-only").isEmpty(), other);
                }
            });
        }
    }

    @Test
    void writesUnderOneTenantLeaveTheOthersRowsAlone() {
        TenantContext.runAs("globex", () -> {
            assertFalse(meters.deleteById("acme-only"));
            Meter upserted = meters.upsert(new Meter("shared-code", "globex-moved", 0));
            assertEquals("globex-moved", upserted.site());
            meters.upsert(new Meter("shared-code", "globex-site", 0));
            meters.upsert(new Meter("globex-upserted", "globex-site", 0));
            // (on a partitioned table the upsert tells an insert from an update by history_inserted, not xmax)
            assertEquals(List.of("INSERT", "UPDATE", "UPDATE"), meters.history("shared-code").stream()
                    .map(entry -> entry.operation().name()).sorted().toList());
            assertEquals(List.of("INSERT"), meters.history("globex-upserted").stream()
                    .map(entry -> entry.operation().name()).toList());
            assertTrue(meters.deleteById("globex-upserted"));
            meters.upsert(new Meter("globex-upserted", "again", 0));
            assertEquals(List.of(3L, 2L, 1L), meters.history("globex-upserted").stream().map(e -> e.version()).toList());
            assertEquals("INSERT", meters.history("globex-upserted").get(0).operation().name());
            assertTrue(meters.deleteById("globex-upserted"));     // (the other tests count globex's meters)
        });
        TenantContext.runAs("acme", () -> {
            assertEquals("acme-site", meters.findById("shared-code").orElseThrow().site());
            assertTrue(meters.findById("acme-only").isPresent());
            assertEquals(1, meters.history("shared-code").size(), "acme's history untouched");
        });
    }

    /** The tenants whose rows {@code sql} (a SELECT of tenant_id) shows {@code role} under {@code tenant} (null: none). */
    private static List<String> visible(DataSource role, String tenant, String sql) throws SQLException {
        try (Connection connection = role.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (tenant != null) {
                    try (PreparedStatement set = connection.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                        set.setString(1, tenant);
                        set.execute();
                    }
                }
                List<String> tenants = new ArrayList<>();
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                    while (rows.next()) {
                        tenants.add(rows.getString(1));
                    }
                }
                return tenants;
            } finally {
                connection.rollback();
            }
        }
    }

    /** The partition holding {@code tenant}'s rows of {@code table}. */
    private static String partitionOf(String table, String tenant) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT DISTINCT tableoid::regclass::text FROM " + table
                        + " WHERE tenant_id = '" + tenant + "'")) {
            assertTrue(rows.next());
            return rows.getString(1).replace(SCHEMA + ".", "");
        }
    }

    @Test
    void theParentShowsTheApplicationRoleOnlyTheCurrentTenantsRows() throws SQLException {
        assertEquals(List.of("acme"), visible(app, "acme", "SELECT DISTINCT tenant_id FROM meter"));
        assertEquals(List.of("umbrella"), visible(app, "umbrella", "SELECT DISTINCT tenant_id FROM reading"));
        assertEquals(List.of(), visible(app, null, "SELECT DISTINCT tenant_id FROM meter"));
    }

    @Test
    void aPartitionNamedDirectlyIsFilteredByItsOwnPolicy() throws SQLException {
        for (String table : List.of("meter", "meter_history", "reading")) {
            String partition = partitionOf(table, "acme");
            String sql = "SELECT DISTINCT tenant_id FROM " + partition;
            assertEquals(List.of("acme"), visible(app, "acme", sql), partition);
            assertEquals(List.of(), visible(app, null, sql), partition + " without a tenant");
            for (String other : TENANTS) {
                assertFalse(visible(app, other, sql).stream().anyMatch(t -> !t.equals(other)), partition + " as " + other);
            }
        }
        String partition = partitionOf("meter", "acme");
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('tenantdao.tenant', 'globex', true)");
                SQLException insert = assertThrows(SQLException.class, () -> statement.execute(
                        "INSERT INTO " + partition + " (tenant_id, code, site) VALUES ('acme', 'planted', 'x')"));
                assertEquals("42501", insert.getSQLState(), insert::getMessage);     // new row violates the policy
            } finally {
                connection.rollback();
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('tenantdao.tenant', 'globex', true)");
                assertEquals(0, statement.executeUpdate("UPDATE " + partition + " SET site = 'x' WHERE tenant_id = 'acme'"));
                assertEquals(0, statement.executeUpdate("DELETE FROM " + partition + " WHERE tenant_id = 'acme'"));
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aPartitionNamedDirectlyIsRefusedToARoleGrantedOnlyTheParents() throws SQLException {
        DataSource parentsOnly = Postgres.shared().applicationRole(PARENTS_ONLY, SCHEMA);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet partitions = s.executeQuery("SELECT c.relname FROM pg_inherits i"
                        + " JOIN pg_class c ON c.oid = i.inhrelid AND c.relkind = 'r'"
                        + " WHERE c.relnamespace = '" + SCHEMA + "'::regnamespace")) {
            List<String> names = new ArrayList<>();
            while (partitions.next()) {
                names.add(partitions.getString(1));
            }
            assertEquals(3 * 8, names.size(), names::toString);
            for (String name : names) {
                try (Statement revoke = c.createStatement()) {
                    revoke.execute("REVOKE ALL ON " + name + " FROM " + PARENTS_ONLY);
                }
            }
        }
        assertEquals(List.of("acme"), visible(parentsOnly, "acme", "SELECT DISTINCT tenant_id FROM meter"));
        SQLException refused = assertThrows(SQLException.class,
                () -> visible(parentsOnly, "acme", "SELECT tenant_id FROM " + partitionOf("meter", "acme")));
        assertEquals("42501", refused.getSQLState(), refused::getMessage);     // permission denied
    }

    @Test
    void aHistoryPartitionCannotBeTruncatedByNameEvenByItsOwner() throws SQLException {
        String partition = partitionOf("meter_history", "acme");
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            SQLException truncate = assertThrows(SQLException.class, () -> s.execute("TRUNCATE " + partition));
            assertTrue(truncate.getMessage().contains("history is append-only: TRUNCATE on " + partition),
                    truncate::getMessage);
            c.rollback();
        }
        assertEquals(Optional.of(1), Optional.of(TenantContext.callAs("acme", () -> meters.history("acme-only").size())));
    }
}
