package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.samples.audit.Contract;
import dev.tenantdao.samples.audit.ContractDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operator access across tenants, audited ({@code Database.asOperator}), on PostgreSQL under row-level
 * security. The samples' test sources are compiled with {@code -Atenantdao.operatorRole=op_samples_operator},
 * so {@link Balance}'s DDL creates that group role, the access log and the operator's policies. Three
 * roles, none a superuser or an owner: the application's, an operator's login (a member of the group
 * role) and the owner who made the tables (the test's administrative user, only to prepare and to prove
 * the log append-only even for its owner).
 */
class OperatorAccessTest {

    private static final String SCHEMA = "operator_access";
    private static final String OPERATORS = "op_samples_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "op_app" + SUFFIX;
    private static final String LOGIN = "op_login" + SUFFIX;

    private static DataSource admin;
    private static DataSource app;
    private static RecordingDataSource operatorLogin;
    private static Database database;
    private static BalanceDao balances;

    @BeforeAll
    static void schema() throws SQLException {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Balance.class, Contract.class);
        app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        execute(admin, "GRANT " + OPERATORS + " TO " + LOGIN);
        operatorLogin = new RecordingDataSource(login);
        database = Database.builder(app).operatorDataSource(operatorLogin).build();
        balances = new BalanceDao(database);
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        for (String role : List.of(APP, LOGIN)) {
            execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @BeforeEach
    void rows() throws SQLException {
        execute(admin, "ALTER TABLE tenantdao_operator_access DISABLE TRIGGER USER",
                "TRUNCATE tenantdao_operator_access", "ALTER TABLE tenantdao_operator_access ENABLE TRIGGER USER",
                "TRUNCATE balance");
        TenantContext.runAs("acme", () -> balances.insertAll(List.of(Balance.of("ann", 100), Balance.of("bob", 200),
                Balance.of("cid", 300))));
        TenantContext.runAs("globex", () -> balances.insertAll(List.of(Balance.of("dee", 400), Balance.of("eve", 500))));
        operatorLogin.reset();
    }

    @Test
    void everyCallIsLoggedExactlyWithTheTenantsWhoseRowsItReturned() throws SQLException {
        OperatorAccess access = OperatorAccess.of("ann@support", "ticket 4711: balances look wrong");
        List<Balance> seen = database.asOperator(access, tx -> {
            List<Balance> all = new ArrayList<>();
            for (String tenant : List.of("acme", "globex", "initech")) {
                all.addAll(TenantContext.callAs(tenant, () -> balances.findAll(100, 0)));
            }
            return all;
        });
        assertEquals(Map.of("acme", 3, "globex", 2), perTenant(seen));
        assertEquals(List.of(
                        "ann@support|ticket 4711: balances look wrong|Balance.findAll|{acme}|3|false|null|false",
                        "ann@support|ticket 4711: balances look wrong|Balance.findAll|{globex}|2|false|null|false",
                        "ann@support|ticket 4711: balances look wrong|Balance.findAll|{}|0|false|null|false"),
                log());
    }

    @Test
    void readsAcrossTenantsReturnEachTenantsRowsWithTheirTenantAndAreLoggedWithThem() throws SQLException {
        OperatorAccessException outside = assertThrows(OperatorAccessException.class,
                () -> balances.findAllAcrossTenants(10, 0));
        assertTrue(outside.getMessage().startsWith("Balance.findAllAcrossTenants reads every tenant's rows: call it"
                + " inside Database.asOperator"), outside.getMessage());
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        List<TenantRow<Balance>> everyone = database.asOperator(
                OperatorAccess.of("billing-job", "monthly invoices"), tx -> balances.findAllAcrossTenants(100, 0));
        assertEquals(List.of("acme:ann:100", "acme:bob:200", "acme:cid:300", "globex:dee:400", "globex:eve:500"),
                everyone.stream().map(row -> row.tenant() + ":" + row.entity().customer() + ":" + row.entity().cents())
                        .toList());
        everyone.forEach(row -> assertEquals(row.tenant(), row.entity().tenant(), "the row's own tenant"));
        List<TenantRow<Balance>> second = database.asOperator(OperatorAccess.of("billing-job", "monthly invoices"),
                tx -> balances.findAllAcrossTenants(2, 3));
        assertEquals(List.of("globex:dee", "globex:eve"),
                second.stream().map(row -> row.tenant() + ":" + row.entity().customer()).toList());
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balance.findAllAcrossTenants|{acme,globex}|5|false|null|false",
                        "billing-job|monthly invoices|Balance.findAllAcrossTenants|{globex}|2|false|null|false"),
                log());
        try (Connection connection = app.getConnection();
                PreparedStatement s = connection.prepareStatement(BalanceDao.FIND_ALL_ACROSS_TENANTS)) {
            s.setInt(1, 100);
            s.setLong(2, 0);
            try (ResultSet rows = s.executeQuery()) {
                assertFalse(rows.next(), "the same statement on the application's login: no row");
            }
        }
    }

    @Test
    void theOperatorsConnectionSeesEveryTenantAndTheApplicationsNone() throws SQLException {
        Map<String, Integer> operator = database.asOperator(OperatorAccess.of("billing-job", "monthly invoices"),
                tx -> tenantsOf(tx.connection()));
        assertEquals(Map.of("acme", 3, "globex", 2), operator);
        try (Connection connection = app.getConnection()) {
            assertEquals(Map.of(), tenantsOf(connection), "no tenant set: the application sees nothing");
        }
        assertEquals(List.of(), log(), "hand-written SQL is the operator's own, not a DAO call: not logged");
    }

    @Test
    void theApplicationRoleCannotEscalate() throws SQLException {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            // every setting tenantdao has, each with every value that means something to a policy
            for (String setting : List.of("tenantdao.operator_writes", "tenantdao.tenant_wide", "tenantdao.vendor",
                    "tenantdao.tenant")) {
                for (String value : List.of("on", "", "true", "*", OPERATORS)) {
                    set(connection, setting, value);
                    assertEquals(Map.of(), tenantsOf(connection), setting + " = '" + value + "'");
                }
            }
            set(connection, "tenantdao.tenant", "acme");
            set(connection, "tenantdao.operator_writes", "on");
            set(connection, "tenantdao.tenant_wide", "on");
            assertEquals(Map.of("acme", 3), tenantsOf(connection), "a tenant's setting shows that tenant's rows only");
            connection.rollback();
            for (String role : List.of(OPERATORS, LOGIN, "postgres")) {
                SQLException refused = assertThrows(SQLException.class, () -> execute(connection, "SET ROLE " + role));
                assertEquals("42501", refused.getSQLState(), role);
                connection.rollback();
            }
            execute(connection, "RESET ROLE");
            assertEquals(Map.of(), tenantsOf(connection));
            // granted every table of the schema (the testkit's application role), the log included: its policies say no
            assertEquals(0, count(connection, "SELECT count(*) FROM tenantdao_operator_access"));
            SQLException insert = assertThrows(SQLException.class, () -> execute(connection,
                    "INSERT INTO tenantdao_operator_access (actor, reason, operation, tenants, writes)"
                            + " VALUES ('me', 'forged', 'x', '{}', false)"));
            assertEquals("42501", insert.getSQLState());
            connection.rollback();
        }
    }

    @Test
    void writesAreRefusedBeforeAnySqlUnlessTheBlockIsOpenedForThem() throws SQLException {
        OperatorAccess readOnly = OperatorAccess.of("ann@support", "look only");
        for (Runnable write : List.<Runnable>of(() -> balances.insert(Balance.of("mal", 1)),
                () -> balances.insertAll(List.of(Balance.of("mal", 1))), () -> balances.deleteById(1L),
                () -> balances.update(new Balance(1L, null, "mal", 1)))) {
            OperatorAccessException refused = assertThrows(OperatorAccessException.class,
                    () -> database.asOperator(readOnly, tx -> TenantContext.callAs("acme", () -> {
                        write.run();
                        return null;
                    })));
            assertTrue(refused.getMessage().contains("is read-only: open it with OperatorAccess.allowingWrites()"),
                    refused.getMessage());
        }
        assertEquals(List.of(), operatorLogin.statements(), "nothing sent");
        assertEquals(Map.of("acme", 3, "globex", 2), tenantsOf(admin));
        assertEquals(List.of(), log());

        Balance fixed = database.asOperator(OperatorAccess.of("ann@support", "ticket 4711: refund").allowingWrites(),
                tx -> TenantContext.callAs("acme", () -> balances.insert(Balance.of("ann", -100))));
        assertEquals("acme", fixed.tenant());
        assertEquals(Map.of("acme", 4, "globex", 2), tenantsOf(admin));
        assertEquals(List.of("ann@support|ticket 4711: refund|Balance.insert|{acme}|1|true|null|false"), log());
    }

    @Test
    void theHistoryOfAnOperatorsWritesNamesTheOperatorWhateverTheBlockSets() {
        ContractDao contracts = new ContractDao(database);
        UUID id = UUID.randomUUID();
        Contract lease = TenantContext.callAs("acme", "alice@acme",
                () -> contracts.insert(new Contract(id, "Lease", new BigDecimal("100.00"), 0, null, 0)));
        OperatorAccess fix = OperatorAccess.of("ann@support", "ticket 4712: wrong title").allowingWrites();
        Contract fixed = database.asOperator(fix, tx -> TenantContext.callAs("acme", () -> contracts.update(
                new Contract(id, "Lease v2", lease.amount(), lease.version(), null, 0))));
        // an actor set inside the block does not hide the operator
        database.asOperator(fix, tx -> TenantContext.callAs("acme", "mallory", () -> {
            assertEquals("ann@support", AuditContext.actor());
            return contracts.update(new Contract(id, "Lease v3", fixed.amount(), fixed.version(), null, 0));
        }));
        assertEquals(null, AuditContext.actor(), "restored after the block");
        assertEquals(List.of("Lease v3 ann@support", "Lease v2 ann@support", "Lease alice@acme"),
                TenantContext.callAs("acme", () -> contracts.history(id)).stream()
                        .map(entry -> entry.entity().title() + " " + entry.actor()).toList());
    }

    @Test
    void theDatabaseRefusesTheOperatorsHandWrittenWritesWithoutTheSwitch() throws SQLException {
        database.asOperator(OperatorAccess.of("ann@support", "look only"), tx -> {
            Connection connection = tx.connection();
            set(connection, "tenantdao.tenant", "acme");         // the tenant policy alone would let this through
            assertEquals(0, update(connection, "UPDATE balance SET cents = 0"), "no row to update");
            assertEquals(0, update(connection, "DELETE FROM balance"), "no row to delete");
            Savepoint before = connection.setSavepoint();
            SQLException insert = assertThrows(SQLException.class, () -> update(connection,
                    "INSERT INTO balance (tenant_id, customer, cents) VALUES ('acme', 'mal', 1)"));
            assertEquals("42501", insert.getSQLState());
            connection.rollback(before);
            return null;
        });
        assertEquals(List.of(100L, 200L, 300L), centsOf("acme"));
        database.asOperator(OperatorAccess.of("ann@support", "fix by hand").allowingWrites(), tx -> {
            Connection connection = tx.connection();
            set(connection, "tenantdao.tenant", "acme");
            assertEquals(3, update(connection, "UPDATE balance SET cents = cents + 1"), "open for writes: acme's rows");
            set(connection, "tenantdao.tenant", "");
            assertEquals(0, update(connection, "UPDATE balance SET cents = 0"), "no tenant: the tenant policy says no");
            return null;
        });
        assertEquals(List.of(101L, 201L, 301L), centsOf("acme"));
        assertEquals(List.of(400L, 500L), centsOf("globex"));
    }

    @Test
    void theLogIsAppendOnlyEvenForItsOwner() throws SQLException {
        database.asOperator(OperatorAccess.of("ann@support", "one read"),
                tx -> TenantContext.callAs("acme", balances::count));
        List<String> changes = List.of("UPDATE tenantdao_operator_access SET reason = 'nothing to see'",
                "DELETE FROM tenantdao_operator_access", "TRUNCATE tenantdao_operator_access");
        for (String sql : changes) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(admin, sql), sql);
            assertTrue(refused.getMessage().contains("tenantdao_operator_access is append-only"), refused.getMessage());
        }
        try (Connection c = operatorLogin.getConnection()) {
            assertEquals(0, update(c, changes.get(0)), "no policy lets an operator update the log");
            assertEquals(0, update(c, changes.get(1)), "nor delete from it");
            SQLException truncate = assertThrows(SQLException.class, () -> update(c, changes.get(2)));
            assertEquals("42501", truncate.getSQLState(), "nor truncate it");
        }
        assertEquals(List.of("ann@support|one read|Balance.count|{acme}|1|false|null|false"), log());
    }

    @Test
    void aFailedCallRollsTheBlockBackAndItsCallsStayLogged() throws SQLException {
        OperatorAccess access = OperatorAccess.of("ann@support", "import").allowingWrites();
        OperatorAccessException failed = assertThrows(OperatorAccessException.class, () -> database.asOperator(access,
                tx -> TenantContext.callAs("acme", () -> {
                    balances.insert(Balance.of("new", 1));
                    DataAccessException noCustomer = assertThrows(DataAccessException.class,
                            () -> balances.insert(Balance.of(null, 1)));
                    assertEquals("23502", noCustomer.sqlState());
                    return null;        // caught: the block fails all the same
                })));
        assertTrue(failed.getMessage().startsWith("A call in the operator block of ann@support failed"), failed.getMessage());
        assertEquals(Map.of("acme", 3, "globex", 2), tenantsOf(admin), "rolled back");
        assertEquals(List.of("ann@support|import|Balance.insert|{acme}|1|true|null|true",
                "ann@support|import|Balance.insert|{}|null|true|PSQLException (23502)|true"), log());
    }

    @Test
    void misuseIsAClearErrorBeforeAnySql() {
        OperatorAccessException none = assertThrows(OperatorAccessException.class,
                () -> new Database(app).asOperator(OperatorAccess.of("ann", "why"), tx -> null));
        assertTrue(none.getMessage().startsWith("This Database has no operator DataSource"), none.getMessage());
        for (String blank : Arrays.asList(null, "", "  ")) {
            IllegalArgumentException reason = assertThrows(IllegalArgumentException.class,
                    () -> OperatorAccess.of("ann", blank));
            assertTrue(reason.getMessage().startsWith("OperatorAccess needs a reason"), reason.getMessage());
            assertThrows(IllegalArgumentException.class, () -> OperatorAccess.of(blank, "why"));
        }
        assertThrows(IllegalArgumentException.class, () -> Database.builder(app).operatorDataSource(app).build());
        OperatorAccessException nested = assertThrows(OperatorAccessException.class, () -> TenantContext.callAs("acme",
                () -> database.inTransaction(tx -> database.asOperator(OperatorAccess.of("ann", "why"), op -> null))));
        assertTrue(nested.getMessage().contains("a transaction is open on this thread"), nested.getMessage());
        assertEquals(List.of(), operatorLogin.statements());
        assertEquals(0, operatorLogin.connectionCount());
    }

    // ---------------------------------------------------------------------------------------------

    /** The access log, oldest first, one line a row: actor|reason|operation|tenants|rows|writes|failure|rolled back. */
    private static List<String> log() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = operatorLogin.getConnection(); Statement s = c.createStatement();
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
        operatorLogin.reset();
        return lines;
    }

    private static Map<String, Integer> perTenant(List<Balance> balances) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Balance balance : balances) {
            counts.merge(balance.tenant(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> tenantsOf(DataSource role) throws SQLException {
        try (Connection connection = role.getConnection()) {
            return tenantsOf(connection);
        }
    }

    private static Map<String, Integer> tenantsOf(Connection connection) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT tenant_id, count(*) FROM balance GROUP BY tenant_id")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    private static List<Long> centsOf(String tenant) throws SQLException {
        List<Long> cents = new ArrayList<>();
        try (Connection c = admin.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT cents FROM balance WHERE tenant_id = ? ORDER BY cents")) {
            s.setString(1, tenant);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    cents.add(rows.getLong(1));
                }
            }
        }
        return cents;
    }

    private static void set(Connection connection, String setting, String value) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
            s.setString(1, setting);
            s.setString(2, value);
            s.execute();
        }
    }

    private static int update(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static void execute(DataSource role, String... statements) throws SQLException {
        try (Connection c = role.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
