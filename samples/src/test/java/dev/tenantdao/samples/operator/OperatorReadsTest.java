package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.samples.keys.Project;
import dev.tenantdao.samples.keys.ProjectDao;
import dev.tenantdao.samples.softdelete.Asset;
import dev.tenantdao.samples.softdelete.AssetDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reads across tenants of a DAO beyond the offset page ({@code findAllAcrossTenantsAfter},
 * {@code findByIdAcrossTenants}, {@code countAcrossTenants}), on PostgreSQL under row-level security, as
 * roles that are no superuser and own nothing: an operator's login (a member of the group role the test
 * sources are compiled with, {@code -Atenantdao.operatorRole=op_samples_operator}) and the application's.
 * Each call's access log row is exact, and each statement run on the application's login returns no row.
 */
class OperatorReadsTest {

    private static final String SCHEMA = "operator_reads";
    private static final String OPERATORS = "op_samples_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "opr_app" + SUFFIX;
    private static final String LOGIN = "opr_login" + SUFFIX;
    private static final OperatorAccess BILLING = OperatorAccess.of("billing-job", "monthly invoices");

    private static DataSource admin;
    private static DataSource app;
    private static RecordingDataSource operatorLogin;
    private static Database database;
    private static BalanceDao balances;
    private static AccountDao accounts;
    private static ProjectDao projects;
    /** The id of the last access log row {@link #log()} returned. */
    private static long logSeen;

