package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator access to schema-per-tenant entities ({@code Database.asOperator}), on PostgreSQL as roles that are no
 * superuser and own nothing: an operator's login (a member of the group role the test sources are compiled with,
 * {@code -Atenantdao.operatorRole=op_samples_operator}) and the application's. The generated DDL that
 * {@code createTenant} runs gives the group role the tenant's schema, lets it read every row there, holds its
 * writes back unless the block was opened for them, and keeps each tenant's access log in the tenant's schema,
 * beside the rows it is about.
 */
class TenantSchemaOperatorTest {

    private static final String SHARED = "op_schema_shared";
    private static final String PREFIX = "op_schema_";
    private static final String OPERATORS = "op_samples_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "ops_app" + SUFFIX;
    private static final String LOGIN = "ops_login" + SUFFIX;
    private static final List<String> TENANTS = List.of("acme", "globex");

    private static DataSource admin;
    private static DataSource app;
    private static RecordingDataSource operatorLogin;
    private static Database database;
    private static LedgerDao ledgers;

    @BeforeAll
    static void tenants() throws SQLException {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SHARED);
        Database owner = Database.builder(admin).schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
        for (String tenant : TENANTS) {
            server.dropSchema(PREFIX + tenant);
            owner.createTenant(tenant, Ledger.class);   // run by the schemas' owner
        }
        app = server.applicationRole(APP, SHARED);
        DataSource login = server.applicationRole(LOGIN, SHARED);
        for (String tenant : TENANTS) {
            // what an application's role is given on its tenants' schemas; the operators get theirs from the DDL
            execute(admin, "GRANT USAGE ON SCHEMA " + PREFIX + tenant + " TO " + APP,
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + PREFIX + tenant + " TO " + APP);
        }
        execute(admin, "GRANT " + OPERATORS + " TO " + LOGIN);
        operatorLogin = new RecordingDataSource(login);
        database = Database.builder(app).schemaMapping(SchemaMapping.prefixed(PREFIX)).operatorDataSource(operatorLogin)
                .build();
        ledgers = new LedgerDao(database);
    }

    @AfterAll
    static void drop() throws SQLException {
        for (String tenant : TENANTS) {
            Postgres.shared().dropSchema(PREFIX + tenant);
        }
        Postgres.shared().dropSchema(SHARED);
        for (String role : List.of(APP, LOGIN)) {
            execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @BeforeEach
    void rows() throws SQLException {
        for (String tenant : TENANTS) {
            String schema = PREFIX + tenant;
            execute(admin, "ALTER TABLE " + schema + ".tenantdao_operator_access DISABLE TRIGGER USER",
                    "TRUNCATE " + schema + ".tenantdao_operator_access",
                    "ALTER TABLE " + schema + ".tenantdao_operator_access ENABLE TRIGGER USER",
                    "ALTER TABLE " + schema + ".ledger_history DISABLE TRIGGER USER",
                    "TRUNCATE " + schema + ".ledger, " + schema + ".ledger_history",
                    "ALTER TABLE " + schema + ".ledger_history ENABLE TRIGGER USER");
        }
        // the application's role (no owner) works as before: the tables' policy lets every role at every row
        TenantContext.runAs("acme", () -> ledgers.insertAll(List.of(new Ledger(1, "rent", 1200), new Ledger(2, "fee", 30))));
        TenantContext.runAs("globex", () -> ledgers.insert(new Ledger(1, "rent", 900)));
        operatorLogin.reset();
    }

    @Test
    void anOperatorReadsEachTenantsSchemaAndEachCallIsLoggedInThatSchema() throws SQLException {
        OperatorAccess access = OperatorAccess.of("ann@support", "ticket 4711: ledgers look wrong");
        Map<String, List<String>> seen = database.asOperator(access, tx -> Map.of(
                "acme", TenantContext.callAs("acme", () -> ledgers.findAll(10, 0)).stream().map(Ledger::entry).toList(),
                "globex", TenantContext.callAs("globex", () -> ledgers.findAll(10, 0)).stream().map(Ledger::entry).toList(),
                "count", List.of(String.valueOf(TenantContext.callAs("acme", ledgers::count)))));
        assertEquals(Map.of("acme", List.of("rent", "fee"), "globex", List.of("rent"), "count", List.of("2")), seen);
        assertTrue(operatorLogin.statements().stream().anyMatch(sql -> sql.contains("\"op_schema_acme\".ledger")),
                operatorLogin.statements().toString());
        assertEquals(List.of("ann@support|ticket 4711: ledgers look wrong|Ledger.findAll|{acme}|2|false|null|false",
                "ann@support|ticket 4711: ledgers look wrong|Ledger.count|{acme}|1|false|null|false"), log("acme"));
        assertEquals(List.of("ann@support|ticket 4711: ledgers look wrong|Ledger.findAll|{globex}|1|false|null|false"),
                log("globex"));
    }

    @Test
    void writesNeedTheBlockOpenedForThemAndTheDatabaseHoldsBackThoseSentByHand() throws SQLException {
        OperatorAccessException refused = assertThrows(OperatorAccessException.class, () -> database.asOperator(
                OperatorAccess.of("ann@support", "look"), tx -> TenantContext.callAs("acme",
                        () -> ledgers.insert(new Ledger(3, "typo", 1)))));
        assertTrue(refused.getMessage().contains("is read-only: open it with OperatorAccess.allowingWrites()"),
                refused.getMessage());
        assertEquals(List.of(), log("acme"), "refused before any SQL: nothing logged");
        database.asOperator(OperatorAccess.of("ann@support", "look"), tx -> {
            try (Statement statement = tx.connection().createStatement()) {
                SQLException insert = assertThrows(SQLException.class, () -> statement.executeUpdate(
                        "INSERT INTO op_schema_acme.ledger (id, entry, cents) VALUES (9, 'by hand', 1)"));
                assertEquals("42501", insert.getSQLState(), insert.getMessage());
            }
            return null;
        });
        database.asOperator(OperatorAccess.of("ann@support", "look"), tx -> {
            try (Statement statement = tx.connection().createStatement()) {
                assertEquals(0, statement.executeUpdate("UPDATE op_schema_globex.ledger SET cents = 0"));
                assertEquals(0, statement.executeUpdate("DELETE FROM op_schema_globex.ledger"));
            }
            return null;
        });
        assertEquals(List.of(new Ledger(1, "rent", 900)), TenantContext.callAs("globex", () -> ledgers.findAll(10, 0)));

        Ledger fixed = database.asOperator(OperatorAccess.of("ann@support", "ticket 4711: refund").allowingWrites(),
                tx -> TenantContext.callAs("acme", () -> ledgers.insert(new Ledger(3, "refund", -30))));
        assertEquals(new Ledger(3, "refund", -30), fixed);
        assertEquals(List.of("ann@support|ticket 4711: refund|Ledger.insert|{acme}|1|true|null|false"), log("acme"));
        List<HistoryEntry<Ledger>> history = TenantContext.callAs("acme", () -> ledgers.history(3));
        assertEquals(1, history.size());
        assertEquals("ann@support", history.get(0).actor(), "the history names the operator");
    }

    @Test
    void aFailedCallRollsTheBlockBackAndItsLogRowsAreWrittenAgainInTheTenantsSchema() throws SQLException {
        OperatorAccessException failed = assertThrows(OperatorAccessException.class, () -> database.asOperator(
                OperatorAccess.of("ann@support", "import").allowingWrites(), tx -> TenantContext.callAs("acme", () -> {
                    ledgers.insert(new Ledger(3, "new", 1));
                    DataAccessException duplicate = assertThrows(DataAccessException.class,
                            () -> ledgers.insert(new Ledger(3, "again", 1)));
                    assertEquals("23505", duplicate.sqlState());
                    return null;        // caught: the block fails all the same
                })));
        assertTrue(failed.getMessage().startsWith("A call in the operator block of ann@support failed"), failed.getMessage());
        assertEquals(2, TenantContext.callAs("acme", ledgers::count), "rolled back");
        assertEquals(List.of("ann@support|import|Ledger.insert|{acme}|1|true|null|true",
                "ann@support|import|Ledger.insert|{}|null|true|PSQLException (23505)|true"), log("acme"));
    }

    @Test
    void theApplicationsRoleReadsNoLogWritesNoneAndCannotBecomeAnOperator() throws SQLException {
        database.asOperator(OperatorAccess.of("ann@support", "look"), tx -> TenantContext.callAs("acme", ledgers::count));
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM op_schema_acme.tenantdao_operator_access")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "granted the table, the log's own policies show it nothing");
            }
            SQLException forged = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "INSERT INTO op_schema_acme.tenantdao_operator_access (actor, reason, operation, tenants, writes)"
                            + " VALUES ('mallory', 'cover', 'x', '{}', false)"));
            assertEquals("42501", forged.getSQLState());
            SQLException become = assertThrows(SQLException.class, () -> statement.execute("SET ROLE " + OPERATORS));
            assertEquals("42501", become.getSQLState());
        }
        assertEquals(1, log("acme").size());
        // the catalog is what the entity was compiled for, the tables' own-rows policy included (the test sources'
        // other schema-per-tenant entities have no table in this tenant's schema: only those are reported)
        List<String> mismatches = assertThrows(dev.tenantdao.runtime.SchemaMismatchException.class,
                () -> database.verifyTenant("acme")).mismatches();
        assertEquals(List.of(), mismatches.stream().filter(line -> line.startsWith("ledger")).toList());
        assertTrue(mismatches.stream().allMatch(line -> line.contains(": missing in schema op_schema_acme")), mismatches::toString);
    }

    /** The access log in {@code tenant}'s schema, as the operators' login reads it. */
    private static List<String> log(String tenant) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = operatorLogin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT actor, reason, operation, tenants, row_count, writes, failure,"
                        + " rolled_back FROM " + PREFIX + tenant + ".tenantdao_operator_access ORDER BY id")) {
            while (rows.next()) {
                Array tenants = rows.getArray(4);
                long count = rows.getLong(5);
                String counted = rows.wasNull() ? "null" : String.valueOf(count);
                lines.add(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3),
                        "{" + String.join(",", (String[]) tenants.getArray()) + "}", counted,
                        String.valueOf(rows.getBoolean(6)), String.valueOf(rows.getString(7)),
                        String.valueOf(rows.getBoolean(8))));
            }
        }
        operatorLogin.reset();
        return lines;
    }

    private static void execute(DataSource on, String... statements) throws SQLException {
        try (Connection connection = on.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
