package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network's head office reads every library's members and loans through the operators' login
 * (README: Operator access across tenants). The samples' tests compile with
 * {@code -Atenantdao.operatorRole=op_samples_operator}.
 */
class ToolOperatorTest {

    private static final String SCHEMA = "trial_tools_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "trial_tools_op_app" + SUFFIX;
    private static final String LOGIN = "trial_tools_op_login" + SUFFIX;
    private static DataSource admin;
    private static Database database;
    private static MemberDao members;
    private static LoanDao loans;
    private static Loans desk;

    @BeforeAll
    static void schema() throws SQLException {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Member.class, Loan.class, Tool.class);
        DataSource app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        execute(admin, "GRANT op_samples_operator TO " + LOGIN);
        database = Database.builder(app).operatorDataSource(login).build();
        members = new MemberDao(database);
        loans = new LoanDao(database);
        desk = new LoansImpl(database);
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
        execute(admin, "ALTER TABLE tenantdao_operator_access DISABLE TRIGGER USER", "TRUNCATE tenantdao_operator_access",
                "ALTER TABLE tenantdao_operator_access ENABLE TRIGGER USER",
                "ALTER TABLE tl_member_history DISABLE TRIGGER USER", "ALTER TABLE tl_loan_history DISABLE TRIGGER USER",
                "TRUNCATE tl_loan, tl_member, tl_member_history, tl_loan_history",
                "ALTER TABLE tl_member_history ENABLE TRIGGER USER", "ALTER TABLE tl_loan_history ENABLE TRIGGER USER");
        TenantContext.runAs("north", () -> {
            members.insertAll(List.of(Member.of(1, "N-1", "Ann", eur("10")), Member.of(2, "N-2", "Bob", null),
                    Member.of(3, "N-3", "Cy", null)));
            loans.insert(Loan.lend(1, "DRL-01", LocalDate.of(2026, 3, 1), 7));
            loans.insert(Loan.lend(2, "SAW-01", LocalDate.of(2026, 3, 2), 7));
            members.deleteById(3);
        });
        TenantContext.runAs("south", () -> {
            members.insert(Member.of(1, "S-1", "Dee", null));
            loans.insert(Loan.lend(1, "DRL-01", LocalDate.of(2026, 2, 1), 7));
        });
    }

    private static String row(TenantRow<Member> r) {
        return r.tenant() + ":" + r.entity().name();
    }

    @Test
    void headOfficeReadsEveryLibraryAndEveryCallIsLogged() throws SQLException {
        OperatorAccess access = OperatorAccess.of("kim@head-office", "ticket 301: duplicate cards");
        List<TenantRow<Member>> everyone = database.asOperator(access, tx -> members.findAllAcrossTenants(100, 0));
        assertEquals(List.of("north:Ann", "north:Bob", "south:Dee"), everyone.stream().map(ToolOperatorTest::row).toList(),
                "tenant, then id; the soft-deleted Cy left out");
        Map<String, Long> counts = database.asOperator(access, tx -> members.countAcrossTenants());
        assertEquals(Map.of("north", 2L, "south", 1L), counts);
        assertEquals(List.of("north", "south"), new ArrayList<>(counts.keySet()), "in tenant order");
        List<TenantRow<Member>> ones = database.asOperator(access, tx -> members.findByIdAcrossTenants(1));
        assertEquals(List.of("north:Ann", "south:Dee"), ones.stream().map(ToolOperatorTest::row).toList());
        assertEquals(List.of(
                "kim@head-office|ticket 301: duplicate cards|Member.findAllAcrossTenants|{north,south}|3|false|false",
                "kim@head-office|ticket 301: duplicate cards|Member.countAcrossTenants|{north,south}|2|false|false",
                "kim@head-office|ticket 301: duplicate cards|Member.findByIdAcrossTenants|{north,south}|2|false|false"), log());
    }

    @Test
    void keysetPagesAcrossLibraries() throws SQLException {
        OperatorAccess access = OperatorAccess.of("billing-job", "monthly deposits");
        List<String> seen = database.asOperator(access, tx -> {
            List<String> all = new ArrayList<>();
            List<TenantRow<Member>> page = members.findAllAcrossTenantsAfter(null, 0, 2);
            while (!page.isEmpty()) {
                page.forEach(r -> all.add(row(r)));
                TenantRow<Member> last = page.get(page.size() - 1);
                page = members.findAllAcrossTenantsAfter(last.tenant(), last.entity().id(), 2);
            }
            return all;
        });
        assertEquals(List.of("north:Ann", "north:Bob", "south:Dee"), seen);
        assertEquals(List.of("billing-job|monthly deposits|Member.findAllAcrossTenants|{north}|2|false|false",
                "billing-job|monthly deposits|Member.findAllAcrossTenantsAfter|{south}|1|false|false",
                "billing-job|monthly deposits|Member.findAllAcrossTenantsAfter|{}|0|false|false"), log(),
                "README: both null is the page findAllAcrossTenants(limit, 0), and it is logged under that name");
    }

    @Test
    void aHalfCursorIsRefusedForAPrimitiveIdToo() throws SQLException {
        assertThrows(IllegalArgumentException.class, () -> database.asOperator(OperatorAccess.of("kim", "paging"),
                tx -> members.findAllAcrossTenantsAfter(null, 2, 2)),
                "a tenant-less cursor that names an id is half a cursor: refused, not read as the first page");
        assertEquals(List.of(), log(), "refused before any SQL");
    }

    @Test
    void aRepositoryMethodAcrossLibrariesAndAStream() throws SQLException {
        OperatorAccess access = OperatorAccess.of("kim@head-office", "recall of DRL batch");
        List<TenantRow<Loan>> drills = database.asOperator(access, tx -> desk.everywhere("DRL-01"));
        assertEquals(List.of("north", "south"), drills.stream().map(TenantRow::tenant).toList());
        List<String> streamed = database.asOperator(access, tx -> TenantContext.callAs("north", () -> {
            try (Stream<Loan> out = desk.streamByStatus(LoanStatus.OUT)) {
                return out.map(Loan::toolCode).toList();
            }
        }));
        assertEquals(List.of("DRL-01", "SAW-01"), streamed);
        assertEquals(List.of("kim@head-office|recall of DRL batch|Loans.everywhere|{north,south}|2|false|false",
                "kim@head-office|recall of DRL batch|Loans.streamByStatus|{north}|2|false|false"), log());
        assertThrows(OperatorAccessException.class, () -> desk.everywhere("DRL-01"), "outside asOperator");
        assertThrows(OperatorAccessException.class, () -> TenantContext.callAs("north", () -> desk.everywhere("DRL-01")),
                "outside asOperator, even with a tenant");
    }

    @Test
    void writesNeedABlockOpenedForThemAndNameTheOperator() throws SQLException {
        OperatorAccess readOnly = OperatorAccess.of("kim@head-office", "ticket 302: refund deposit");
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("north", () -> members.update(Member.of(2, "N-2", "Bob", eur("0"))))));
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("north", () -> desk.markOverdue(LocalDate.of(2026, 4, 1)))));
        assertEquals(List.of(), log(), "refused before any SQL: nothing logged");

        Member refunded = database.asOperator(readOnly.allowingWrites(), tx -> TenantContext.callAs("north", "someone-else",
                () -> members.update(Member.of(2, "N-2", "Bob", eur("0")))));
        assertEquals(eur("0"), refunded.deposit());
        List<HistoryEntry<Member>> history = TenantContext.callAs("north", () -> members.history(2));
        assertEquals("kim@head-office", history.get(0).actor(), "the operator, not the inner block's actor");
        assertEquals(List.of("kim@head-office|ticket 302: refund deposit|Member.update|{north}|1|true|false"), log());
    }

    @Test
    void aFailedBlockRollsBackAndStaysLogged() throws SQLException {
        OperatorAccess access = OperatorAccess.of("kim@head-office", "ticket 303").allowingWrites();
        assertThrows(IllegalStateException.class, () -> database.asOperator(access, tx -> {
            TenantContext.runAs("south", () -> members.update(Member.of(1, "S-1", "Dolores", null)));
            throw new IllegalStateException("wrong member");
        }));
        assertEquals("Dee", TenantContext.callAs("south", () -> members.findById(1)).orElseThrow().name());
        assertEquals(List.of("kim@head-office|ticket 303|Member.update|{south}|1|true|true"), log());
    }

    @Test
    void aJoinedHierarchyAcrossLibrariesPairsEachRowWithItsOwnLibrarysSubtypeRow() throws SQLException {
        execute(admin, "ALTER TABLE tl_tool_history DISABLE TRIGGER USER",
                "TRUNCATE tl_tool, tl_tool_history CASCADE", "ALTER TABLE tl_tool_history ENABLE TRIGGER USER",
                "INSERT INTO tl_tool (tenant_id, id, kind, name) VALUES ('north', 100, 'drill', 'Drill'), ('south', 100, 'ladder', 'Ladder'),"
                        + " ('south', 101, 'saw', 'Saw')",
                "INSERT INTO tl_power_tool (tenant_id, id, watts) VALUES ('north', 100, 700), ('south', 101, 900)",
                "INSERT INTO tl_drill (tenant_id, id, hammer) VALUES ('north', 100, true)",
                "INSERT INTO tl_ladder (tenant_id, id, height_m) VALUES ('south', 100, 3.5)",
                "INSERT INTO tl_saw (tenant_id, id, blade_mm) VALUES ('south', 101, 190)");
        ToolDao tools = new ToolDao(database);
        PowerToolDao powerTools = new PowerToolDao(database);
        OperatorAccess access = OperatorAccess.of("kim@head-office", "inventory");
        List<TenantRow<Tool>> all = database.asOperator(access, tx -> tools.findAllAcrossTenants(10, 0));
        assertEquals(List.of("north:Drill:100", "south:Ladder:100", "south:Saw:101"), all.stream()
                .map(r -> r.tenant() + ":" + r.entity().getClass().getSimpleName() + ":" + r.entity().getId()).toList());
        assertEquals(700, ((Drill) all.get(0).entity()).getWatts());
        assertEquals(new java.math.BigDecimal("3.5"), ((Ladder) all.get(1).entity()).getHeightM());
        List<TenantRow<PowerTool>> powered = database.asOperator(access, tx -> powerTools.findByIdAcrossTenants(100L));
        assertEquals(List.of("north"), powered.stream().map(TenantRow::tenant).toList(), "south's 100 is a ladder");
        assertEquals(Map.of("north", 1L, "south", 1L), database.asOperator(access, tx -> powerTools.countAcrossTenants()));
        assertEquals(List.of("kim@head-office|inventory|Tool.findAllAcrossTenants|{north,south}|3|false|false",
                "kim@head-office|inventory|PowerTool.findByIdAcrossTenants|{north}|1|false|false",
                "kim@head-office|inventory|PowerTool.countAcrossTenants|{north,south}|2|false|false"), log());
    }

    @Test
    void nativeWritesAreRefusedInAReadOnlyBlockBeforeAnySql() throws SQLException {
        OperatorAccess readOnly = OperatorAccess.of("kim@head-office", "audit");
        execute(admin, "UPDATE tl_loan SET status = 'OVERDUE' WHERE tenant_id = 'north' AND tool_code = 'DRL-01'");
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("north", () -> desk.declareLost("DRL-01"))), "an @Sql UPDATE");
        assertEquals(List.of(), log(), "refused before any SQL: nothing logged");
        assertEquals(1, TenantContext.callAs("north", () -> desk.countByStatus(LoanStatus.OVERDUE)), "nothing changed");
        int lost = database.asOperator(readOnly.allowingWrites(), tx -> TenantContext.callAs("north", () -> desk.declareLost("DRL-01")));
        assertEquals(1, lost);
        assertEquals(List.of("kim@head-office|audit|Loans.declareLost|{north}|1|true|false"), log());
    }

    @Test
    void findMethodsAcrossLibrariesOverAnEmbeddedComponentAndALevel() throws SQLException {
        execute(admin, "UPDATE tl_loan SET late_fee_amount = 2, late_fee_currency = 'EUR' WHERE tool_code = 'DRL-01'",
                "ALTER TABLE tl_tool_history DISABLE TRIGGER USER",
                "TRUNCATE tl_tool, tl_tool_history CASCADE", "ALTER TABLE tl_tool_history ENABLE TRIGGER USER",
                "INSERT INTO tl_tool (tenant_id, id, kind, name, shelf) VALUES ('north', 7, 'drill', 'Drill', 'A'),"
                        + " ('south', 7, 'saw', 'Saw', 'A'), ('south', 8, 'ladder', 'Ladder', 'A')",
                "INSERT INTO tl_power_tool (tenant_id, id, watts) VALUES ('north', 7, 700), ('south', 7, 900)",
                "INSERT INTO tl_drill (tenant_id, id, hammer) VALUES ('north', 7, false)",
                "INSERT INTO tl_saw (tenant_id, id, blade_mm) VALUES ('south', 7, 160)",
                "INSERT INTO tl_ladder (tenant_id, id, height_m) VALUES ('south', 8, 2)");
        OperatorAccess access = OperatorAccess.of("kim@head-office", "fees");
        List<TenantRow<Loan>> fees = database.asOperator(access, tx -> desk.feesIn("EUR"));
        assertEquals(List.of("north:DRL-01", "south:DRL-01"), fees.stream().map(r -> r.tenant() + ":" + r.entity().toolCode()).toList());
        PowerTools powered = new PowerToolsImpl(database);
        List<TenantRow<PowerTool>> shelfA = database.asOperator(access, tx -> powered.onShelfEverywhere("A"));
        assertEquals(List.of("north:Drill:700", "south:Saw:900"), shelfA.stream()
                .map(r -> r.tenant() + ":" + r.entity().getName() + ":" + r.entity().getWatts()).toList(), "no ladder: not a power tool");
        assertEquals(List.of("kim@head-office|fees|Loans.feesIn|{north,south}|2|false|false",
                "kim@head-office|fees|PowerTools.onShelfEverywhere|{north,south}|2|false|false"), log());
    }

    @Test
    void aStreamLeftOpenIsClosedAndLoggedAtTheEndOfTheBlock() throws SQLException {
        List<String> firstOnly = database.asOperator(OperatorAccess.of("kim@head-office", "peek"), tx -> TenantContext.callAs("north",
                () -> {
                    Stream<Loan> out = desk.streamByStatus(LoanStatus.OUT);
                    return out.iterator().next().toolCode() == null ? List.<String>of() : List.of("DRL-01");
                }));
        assertEquals(List.of("DRL-01"), firstOnly);
        assertEquals(List.of("kim@head-office|peek|Loans.streamByStatus|{north}|1|false|false"), log(),
                "logged with the rows it had returned by then");
    }

    @Test
    void whatTheApplicationCannotDo() {
        assertThrows(OperatorAccessException.class, () -> members.findAllAcrossTenants(10, 0));
        assertThrows(OperatorAccessException.class, () -> TenantContext.callAs("north", members::countAcrossTenants));
        assertThrows(IllegalArgumentException.class, () -> OperatorAccess.of("kim", " "));
        assertThrows(IllegalArgumentException.class, () -> database.asOperator(OperatorAccess.of("kim", "paging"),
                tx -> loans.findAllAcrossTenantsAfter("north", null, 2)), "README: only one null is an IllegalArgumentException");
        assertThrows(IllegalArgumentException.class, () -> database.asOperator(OperatorAccess.of("kim", "paging"),
                tx -> loans.findAllAcrossTenantsAfter(null, 1L, 2)));
        assertThrows(OperatorAccessException.class, () -> TenantContext.runAs("north", () -> database.useTransaction(tx ->
                database.asOperator(OperatorAccess.of("kim", "nested"), inner -> members.count()))));
        BenchDao benches = new BenchDao(database);
        // schema per tenant is reached through the tenant's schema (north has none in this test's database)
        dev.tenantdao.runtime.DataAccessException noSchema = assertThrows(dev.tenantdao.runtime.DataAccessException.class,
                () -> database.asOperator(OperatorAccess.of("kim", "benches"), tx -> TenantContext.callAs("north", benches::count)));
        assertEquals("42P01", noSchema.sqlState(), noSchema.getMessage());
    }

    private static List<String> log() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT actor, reason, operation, tenants::text, row_count, writes,"
                     + " rolled_back FROM tenantdao_operator_access ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|" + result.getLong(5) + "|" + result.getBoolean(6) + "|" + result.getBoolean(7));
            }
        }
        return rows;
    }

    private static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
