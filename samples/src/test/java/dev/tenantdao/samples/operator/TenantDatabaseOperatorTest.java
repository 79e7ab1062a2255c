package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Operator access to database-per-tenant entities ({@code Database.asOperator}), on PostgreSQL: a database per
 * tenant made by {@code createTenant} (the generated DDL gives the operators' group role, the test sources'
 * {@code op_samples_operator}, every row of the tenant's tables, its writes held back unless the block was opened
 * for them, and the tenant's own access log), an operator's login to each tenant's database
 * ({@code operatorRouting}) and the application's, both roles that are no superuser and own nothing.
 */
class TenantDatabaseOperatorTest {

    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String CONTROL = "op_db_control";
    private static final String OPERATORS = "op_samples_operator";
    private static final String APP = "opd_app" + SUFFIX;
    private static final String LOGIN = "opd_login" + SUFFIX;
    private static final List<String> TENANTS = List.of("acme", "globex");

    private static final Map<String, DataSource> owners = new LinkedHashMap<>();
    private static final Map<String, DataSource> logins = new LinkedHashMap<>();
    private static RecordingDataSource acmeLogin;
    private static DataSource control;
    private static Database database;
    private static DossierDao dossiers;

    private static String databaseOf(String tenant) {
        return "op_db_" + tenant + SUFFIX;
    }

    @BeforeAll
    static void databases() throws SQLException {
        Postgres server = Postgres.shared();
        control = server.freshSchema(CONTROL);
        DataSource appControl = server.applicationRole(APP, CONTROL);
        DataSource loginControl = server.applicationRole(LOGIN, CONTROL);
        Map<String, DataSource> apps = new LinkedHashMap<>();
        for (String tenant : TENANTS) {
            DataSource owner = server.freshDatabase(databaseOf(tenant));
            owners.put(tenant, owner);
            apps.put(tenant, as(server, APP, databaseOf(tenant)));
            logins.put(tenant, as(server, LOGIN, databaseOf(tenant)));
        }
        acmeLogin = new RecordingDataSource(logins.get("acme"));
        logins.put("acme", acmeLogin);
        Database creator = Database.builder(control).routing(TenantRouting.of(owners)).build();
        for (String tenant : TENANTS) {
            creator.createTenant(tenant, Dossier.class);    // run by the databases' owner
            execute(owners.get(tenant), "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APP);
        }
        execute(control, "GRANT " + OPERATORS + " TO " + LOGIN);    // the role the DDL created (a cluster's roles are shared)
        database = Database.builder(appControl).routing(TenantRouting.of(apps))
                .operatorDataSource(loginControl).operatorRouting(TenantRouting.of(logins)).build();
        dossiers = new DossierDao(database);
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres server = Postgres.shared();
        for (String tenant : TENANTS) {
            execute(server.dataSource(), "DROP DATABASE IF EXISTS " + databaseOf(tenant) + " WITH (FORCE)");
        }
        server.dropSchema(CONTROL);
        for (String role : List.of(APP, LOGIN)) {
            execute(server.dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @BeforeEach
    void rows() throws SQLException {
        for (DataSource owner : owners.values()) {
            execute(owner, "ALTER TABLE tenantdao_operator_access DISABLE TRIGGER USER", "TRUNCATE tenantdao_operator_access",
                    "ALTER TABLE tenantdao_operator_access ENABLE TRIGGER USER", "TRUNCATE dossier");
        }
        // the application's role (no owner) works as before: the tables' policy lets every role at every row
        TenantContext.runAs("acme", () -> dossiers.insertAll(List.of(new Dossier(1, "lease"), new Dossier(2, "claim"))));
        TenantContext.runAs("globex", () -> dossiers.insert(new Dossier(1, "audit")));
        acmeLogin.reset();
    }

    @Test
    void anOperatorReadsEachTenantsDatabaseAndEachCallIsLoggedInThatDatabase() throws SQLException {
        OperatorAccess access = OperatorAccess.of("ann@support", "ticket 17");
        List<String> seen = database.asOperator(access, tx -> {
            List<String> subjects = new ArrayList<>();
            for (String tenant : TENANTS) {
                TenantContext.callAs(tenant, () -> dossiers.findAll(10, 0)).forEach(d -> subjects.add(tenant + ":" + d.subject()));
            }
            subjects.add("acme has 2: " + TenantContext.callAs("acme", () -> dossiers.existsById(2)));
            return subjects;
        });
        assertEquals(List.of("acme:lease", "acme:claim", "globex:audit", "acme has 2: true"), seen);
        assertTrue(acmeLogin.statements().stream().anyMatch(sql -> sql.contains("FROM dossier")), acmeLogin.statements()::toString);
        assertEquals(List.of("ann@support|ticket 17|Dossier.findAll|{acme}|2|false|null|false",
                "ann@support|ticket 17|Dossier.existsById|{acme}|1|false|null|false"), log("acme"));
        assertEquals(List.of("ann@support|ticket 17|Dossier.findAll|{globex}|1|false|null|false"), log("globex"));
    }

    @Test
    void writesNeedTheBlockOpenedForThemAndTheDatabaseHoldsBackThoseSentByHand() throws SQLException {
        OperatorAccessException refused = assertThrows(OperatorAccessException.class, () -> database.asOperator(
                OperatorAccess.of("ann@support", "look"), tx -> TenantContext.callAs("acme",
                        () -> dossiers.insert(new Dossier(3, "typo")))));
        assertTrue(refused.getMessage().contains("is read-only: open it with OperatorAccess.allowingWrites()"),
                refused.getMessage());
        assertEquals(List.of(), acmeLogin.statements(), "refused before any SQL");
        assertEquals(List.of(), log("acme"), "and not logged");
        try (Connection connection = acmeLogin.getConnection(); Statement statement = connection.createStatement()) {
            // the operators' login without the block's switch, as hand-written SQL would run
            SQLException insert = assertThrows(SQLException.class,
                    () -> statement.executeUpdate("INSERT INTO dossier (id, subject) VALUES (9, 'by hand')"));
            assertEquals("42501", insert.getSQLState(), insert.getMessage());
            assertEquals(0, statement.executeUpdate("UPDATE dossier SET subject = 'x'"));
            assertEquals(0, statement.executeUpdate("DELETE FROM dossier"));
        }
        Dossier added = database.asOperator(OperatorAccess.of("ann@support", "ticket 17: restore").allowingWrites(),
                tx -> TenantContext.callAs("globex", () -> dossiers.insert(new Dossier(2, "restored"))));
        assertEquals(new Dossier(2, "restored"), added);
        assertEquals(2, TenantContext.callAs("globex", dossiers::count));
        assertEquals(List.of("ann@support|ticket 17: restore|Dossier.insert|{globex}|1|true|null|false"), log("globex"));
    }

    @Test
    void aFailedCallRollsBackEveryDatabaseOfTheBlockAndItsLogRowsAreWrittenAgainInEach() throws SQLException {
        OperatorAccessException failed = assertThrows(OperatorAccessException.class, () -> database.asOperator(
                OperatorAccess.of("ann@support", "import").allowingWrites(), tx -> {
                    TenantContext.callAs("globex", () -> dossiers.insert(new Dossier(5, "new")));
                    TenantContext.callAs("acme", () -> {
                        DataAccessException duplicate = assertThrows(DataAccessException.class,
                                () -> dossiers.insert(new Dossier(1, "again")));
                        assertEquals("23505", duplicate.sqlState());
                        return null;        // caught: the block fails all the same
                    });
                    return null;
                }));
        assertTrue(failed.getMessage().startsWith("A call in the operator block of ann@support failed"), failed.getMessage());
        assertEquals(1, TenantContext.callAs("globex", dossiers::count), "globex's database rolled back too");
        assertEquals(List.of("ann@support|import|Dossier.insert|{globex}|1|true|null|true"), log("globex"));
        assertEquals(List.of("ann@support|import|Dossier.insert|{}|null|true|PSQLException (23505)|true"), log("acme"));
    }

    @Test
    void withoutALoginToEachTenantsDatabaseTheCallIsRefusedBeforeAnySql() throws SQLException {
        Database noRouting = Database.builder(Postgres.shared().applicationRole(APP, CONTROL))
                .routing(TenantRouting.of(Map.of("acme", as(Postgres.shared(), APP, databaseOf("acme")))))
                .operatorDataSource(acmeLogin).build();
        DossierDao unrouted = new DossierDao(noRouting);
        OperatorAccessException refused = assertThrows(OperatorAccessException.class, () -> noRouting.asOperator(
                OperatorAccess.of("ann@support", "look"), tx -> TenantContext.callAs("acme", unrouted::count)));
        assertTrue(refused.getMessage().startsWith("Dossier is database-per-tenant: an operator reaches each tenant's"
                + " database through a login of its own there"), refused.getMessage());
        assertEquals(List.of(), acmeLogin.statements());
        assertThrows(IllegalArgumentException.class, () -> {
            TenantRouting same = TenantRouting.of(owners);
            Database.builder(control).routing(same).operatorRouting(same);
            Database.builder(control).routing(same).operatorRouting(same).build();
        }, "the application's routing is no operators' login");
    }

    private static DataSource as(Postgres server, String role, String databaseName) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(server.url());
        dataSource.setDatabaseName(databaseName);
        dataSource.setUser(role);
        return dataSource;
    }

    /** The access log in {@code tenant}'s database, as the operators' login reads it. */
    private static List<String> log(String tenant) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = logins.get(tenant).getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT actor, reason, operation, tenants, row_count, writes, failure,"
                        + " rolled_back FROM tenantdao_operator_access ORDER BY id")) {
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
        acmeLogin.reset();
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