    @BeforeAll
    static void schema() throws SQLException {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Balance.class, Account.class, Project.class, Asset.class);
        app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        execute(admin, "GRANT " + OPERATORS + " TO " + LOGIN);
        operatorLogin = new RecordingDataSource(login);
        database = Database.builder(app).operatorDataSource(operatorLogin).build();
        balances = new BalanceDao(database);
        accounts = new AccountDao(database);
        projects = new ProjectDao(database);
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
                "TRUNCATE balance, operator_account, project, soft_asset CASCADE");
        TenantContext.runAs("acme", () -> balances.insertAll(List.of(Balance.of("ann", 100), Balance.of("bob", 200),
                Balance.of("cid", 300))));
        TenantContext.runAs("globex", () -> balances.insertAll(List.of(Balance.of("dee", 400), Balance.of("eve", 500))));
        TenantContext.runAs("acme", () -> accounts.insertAll(List.of(Account.of("A-1", "ann"), Account.of("A-2", "bob"))));
        TenantContext.runAs("globex", () -> accounts.insert(Account.of("A-1", "dee")));
        operatorLogin.reset();
        logSeen = 0;
    }

    @Test
    void keysetPagesWalkEveryTenantsRowsInTenantAndIdOrderEachLoggedWithItsTenants() throws SQLException {
        List<String> walked = new ArrayList<>();
        List<Integer> sizes = database.asOperator(BILLING, tx -> {
            List<Integer> pages = new ArrayList<>();
            List<TenantRow<Balance>> page = balances.findAllAcrossTenantsAfter(null, null, 2);
            while (true) {
                pages.add(page.size());
                page.forEach(row -> walked.add(row.tenant() + ":" + row.entity().customer()));
                if (page.isEmpty()) {
                    return pages;
                }
                TenantRow<Balance> last = page.get(page.size() - 1);
                page = balances.findAllAcrossTenantsAfter(last.tenant(), last.entity().id(), 2);
            }
        });
        assertEquals(List.of("acme:ann", "acme:bob", "acme:cid", "globex:dee", "globex:eve"), walked);
        assertEquals(List.of(2, 2, 1, 0), sizes);
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balance.findAllAcrossTenants|{acme}|2",
                        "billing-job|monthly invoices|Balance.findAllAcrossTenantsAfter|{acme,globex}|2",
                        "billing-job|monthly invoices|Balance.findAllAcrossTenantsAfter|{globex}|1",
                        "billing-job|monthly invoices|Balance.findAllAcrossTenantsAfter|{}|0"),
                log(), "the first page (null, null) is the offset page's first");
        // the page after the last row of a tenant that has no more rows starts at the next tenant
        List<TenantRow<Balance>> afterAcme = database.asOperator(BILLING,
                tx -> balances.findAllAcrossTenantsAfter("acme", Long.MAX_VALUE, 10));
        assertEquals(List.of("globex:dee", "globex:eve"),
                afterAcme.stream().map(row -> row.tenant() + ":" + row.entity().customer()).toList());
        assertEquals(List.of("billing-job|monthly invoices|Balance.findAllAcrossTenantsAfter|{globex}|2"), log());
        assertNoRowOnTheApplicationsLogin(BalanceDao.FIND_ALL_ACROSS_TENANTS_AFTER, "", 0L, 100);
    }

    @Test
    void keysetPagingComparesATenantKeyOfAnotherTypeAsThatType() throws SQLException {
        // Project's tenant column is a uuid: the tenant text of the last row is compared as a uuid, in its order
        List<String> organizations = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<String> expected = new ArrayList<>();
        for (String organization : organizations) {
            for (String name : List.of("alpha", "beta")) {
                Project stored = TenantContext.callAs(organization, () -> projects.insert(new Project(null, null, name)));
                expected.add(organization + "/" + stored.id());
            }
        }
        // PostgreSQL orders uuids by their bytes: the order of their lower-case text
        expected.sort(Comparator.naturalOrder());
        List<String> walked = database.asOperator(BILLING, tx -> {
            List<String> all = new ArrayList<>();
            List<TenantRow<Project>> page = projects.findAllAcrossTenantsAfter(null, null, 1);
            while (!page.isEmpty()) {
                TenantRow<Project> row = page.get(0);
                assertEquals(row.tenant(), row.entity().organizationId().toString());
                all.add(row.tenant() + "/" + row.entity().id());
                page = projects.findAllAcrossTenantsAfter(row.tenant(), row.entity().id(), 1);
            }
            return all;
        });
        assertEquals(expected, walked);
        assertEquals(5, log().size(), "four calls with a row, one without");
    }

    @Test
    void byIdReturnsTheRowWithTheIdInEveryTenantThatHasOne() throws SQLException {
        List<TenantRow<Account>> a1 = database.asOperator(BILLING, tx -> accounts.findByIdAcrossTenants("A-1"));
        assertEquals(List.of("acme:A-1:ann", "globex:A-1:dee"), a1.stream()
                .map(row -> row.tenant() + ":" + row.entity().code() + ":" + row.entity().holder()).toList());
        a1.forEach(row -> assertEquals(row.tenant(), row.entity().tenant(), "the row's own tenant"));
        List<TenantRow<Account>> none = database.asOperator(BILLING, tx -> accounts.findByIdAcrossTenants("Z-9"));
        assertEquals(List.of(), none);
        List<TenantRow<Balance>> generated = database.asOperator(BILLING, tx -> {
            long id = TenantContext.callAs("globex", () -> balances.findAll(1, 0)).get(0).id();
            return balances.findByIdAcrossTenants(id);
        });
        assertEquals(List.of("globex:dee"),
                generated.stream().map(row -> row.tenant() + ":" + row.entity().customer()).toList());
        assertEquals(List.of(
                        "billing-job|monthly invoices|Account.findByIdAcrossTenants|{acme,globex}|2",
                        "billing-job|monthly invoices|Account.findByIdAcrossTenants|{}|0",
                        "billing-job|monthly invoices|Balance.findAll|{globex}|1",
                        "billing-job|monthly invoices|Balance.findByIdAcrossTenants|{globex}|1"),
                log());
        assertNoRowOnTheApplicationsLogin(AccountDao.FIND_BY_ID_ACROSS_TENANTS, "A-1");
    }

    @Test
    void countsAreEachTenantsAndLoggedWithTheTenantsCounted() throws SQLException {
        Map<String, Long> counts = database.asOperator(BILLING, tx -> balances.countAcrossTenants());
        assertEquals(List.of("acme=3", "globex=2"),
                counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList(), "in tenant order");
        execute(admin, "TRUNCATE operator_account");
        assertEquals(Map.of(), database.asOperator(BILLING, tx -> accounts.countAcrossTenants()));
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balance.countAcrossTenants|{acme,globex}|2",
                        "billing-job|monthly invoices|Account.countAcrossTenants|{}|0"),
                log());
        assertNoRowOnTheApplicationsLogin(BalanceDao.COUNT_ACROSS_TENANTS);
    }

    @Test
    void eachReadIsRefusedBeforeAnySqlOutsideAnOperatorBlockEvenWithATenant() throws SQLException {
        List<Runnable> reads = List.of(() -> balances.findAllAcrossTenantsAfter("acme", 1L, 10),
                () -> balances.findByIdAcrossTenants(1L), balances::countAcrossTenants,
                () -> accounts.findByIdAcrossTenants("A-1"));
        assertRefusedOutsideAnOperatorBlock(reads);
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        // half a keyset position is a caller's mistake, refused before any SQL and not logged
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> database.asOperator(BILLING,
                tx -> balances.findAllAcrossTenantsAfter("acme", null, 10)));
        assertEquals("afterTenant and afterId: both the last row's, or both null for the first page", half.getMessage());
        assertEquals(List.of(), operatorLogin.statements().stream().filter(sql -> sql.contains("balance")).toList());
        assertEquals(List.of(), log());
    }

    @Test
    void streamsAreLoggedWithTheRowsTheyReturnedWhenClosedReadToTheEndOrLeftOpenAtTheBlocksEnd() throws SQLException {
        Balances repository = new BalancesImpl(database);
        List<String> read = database.asOperator(BILLING, tx -> {
            List<String> customers = new ArrayList<>();
            try (Stream<Balance> all = TenantContext.callAs("acme", repository::streamAll)) {
                all.forEach(balance -> customers.add(balance.customer()));
            }
            try (Stream<Balance> first = TenantContext.callAs("globex", repository::streamAll)) {
                first.limit(1).forEach(balance -> customers.add(balance.customer()));
            }
            try (Stream<Balance> none = TenantContext.callAs("initech", repository::streamAll)) {
                assertEquals(0, none.count());
            }
            // left open: the block's end closes it, and logs the rows it had returned
            Iterator<Balance> open = TenantContext.callAs("acme", repository::streamAll).iterator();
            customers.add(open.next().customer());
            customers.add(open.next().customer());
            return customers;
        });
        assertEquals(List.of("ann", "bob", "cid", "dee", "ann", "bob"), read);
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balances.streamAll|{acme}|3",
                        "billing-job|monthly invoices|Balances.streamAll|{globex}|1",
                        "billing-job|monthly invoices|Balances.streamAll|{}|0",
                        "billing-job|monthly invoices|Balances.streamAll|{acme}|2"),
                log());
        // a stream outside an operator block is the application's, as always: no log row
        assertEquals(List.of("ann", "bob", "cid"), TenantContext.callAs("acme", () -> {
            try (Stream<Balance> all = repository.streamAll()) {
                return all.map(Balance::customer).toList();
            }
        }));
        assertEquals(List.of(), log());
    }

    @Test
    void aStreamLeftOpenInABlockWhoseCallFailedIsLoggedAfterTheRollbackAndTheBlockFailsAsDocumented() throws SQLException {
        Balances repository = new BalancesImpl(database);
        OperatorAccessException failed = assertThrows(OperatorAccessException.class, () -> database.asOperator(BILLING, tx -> {
            Iterator<Balance> open = TenantContext.callAs("acme", repository::streamAll).iterator();
            open.next();
            try (java.sql.Statement own = tx.connection().createStatement()) {
                own.execute("SELECT 1 / 0");    // the operator's own SQL fails: the transaction is aborted
            } catch (SQLException expected) {
                // caught by the work, as the next call's failure is
            }
            assertThrows(DataAccessException.class, () -> TenantContext.callAs("acme", balances::count));
            return null;    // the stream is still open: the block's end closes it
        }));
        assertTrue(failed.getMessage().contains("failed, so its transaction rolled back"), failed.getMessage());
        List<String> rows = new ArrayList<>();
        try (Connection c = operatorLogin.getConnection(); PreparedStatement s = c.prepareStatement("SELECT operation,"
                + " row_count, failure IS NOT NULL, rolled_back FROM tenantdao_operator_access ORDER BY id")) {
            ResultSet found = s.executeQuery();
            while (found.next()) {
                rows.add(found.getString(1) + "|" + found.getString(2) + "|" + found.getBoolean(3) + "|" + found.getBoolean(4));
            }
        }
        assertEquals(List.of("Balance.count|null|true|true", "Balances.streamAll|1|false|true"), rows,
                "both written after the rollback, marked rolled back: the count failed, the stream returned one row");
    }

    @Test
    void repositoryMethodsAcrossTenantsReadEveryTenantsRowsOnlyInsideAnOperatorBlockEachLogged() throws SQLException {
        Balances repository = new BalancesImpl(database);
        TenantContext.runAs("initech", () -> balances.insert(Balance.of("ann", 50)));
        List<List<String>> read = database.asOperator(BILLING, tx -> List.of(
                rows(repository.findByCentsGreaterThan(150)),
                rows(repository.ofCustomer("ann")),
                rows(repository.findByCentsGreaterThan(10_000))));
        assertEquals(List.of(
                        List.of("acme:bob:200", "acme:cid:300", "globex:dee:400", "globex:eve:500"),
                        List.of("acme:ann:100", "initech:ann:50"),
                        List.of()),
                read, "in tenant order, then the query's");
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balances.findByCentsGreaterThan|{acme,globex}|4",
                        "billing-job|monthly invoices|Balances.ofCustomer|{acme,initech}|2",
                        "billing-job|monthly invoices|Balances.findByCentsGreaterThan|{}|0"),
                log());
        assertRefusedOutsideAnOperatorBlock(List.of(() -> repository.findByCentsGreaterThan(0),
                () -> repository.ofCustomer("ann")));
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        assertEquals(List.of(), log());
        assertNoRowOnTheApplicationsLogin(BalancesImpl.FIND_BY_CENTS_GREATER_THAN, 0L);
    }

    @Test
    void repositoryCountsPagesSortsAndProjectionsAcrossTenantsAreEachLoggedWithTheirTenants() throws SQLException {
        Balances repository = new BalancesImpl(database);
        TenantContext.runAs("initech", () -> balances.insert(Balance.of("ann", 50)));
        List<List<String>> read = database.asOperator(BILLING, tx -> List.of(
                counts(repository.countByCustomer("ann")),
                counts(repository.countByCustomer("zed")),
                counts(repository.countAtLeast(200)),
                rows(repository.findByCentsLessThan(450, Limit.of(3))),
                rows(repository.findByCentsLessThan(450, Limit.range(3, 5))),
                page(repository.findByCentsGreaterThanEqual(100, PageRequest.ofSize(2))),
                page(repository.findByCentsGreaterThanEqual(100, PageRequest.ofPage(3, 2, true))),
                page(repository.findByCentsGreaterThanEqual(100, PageRequest.ofSize(2).withoutTotal())),
                rows(repository.findByCustomerNot("ann", Order.by(Sort.desc("cents")))),
                repository.owedBelow(250).stream().map(row -> row.tenant() + ":" + row.entity().customer() + ":"
                        + row.entity().cents()).toList()));
        assertEquals(List.of(
                        List.of("acme=1", "initech=1"),
                        List.of(),
                        List.of("acme=2", "globex=2"),
                        List.of("acme:cid:300", "acme:bob:200", "acme:ann:100"),
                        List.of("acme:ann:100", "globex:dee:400", "initech:ann:50"),
                        List.of("acme:ann:100", "acme:bob:200", "total 5", "next true"),
                        List.of("globex:eve:500", "total 5", "next false"),
                        List.of("acme:ann:100", "acme:bob:200", "total -1", "next true"),
                        List.of("acme:cid:300", "acme:bob:200", "globex:eve:500", "globex:dee:400"),
                        List.of("acme:ann:100", "acme:bob:200", "initech:ann:50")),
                read, "in tenant order, then the method's; counts of the tenants that have any");
        assertEquals(List.of(
                        "billing-job|monthly invoices|Balances.countByCustomer|{acme,initech}|2",
                        "billing-job|monthly invoices|Balances.countByCustomer|{}|0",
                        "billing-job|monthly invoices|Balances.countAtLeast|{acme,globex}|2",
                        "billing-job|monthly invoices|Balances.findByCentsLessThan|{acme}|3",
                        "billing-job|monthly invoices|Balances.findByCentsLessThan|{acme,globex,initech}|3",
                        // the total counted every tenant with a matching row: those are named too
                        "billing-job|monthly invoices|Balances.findByCentsGreaterThanEqual|{acme,globex}|2",
                        "billing-job|monthly invoices|Balances.findByCentsGreaterThanEqual|{acme,globex}|1",
                        // without a total, only the page's rows (not the one more read to tell that a next exists)
                        "billing-job|monthly invoices|Balances.findByCentsGreaterThanEqual|{acme}|2",
                        "billing-job|monthly invoices|Balances.findByCustomerNot|{acme,globex}|4",
                        "billing-job|monthly invoices|Balances.owedBelow|{acme,initech}|3"),
                log());
        List<Runnable> calls = List.of(() -> repository.countByCustomer("ann"), () -> repository.countAtLeast(0),
                () -> repository.findByCentsLessThan(450, Limit.of(3)),
                () -> repository.findByCentsGreaterThanEqual(0, PageRequest.ofSize(2)),
                () -> repository.findByCustomerNot("ann", Order.by(Sort.asc("cents"))), () -> repository.owedBelow(250));
        assertRefusedOutsideAnOperatorBlock(calls);
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        assertEquals(List.of(), log());
        assertNoRowOnTheApplicationsLogin(BalancesImpl.COUNT_BY_CUSTOMER, "ann");
        assertNoRowOnTheApplicationsLogin(BalancesImpl.COUNT_AT_LEAST, 0L);
        assertNoRowOnTheApplicationsLogin(BalancesImpl.FIND_BY_CENTS_LESS_THAN, 10_000L, 100, 0L);
        assertNoRowOnTheApplicationsLogin(BalancesImpl.FIND_BY_CENTS_GREATER_THAN_EQUAL, 0L, 100, 0L);
        assertNoRowOnTheApplicationsLogin(BalancesImpl.FIND_BY_CENTS_GREATER_THAN_EQUAL_COUNT, 0L);
        assertNoRowOnTheApplicationsLogin(BalancesImpl.FIND_BY_CUSTOMER_NOT, "zed");
        assertNoRowOnTheApplicationsLogin(BalancesImpl.OWED_BELOW, 10_000L);
    }

    @Test
    void aCursoredPageAcrossTenantsIsKeyedByTheTenantThenTheOrderThenTheIdForwardAndBack() throws SQLException {
        Balances repository = new BalancesImpl(database);
        TenantContext.runAs("initech", () -> balances.insert(Balance.of("ann", 50)));
        List<List<String>> read = database.asOperator(BILLING, tx -> {
            CursoredPage<TenantRow<Balance>> first = repository.everyBalance(PageRequest.ofSize(2));
            CursoredPage<TenantRow<Balance>> second = repository.everyBalance(first.nextPageRequest().withoutTotal());
            CursoredPage<TenantRow<Balance>> third = repository.everyBalance(second.nextPageRequest());
            CursoredPage<TenantRow<Balance>> back = repository.everyBalance(third.previousPageRequest());
            return List.of(cursored(first), cursored(second), cursored(third), cursored(back));
        });
        assertEquals(List.of(
                        List.of("acme:cid:300", "acme:bob:200", "total 6", "next true", "previous false"),
                        List.of("acme:ann:100", "globex:eve:500", "total -1", "next true", "previous true"),
                        List.of("globex:dee:400", "initech:ann:50", "total -1", "next false", "previous true"),
                        List.of("acme:ann:100", "globex:eve:500", "total -1", "next true", "previous true")),
                read, "by tenant, then cents descending, then id; the cursor crosses from one tenant to the next");
        assertEquals(List.of(
                        // the first page's total counted every tenant's rows: all three are named
                        "billing-job|monthly invoices|Balances.everyBalance|{acme,globex,initech}|2",
                        "billing-job|monthly invoices|Balances.everyBalance|{acme,globex}|2",
                        "billing-job|monthly invoices|Balances.everyBalance|{globex,initech}|2",
                        "billing-job|monthly invoices|Balances.everyBalance|{acme,globex}|2"),
                log());
        assertRefusedOutsideAnOperatorBlock(List.of(() -> repository.everyBalance(PageRequest.ofSize(2))));
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        assertNoRowOnTheApplicationsLogin(BalancesImpl.EVERY_BALANCE_AFTER, "a", "a", 0L, "a", 0L, 0L, 100);
        assertNoRowOnTheApplicationsLogin(BalancesImpl.EVERY_BALANCE_BEFORE, "z", "z", 0L, "z", 0L, 0L, 100);
    }

    private static List<String> cursored(CursoredPage<TenantRow<Balance>> page) {
        List<String> lines = new ArrayList<>(rows(page.content()));
        lines.add("total " + (page.hasTotals() ? page.totalElements() : -1));
        lines.add("next " + page.hasNext());
        lines.add("previous " + page.hasPrevious());
        return lines;
    }

    /** Each call, without a tenant and with one, throws OperatorAccessException outside an operator block. */
    private static void assertRefusedOutsideAnOperatorBlock(List<Runnable> calls) {
        for (Runnable call : calls) {
            for (boolean withTenant : List.of(false, true)) {
                OperatorAccessException refused = assertThrows(OperatorAccessException.class,
                        () -> {
                            if (withTenant) {
                                TenantContext.runAs("acme", call::run);
                            } else {
                                call.run();
                            }
                        });
                assertTrue(refused.getMessage().contains("reads every tenant's rows: call it inside Database.asOperator"),
                        refused.getMessage());
            }
        }
    }

    private static List<String> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static List<String> page(Page<TenantRow<Balance>> page) {
        List<String> lines = new ArrayList<>(rows(page.content()));
        lines.add("total " + (page.hasTotals() ? page.totalElements() : -1));
        lines.add("next " + page.hasNext());
        return lines;
    }

    private static List<String> rows(List<TenantRow<Balance>> rows) {
        return rows.stream().map(row -> row.tenant() + ":" + row.entity().customer() + ":" + row.entity().cents()).toList();
    }

    @Test
    void aHierarchysRootReadsEveryTenantsRowsEachAsItsSubtype() throws SQLException {
        // Asset: a joined, audited, soft-deleted hierarchy; its ids assigned, so one may be in several tenants (laptop 1)
        AssetDao assets = new AssetDao(database);
        TenantContext.runAs("acme", () -> {
            assets.insert(new Asset.Laptop(1, "ann", "x1"));
            assets.insert(new Asset.Phone(2, "bob", "555"));
            assets.deleteById(2);
        });
        TenantContext.runAs("globex", () -> {
            assets.insert(new Asset.Laptop(1, "dee", "z9"));
            assets.insert(new Asset.Phone(3, "eve", "777"));
        });
        List<List<String>> read = database.asOperator(BILLING, tx -> List.of(
                describe(assets.findAllAcrossTenants(10, 0)),
                describe(assets.findAllAcrossTenantsAfter("acme", 1, 10)),
                describe(assets.findByIdAcrossTenants(1)),
                describe(assets.findByIdAcrossTenants(2)),
                assets.countAcrossTenants().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        assertEquals(List.of(
                        List.of("acme:Laptop(1, ann, x1)", "globex:Laptop(1, dee, z9)", "globex:Phone(3, eve, 777)"),
                        List.of("globex:Laptop(1, dee, z9)", "globex:Phone(3, eve, 777)"),
                        List.of("acme:Laptop(1, ann, x1)", "globex:Laptop(1, dee, z9)"),
                        List.of(),
                        List.of("acme=1", "globex=2")),
                read, "each row as its subtype, joined to its own tenant's subtype row; the soft-deleted row in none");
        assertEquals(List.of(
                        "billing-job|monthly invoices|Asset.findAllAcrossTenants|{acme,globex}|3",
                        "billing-job|monthly invoices|Asset.findAllAcrossTenantsAfter|{globex}|2",
                        "billing-job|monthly invoices|Asset.findByIdAcrossTenants|{acme,globex}|2",
                        "billing-job|monthly invoices|Asset.findByIdAcrossTenants|{}|0",
                        "billing-job|monthly invoices|Asset.countAcrossTenants|{acme,globex}|2"),
                log());
        assertThrows(OperatorAccessException.class, () -> TenantContext.callAs("acme", assets::countAcrossTenants));
        assertNoRowOnTheApplicationsLogin(constant(AssetDao.class, "FIND_ALL_ACROSS_TENANTS"), 100, 0L);
    }

    /** A generated DAO's SQL constant (package-private, in another package). */
    private static String constant(Class<?> dao, String name) {
        try {
            java.lang.reflect.Field field = dao.getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(dao.getSimpleName() + "." + name, e);
        }
    }

    private static List<String> describe(List<? extends TenantRow<? extends Asset>> rows) {
        return rows.stream().map(row -> row.tenant() + ":" + (row.entity() instanceof Asset.Laptop laptop
                ? "Laptop(" + laptop.id() + ", " + laptop.owner() + ", " + laptop.model() + ")"
                : row.entity() instanceof Asset.Phone phone
                        ? "Phone(" + phone.id() + ", " + phone.owner() + ", " + phone.number() + ")"
                        : "?" + row.entity())).toList();
    }

    // ---------------------------------------------------------------------------------------------

    /** The statement run on the application's login, even with a tenant set: no row. */
    private static void assertNoRowOnTheApplicationsLogin(String sql, Object... parameters) throws SQLException {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            for (String tenant : List.of("", "acme")) {
                try (PreparedStatement set = connection.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                    set.setString(1, tenant);
                    set.execute();
                }
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        s.setObject(i + 1, parameters[i]);
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        if (tenant.isEmpty()) {
                            assertFalse(rows.next(), "no tenant: the application's login sees no row of " + sql);
                        } else {
                            while (rows.next()) {
                                assertEquals("acme", rows.getString("tenantdao_row_tenant"),
                                        "a tenant set: that tenant's rows only");
                            }
                        }
                    }
                }
            }
            connection.rollback();
        }
    }

    /**
     * The rows of the access log written since the last look, oldest first, one line a row:
     * actor|reason|operation|tenants|rows (each read-only, none failed).
     */
    private static List<String> log() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = operatorLogin.getConnection(); PreparedStatement s = c.prepareStatement("SELECT actor, reason,"
                + " operation, tenants, row_count, writes, failure, rolled_back, id FROM tenantdao_operator_access"
                + " WHERE id > ? ORDER BY id")) {
            s.setLong(1, logSeen);
            ResultSet rows = s.executeQuery();
            while (rows.next()) {
                logSeen = rows.getLong(9);
                Array tenants = rows.getArray(4);
                assertFalse(rows.getBoolean(6), "read-only");
                assertEquals(null, rows.getString(7), "no failure");
                assertFalse(rows.getBoolean(8), "not rolled back");
                lines.add(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3),
                        "{" + String.join(",", (String[]) tenants.getArray()) + "}", String.valueOf(rows.getLong(5))));
            }
        }
        operatorLogin.reset();
        return lines;
    }

    private static void execute(DataSource role, String... statements) throws SQLException {
        try (Connection c = role.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
