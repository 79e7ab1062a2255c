package dev.tenantdao.samples.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.UnknownSubtypeException;
import dev.tenantdao.samples.common.HookTrail;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payouts hierarchy (an abstract class, a table per subtype), as the application connects: a
 * role that is no superuser and owns nothing, so row-level security applies to every table. Each
 * test works in tenants of its own.
 */
class JoinedHierarchyTest {

    private static DataSource admin;
    private static RecordingDataSource app;
    private static PayoutDao payouts;
    private static CardPayoutDao cards;
    private static BankPayoutDao banks;
    private static WalletPayoutDao wallets;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("payouts_joined");
        Schema.create(admin, Payout.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "payouts_joined"));
        Database database = new Database(app);
        payouts = new PayoutDao(database);
        cards = new CardPayoutDao(database);
        banks = new BankPayoutDao(database);
        wallets = new WalletPayoutDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("treasurer", work::get));
    }

    private static Payout payout(int i) {
        return switch (i % 3) {
            case 0 -> new CardPayout(Money.of(i + ".25"), "Card Owner " + i, "tok_" + i);
            case 1 -> new BankPayout(Money.of(i + ".00"), "Supplier " + i, "NL91ABNA04171643" + String.format("%02d", i),
                    i % 2 == 0 ? null : "ABNANL2A");
            default -> new WalletPayout(Money.of("3.00"), "Wallet " + i, "w-" + i, i);
        };
    }

    private static List<Payout> mixed(String tenant, int count) {
        List<Payout> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Payout payout = payout(i);
            stored.add(as(tenant, () -> payouts.insert(payout)));
        }
        return stored;
    }

    /** What a payout holds, as text: classes have no equals, and this compares every mapped value. */
    private static String describe(Payout payout) {
        String common = payout.getClass().getSimpleName() + "#" + payout.getId() + " " + payout.getAmount().amount()
                + " " + payout.getRecipient() + " v" + payout.getVersion();
        if (payout instanceof CardPayout card) {
            return common + " " + card.getCardToken();
        }
        if (payout instanceof BankPayout bank) {
            return common + " " + bank.getIban() + " " + bank.getBic();
        }
        WalletPayout wallet = (WalletPayout) payout;
        return common + " " + wallet.getWallet() + " " + wallet.getPriority();
    }

    private static List<String> describe(List<? extends Payout> payouts) {
        return payouts.stream().map(JoinedHierarchyTest::describe).toList();
    }

    @Test
    void aPageOfMixedSubtypesIsOneQueryWithALeftJoinPerSubtype() {
        List<Payout> stored = mixed("page_tenant", 9);
        app.reset();
        List<Payout> page = as("page_tenant", () -> payouts.findAll(50, 0));
        assertEquals(describe(stored), describe(page));
        assertEquals(List.of(CardPayout.class, BankPayout.class, WalletPayout.class),
                page.subList(0, 3).stream().map(Object::getClass).toList());
        assertTrue(page.stream().allMatch(Payout::isLoaded), "the root's after-load hook ran for every subtype");
        List<String> queries = app.statements().stream().filter(sql -> sql.contains("FROM payout")).toList();
        assertEquals(1, queries.size(), () -> "one query for the page: " + app.statements());
        assertEquals(3, count(queries.get(0), "LEFT JOIN"), queries.get(0));
    }

    @Test
    void insertAllOfMixedSubtypesReturnsThemInOrderOrInsertsNone() throws SQLException {
        List<Payout> batch = List.of(payout(1), payout(0), payout(2), payout(3), payout(4));
        List<Payout> stored = as("batch_tenant", () -> payouts.insertAll(batch));
        assertEquals(List.of(BankPayout.class, CardPayout.class, WalletPayout.class, CardPayout.class, BankPayout.class),
                stored.stream().map(Object::getClass).toList());
        assertEquals(describe(stored), describe(as("batch_tenant", () -> payouts.findAll(10, 0)).stream()
                .sorted(java.util.Comparator.comparingInt(p -> stored.stream().map(Payout::getId).toList().indexOf(p.getId())))
                .toList()));
        BankPayout broken = new BankPayout(Money.of("1.00"), "No IBAN", null, null);   // iban is NOT NULL
        assertThrows(dev.tenantdao.runtime.DataAccessException.class,
                () -> as("batch_tenant", () -> payouts.insertAll(List.of(payout(0), payout(2), broken))));
        assertEquals(5, as("batch_tenant", () -> payouts.count()), "none of the failed batch stayed");
        assertEquals(2, countRows("card_payout", "batch_tenant", "true"));
    }

    @Test
    void theTenantPredicateIsOnEveryTableAndInEveryJoin() {
        for (String sql : List.of(PayoutDao.FIND_ALL, PayoutDao.FIND_BY_ID, PayoutDao.FIND_ALL_AFTER,
                PayoutDao.DELETE_BY_ID, CardPayoutDao.FIND_ALL, CardPayoutDao.UPDATE, CardPayoutDao.DELETE_BY_ID)) {
            for (String table : List.of("payout", "card_payout")) {
                if (sql.contains(table + " ") || sql.contains(table + ".")) {
                    assertTrue(sql.contains(table + ".tenant_id = ?") || sql.contains("FROM " + table + " WHERE tenant_id = ?")
                            || sql.contains("UPDATE " + table + " SET") && sql.contains("WHERE tenant_id = ?")
                            || sql.contains("DELETE FROM " + table + " WHERE tenant_id = ?"),
                            () -> table + " without the tenant predicate in " + sql);
                }
            }
        }
        assertEquals(3, count(PayoutDao.FIND_ALL, "_payout.tenant_id = ?"), "each LEFT JOIN carries the tenant");
    }

    @Test
    void keysetPagingWalksAcrossSubtypes() {
        List<Payout> stored = mixed("paging_tenant", 10);
        List<Payout> walked = new ArrayList<>();
        List<Payout> page = as("paging_tenant", () -> payouts.findAllAfter(null, 4));
        while (!page.isEmpty()) {
            walked.addAll(page);
            long after = page.get(page.size() - 1).getId();
            page = as("paging_tenant", () -> payouts.findAllAfter(after, 4));
        }
        assertEquals(describe(stored), describe(walked));
    }

    @Test
    void aSubtypesDaoSeesOnlyItsSubtypeAndReadsItsOwnTable() {
        List<Payout> stored = mixed("typed_tenant", 6);
        assertEquals(describe(List.of(stored.get(1), stored.get(4))), describe(as("typed_tenant", () -> banks.findAll(10, 0))));
        assertEquals(2, as("typed_tenant", () -> wallets.count()));
        long walletId = stored.get(2).getId();
        assertTrue(as("typed_tenant", () -> cards.findById(walletId)).isEmpty());
        assertFalse(as("typed_tenant", () -> cards.deleteById(walletId)), "a card DAO cannot delete a wallet payout");
        assertEquals(describe(stored.get(2)), describe(as("typed_tenant", () -> wallets.findById(walletId)).orElseThrow()));
        assertTrue(as("typed_tenant", () -> wallets.findById(walletId)).orElseThrow().isLoaded());
    }

    @Test
    void anUpdateOfOnlySubtypeColumnsWritesBothTablesInOneStatementAndIsAudited() throws SQLException {
        BankPayout bank = (BankPayout) mixed("update_tenant", 2).get(1);
        bank.setIban("GB82WEST12345698765432");
        app.reset();
        BankPayout updated = as("update_tenant", () -> banks.update(bank));
        assertEquals(1, app.statements().stream().filter(sql -> sql.contains("bank_payout")).count(),
                () -> "one statement: " + app.statements());
        assertEquals(1, updated.getVersion(), "the root's @Version went up");
        assertEquals("GB82WEST12345698765432", ((BankPayout) as("update_tenant", () -> payouts.findById(bank.getId()))
                .orElseThrow()).getIban());
        List<HistoryEntry<BankPayout>> history = as("update_tenant", () -> banks.history(bank.getId()));
        assertEquals(List.of(Operation.UPDATE, Operation.INSERT), history.stream().map(HistoryEntry::operation).toList());
        assertEquals("GB82WEST12345698765432", history.get(0).entity().getIban(), "history holds the subtype's columns");
        assertEquals("Supplier 1", history.get(0).entity().getRecipient(), "and the root's");
        assertEquals("treasurer", history.get(0).actor());
        BankPayout unchanged = as("update_tenant", () -> banks.update(updated));
        assertEquals(2, unchanged.getVersion());
        assertEquals(2, as("update_tenant", () -> banks.history(bank.getId())).size(), "no audited change, no history row");
        assertEquals(1, countRows("payout_history", "update_tenant", "id = " + bank.getId() + " AND history_operation = 'UPDATE'"));
    }

    @Test
    void theRootsHistoryReadsEveryVersionAsItsSubtype() throws InterruptedException {
        WalletPayout wallet = (WalletPayout) mixed("root_history_tenant", 3).get(2);
        java.time.Instant beforeUpdate = java.time.Instant.now();
        Thread.sleep(5);
        wallet.setWallet("w-moved");
        WalletPayout updated = as("root_history_tenant", () -> wallets.update(wallet));
        assertTrue(as("root_history_tenant", () -> payouts.deleteById(updated.getId())));
        List<HistoryEntry<Payout>> history = as("root_history_tenant", () -> payouts.history(wallet.getId()));
        assertEquals(List.of(Operation.DELETE, Operation.UPDATE, Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertTrue(history.stream().allMatch(h -> h.entity() instanceof WalletPayout), "each version as its subtype");
        assertEquals("w-moved", ((WalletPayout) history.get(0).entity()).getWallet());
        assertEquals("w-2", ((WalletPayout) history.get(2).entity()).getWallet());
        Payout then = as("root_history_tenant", () -> payouts.asOf(wallet.getId(), beforeUpdate)).orElseThrow();
        assertEquals("w-2", ((WalletPayout) then).getWallet());
        assertTrue(as("root_history_tenant", () -> payouts.asOf(wallet.getId(), java.time.Instant.now())).isEmpty(),
                "deleted now");
        assertTrue(as("other_tenant", () -> payouts.history(wallet.getId())).isEmpty(), "history is the tenant's own");
    }

    @Test
    void aStaleVersionChangesNeitherTable() throws SQLException {
        CardPayout card = (CardPayout) mixed("stale_tenant", 1).get(0);
        CardPayout stale = as("stale_tenant", () -> cards.findById(card.getId())).orElseThrow();   // a second copy
        card.setCardToken("tok_new");
        assertSame(card, as("stale_tenant", () -> cards.update(card)), "the caller's instance, filled");
        assertEquals(stale.getVersion() + 1, card.getVersion(), "with the new version");
        stale.setCardToken("tok_stale");
        assertThrows(OptimisticLockException.class, () -> as("stale_tenant", () -> cards.update(stale)));
        assertEquals("tok_new", as("stale_tenant", () -> cards.findById(card.getId())).orElseThrow().getCardToken());
        assertEquals(1, countRows("card_payout", "stale_tenant", "card_token = 'tok_new'"));
    }

    @Test
    void deletesCleanEveryTableAndRecordTheWholeRow() throws SQLException {
        List<Payout> stored = mixed("delete_tenant", 3);
        assertTrue(as("delete_tenant", () -> payouts.deleteById(stored.get(0).getId())));
        as("delete_tenant", () -> {
            payouts.delete(stored.get(1));
            return null;
        });
        as("delete_tenant", () -> {
            wallets.delete((WalletPayout) stored.get(2));
            return null;
        });
        for (String table : List.of("payout", "card_payout", "bank_payout", "wallet_payout")) {
            assertEquals(0, countRows(table, "delete_tenant", "true"), table + " still has rows");
        }
        List<HistoryEntry<CardPayout>> history = as("delete_tenant", () -> cards.history(stored.get(0).getId()));
        assertEquals(Operation.DELETE, history.get(0).operation());
        assertEquals("tok_0", history.get(0).entity().getCardToken(), "the root's delete records the subtype's columns");
        List<HistoryEntry<BankPayout>> bankHistory = as("delete_tenant", () -> banks.history(stored.get(1).getId()));
        assertEquals(Operation.DELETE, bankHistory.get(0).operation());
        assertEquals(2, bankHistory.get(0).version());
        assertThrows(RowNotFoundException.class, () -> as("delete_tenant", () -> {
            payouts.delete(stored.get(1));
            return null;
        }));
    }

    @Test
    void tenantsSeeOnlyTheirOwnRowsInEveryTable() throws SQLException {
        List<Payout> acme = mixed("acme_payouts", 3);
        mixed("globex_payouts", 5);
        assertEquals(describe(acme), describe(as("acme_payouts", () -> payouts.findAll(50, 0))));
        assertEquals(5, as("globex_payouts", () -> payouts.count()));
        long acmeCard = acme.get(0).getId();
        assertTrue(as("globex_payouts", () -> payouts.findById(acmeCard)).isEmpty());
        assertFalse(as("globex_payouts", () -> payouts.deleteById(acmeCard)));
        CardPayout foreign = (CardPayout) acme.get(0);
        foreign.setCardToken("stolen");
        assertThrows(RowNotFoundException.class, () -> as("globex_payouts", () -> cards.update(foreign)));
        assertEquals(1, countRows("card_payout", "acme_payouts", "card_token = 'tok_0'"), "acme's card row untouched");
        Integer visible = TenantContext.callAs("globex_payouts", () -> new Database(app).inTransaction(tx -> {
            try (Statement s = tx.connection().createStatement();
                    ResultSet rows = s.executeQuery("SELECT (SELECT count(*) FROM card_payout WHERE tenant_id = 'acme_payouts')"
                            + " + (SELECT count(*) FROM payout WHERE tenant_id = 'acme_payouts')")) {
                rows.next();
                return rows.getInt(1);
            }
        }));
        assertEquals(0, visible, "row-level security hides acme's rows of every table from globex");
    }

    private static Payout withId(Payout payout) {
        payout.setId(1L);
        return payout;
    }

    @Test
    void noTenantMeansAnExceptionBeforeAnySql() {
        app.reset();
        List<Runnable> calls = List.of(() -> payouts.findAll(10, 0), () -> payouts.findById(1L),
                () -> payouts.findAllAfter(1L, 10), () -> payouts.count(), () -> payouts.existsById(1L),
                () -> payouts.deleteById(1L), () -> payouts.insert(payout(0)), () -> payouts.update(withId(payout(1))),
                () -> payouts.delete(withId(payout(2))), () -> banks.findAll(10, 0), () -> banks.insert((BankPayout) payout(1)));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(0, app.connectionCount());
    }

    @Test
    void aSubtypesHooksAndListenersRunAfterTheRootsThroughEitherDao() {
        HookTrail.take();
        BankPayout viaSubtype = as("order_payouts", () -> banks.insert(
                new BankPayout(Money.of("3.00"), "A", "NL91 ABNA 0417 1643 00", null)));
        assertEquals("NL91ABNA0417164300", viaSubtype.getIban(), "the subtype's before-insert hook changed what was written");
        assertEquals(List.of("Payout.beforeInsert", "PayoutTrail.beforeInsert", "BankPayout.beforeWrite",
                "BankTrail.beforeInsert", "PayoutTrail.afterInsert", "BankTrail.afterInsert"), HookTrail.take());
        Payout viaRoot = as("order_payouts", () -> payouts.insert(
                new BankPayout(Money.of("4.00"), "B", "DE89 3704 0044 0532 0130 00", null)));
        assertEquals("DE89370400440532013000", ((BankPayout) viaRoot).getIban());
        assertEquals(List.of("Payout.beforeInsert", "PayoutTrail.beforeInsert", "BankPayout.beforeWrite",
                "BankTrail.beforeInsert", "PayoutTrail.afterInsert", "BankTrail.afterInsert"), HookTrail.take(),
                "the root's DAO hands the payout to the bank payout's DAO, which runs both levels");
        viaSubtype.setIban("GB29 NWBK 6016 1331 9268 19");
        BankPayout updated = as("order_payouts", () -> (BankPayout) payouts.update(viaSubtype));
        assertEquals("GB29NWBK60161331926819", updated.getIban());
        assertEquals(List.of("PayoutTrail.beforeUpdate", "BankPayout.beforeWrite", "BankTrail.beforeUpdate"),
                HookTrail.take());
        as("order_payouts", () -> payouts.insert(payout(0)));
        assertEquals(List.of("Payout.beforeInsert", "PayoutTrail.beforeInsert", "PayoutTrail.afterInsert"),
                HookTrail.take(), "another subtype runs the root's hooks only");
        Payout loaded = as("order_payouts", () -> payouts.findById(viaSubtype.getId())).orElseThrow();
        assertTrue(loaded.isLoaded());
        assertEquals(List.of("Payout.afterLoad", "PayoutTrail.afterLoad", "BankPayout.afterLoad", "BankTrail.afterLoad"),
                HookTrail.take(), "a bank payout loaded through the root's DAO");
        as("order_payouts", () -> banks.findById(viaRoot.getId()));
        assertEquals(List.of("Payout.afterLoad", "PayoutTrail.afterLoad", "BankPayout.afterLoad", "BankTrail.afterLoad"),
                HookTrail.take(), "and through its own");
    }

    @Test
    void anUnknownDiscriminatorIsAnErrorNamingValueTableAndTheRowsId() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE payout DROP CONSTRAINT IF EXISTS payout_type_check");
            s.execute("INSERT INTO payout (tenant_id, type, amount, recipient) VALUES ('legacy_tenant', 'ChequePayout', 1, 'x')");
        }
        UnknownSubtypeException e = assertThrows(UnknownSubtypeException.class,
                () -> as("legacy_tenant", () -> payouts.findAll(10, 0)));
        assertEquals("ChequePayout", e.value());
        assertEquals("payout", e.table());
        long id = legacyId();
        assertEquals(id, ((Number) e.id()).longValue(), "the row can be found by its id");
        assertTrue(e.getMessage().contains("row id = " + id), e.getMessage());
        assertInstanceOf(dev.tenantdao.runtime.MappingException.class, e);
    }

    @Test
    void aHookOnTheRootRunsForEverySubtypesInsert() {
        Payout stored = as("hook_tenant", () -> payouts.insert(new WalletPayout(Money.of("1.00"), "  Padded  ", "w", 1)));
        assertEquals("Padded", stored.getRecipient());
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static long countRows(String table, String tenant, String condition) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = '" + tenant
                        + "' AND " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static long legacyId() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery("SELECT id FROM payout WHERE tenant_id = 'legacy_tenant'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
