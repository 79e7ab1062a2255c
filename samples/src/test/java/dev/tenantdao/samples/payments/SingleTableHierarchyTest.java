package dev.tenantdao.samples.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.NoTenantException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The payments hierarchy (a sealed interface of records, one table), as the application connects:
 * a role that is no superuser and owns nothing, so row-level security applies. Each test works in
 * tenants of its own.
 */
class SingleTableHierarchyTest {

    private static DataSource admin;
    private static RecordingDataSource app;
    private static PaymentDao payments;
    private static CardPaymentDao cards;
    private static BankTransferDao transfers;
    private static VoucherDao vouchers;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("payments_single");
        Schema.create(admin, Payment.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "payments_single"));
        Database database = new Database(app);
        payments = new PaymentDao(database);
        cards = new CardPaymentDao(database);
        transfers = new BankTransferDao(database);
        vouchers = new VoucherDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("clerk", work::get));
    }

    private static Payment card(int i) {
        return new CardPayment(Money.of(i + ".50"), "Card Holder " + i, String.format("%04d", i), "VISA");
    }

    private static Payment transfer(int i) {
        return new BankTransfer(Money.of(i + ".00"), "Company " + i, "DE89370400440532013" + String.format("%03d", i),
                "REF-" + i);
    }

    private static Payment voucher(int i) {
        return new Voucher(Money.of("5.00"), "Guest " + i, "V-" + i, LocalDate.of(2027, 1, 1).plusDays(i));
    }

    /** Inserts {@code count} payments cycling through the three kinds, through the root's DAO. */
    private static List<Payment> mixed(String tenant, int count) {
        List<Payment> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Payment payment = switch (i % 3) {
                case 0 -> card(i);
                case 1 -> transfer(i);
                default -> voucher(i);
            };
            stored.add(as(tenant, () -> payments.insert(payment)));
        }
        return stored;
    }

    @Test
    void aPageOfMixedSubtypesIsOneQueryAndEachRowItsOwnSubtype() {
        List<Payment> stored = mixed("page_tenant", 9);
        app.reset();
        List<Payment> page = as("page_tenant", () -> payments.findAll(50, 0));
        assertEquals(stored, page, "every row read back as the record that was stored, in id order");
        assertEquals(List.of(CardPayment.class, BankTransfer.class, Voucher.class),
                page.subList(0, 3).stream().map(Object::getClass).toList());
        long queries = app.statements().stream().filter(sql -> sql.contains("FROM payment")).count();
        assertEquals(1, queries, () -> "one query for the page: " + app.statements());
    }

    @Test
    void insertAllOfMixedSubtypesReturnsThemInOrderOrInsertsNone() {
        List<Payment> batch = List.of(voucher(1), card(2), transfer(3), card(4));
        List<Payment> stored = as("batch_tenant", () -> payments.insertAll(batch));
        assertEquals(List.of(Voucher.class, CardPayment.class, BankTransfer.class, CardPayment.class),
                stored.stream().map(Object::getClass).toList());
        assertEquals(stored.stream().sorted(java.util.Comparator.comparingLong(Payment::id)).toList(),
                as("batch_tenant", () -> payments.findAll(10, 0)));
        // cards and transfers are inserted before vouchers; this voucher's root hook then fails (no payer)
        Payment noPayer = new Voucher(Money.of("1.00"), null, "V-x", LocalDate.of(2027, 1, 1));
        assertThrows(NullPointerException.class,
                () -> as("batch_tenant", () -> payments.insertAll(List.of(card(5), transfer(6), noPayer))));
        assertEquals(4, as("batch_tenant", () -> payments.count()), "the card and transfer of the failed batch did not stay");
        Payment noNetwork = new CardPayment(Money.of("1.00"), "x", "0000", null);    // network is required for cards
        assertThrows(dev.tenantdao.runtime.DataAccessException.class,
                () -> as("batch_tenant", () -> payments.insertAll(List.of(noNetwork))));
        assertEquals(4, as("batch_tenant", () -> payments.count()));
    }

    @Test
    void keysetPagingWalksAcrossSubtypes() {
        List<Payment> stored = mixed("paging_tenant", 10);
        List<Payment> walked = new ArrayList<>();
        Long after = null;
        while (true) {
            Long from = after;
            List<Payment> page = as("paging_tenant", () -> from == null ? payments.findAll(3, 0)
                    : payments.findAllAfter(from, 3));
            if (page.isEmpty()) {
                break;
            }
            assertTrue(page.size() <= 3);
            walked.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        assertEquals(stored, walked);
        assertEquals(List.of(stored.get(3), stored.get(4), stored.get(5)),
                as("paging_tenant", () -> payments.findAll(3, 3)), "offset paging too");
    }

    @Test
    void aSubtypesDaoSeesOnlyItsSubtype() {
        List<Payment> stored = mixed("typed_tenant", 6);
        assertEquals(List.of(stored.get(0), stored.get(3)), as("typed_tenant", () -> cards.findAll(10, 0)));
        assertEquals(2, as("typed_tenant", () -> transfers.count()));
        assertEquals(6, as("typed_tenant", () -> payments.count()));
        long transferId = stored.get(1).id();
        assertTrue(as("typed_tenant", () -> cards.findById(transferId)).isEmpty(), "a transfer is no card");
        assertTrue(!as("typed_tenant", () -> cards.existsById(transferId)));
        assertTrue(!as("typed_tenant", () -> cards.deleteById(transferId)), "nor can a card DAO delete it");
        assertEquals(stored.get(1), as("typed_tenant", () -> payments.findById(transferId)).orElseThrow());
        assertEquals(stored.get(2), as("typed_tenant", () -> vouchers.findById(stored.get(2).id())).orElseThrow());
    }

    @Test
    void updatesChangingOnlySubtypeColumnsAreStoredAndAudited() {
        CardPayment card = (CardPayment) mixed("update_tenant", 1).get(0);
        CardPayment changed = new CardPayment(card.id(), card.amount(), card.payer(), "9999", "MASTERCARD");
        assertEquals(changed, as("update_tenant", () -> payments.update(changed)));
        assertEquals(changed, as("update_tenant", () -> payments.findById(card.id())).orElseThrow());
        List<HistoryEntry<CardPayment>> history = as("update_tenant", () -> cards.history(card.id()));
        assertEquals(List.of(Operation.UPDATE, Operation.INSERT), history.stream().map(HistoryEntry::operation).toList());
        assertEquals("9999", history.get(0).entity().last4());
        assertEquals("0000", history.get(1).entity().last4());
        assertEquals("clerk", history.get(0).actor());
        as("update_tenant", () -> cards.update(changed));
        assertEquals(2, as("update_tenant", () -> cards.history(card.id())).size(), "no change, no history row");
    }

    @Test
    void deletesThroughTheRootOrTheSubtypeRemoveTheRowAndRecordItsLastValues() throws SQLException {
        List<Payment> stored = mixed("delete_tenant", 3);
        assertTrue(as("delete_tenant", () -> payments.deleteById(stored.get(0).id())));
        as("delete_tenant", () -> {
            payments.delete(stored.get(1));
            return null;
        });
        assertEquals(List.of(stored.get(2)), as("delete_tenant", () -> payments.findAll(10, 0)));
        assertEquals(1, countRows("payment", "delete_tenant"));
        List<HistoryEntry<CardPayment>> history = as("delete_tenant", () -> cards.history(stored.get(0).id()));
        assertEquals(Operation.DELETE, history.get(0).operation());
        assertEquals(stored.get(0), history.get(0).entity(), "the root's delete records the card's own columns");
        assertEquals(2, history.get(0).version());
    }

    @Test
    void theRootsHistoryReadsEveryVersionAsItsSubtype() {
        BankTransfer transfer = (BankTransfer) mixed("root_history_tenant", 2).get(1);
        BankTransfer changed = new BankTransfer(transfer.id(), transfer.amount(), transfer.payer(), transfer.iban(), "REF-NEW");
        as("root_history_tenant", () -> transfers.update(changed));
        List<HistoryEntry<Payment>> history = as("root_history_tenant", () -> payments.history(transfer.id()));
        assertEquals(List.of(changed, transfer), history.stream().map(HistoryEntry::entity).toList());
        assertEquals(List.of(2L, 1L), history.stream().map(HistoryEntry::version).toList());
    }

    @Test
    void tenantsSeeOnlyTheirOwnRowsThroughEveryDaoAndInRawSql() throws SQLException {
        List<Payment> acme = mixed("acme_payments", 3);
        mixed("globex_payments", 4);
        assertEquals(acme, as("acme_payments", () -> payments.findAll(50, 0)));
        assertEquals(4, as("globex_payments", () -> payments.count()));
        assertTrue(as("globex_payments", () -> payments.findById(acme.get(0).id())).isEmpty());
        assertTrue(as("globex_payments", () -> cards.findById(acme.get(0).id())).isEmpty());
        assertTrue(!as("globex_payments", () -> payments.deleteById(acme.get(0).id())));
        CardPayment foreign = (CardPayment) acme.get(0);
        assertThrows(dev.tenantdao.runtime.RowNotFoundException.class,
                () -> as("globex_payments", () -> cards.update(foreign)));
        assertEquals(acme, as("acme_payments", () -> payments.findAll(50, 0)), "globex changed nothing of acme's");
        // row-level security: the application's role reads nothing of acme's as globex, with no WHERE at all
        Integer visible = TenantContext.callAs("globex_payments", () -> new Database(app).inTransaction(tx -> {
            try (Statement s = tx.connection().createStatement();
                    ResultSet rows = s.executeQuery("SELECT count(*) FROM payment WHERE tenant_id = 'acme_payments'")) {
                rows.next();
                return rows.getInt(1);
            }
        }));
        assertEquals(0, visible);
    }

    @Test
    void noTenantMeansAnExceptionBeforeAnySql() {
        app.reset();
        List<Runnable> calls = List.of(() -> payments.findAll(10, 0), () -> payments.findById(1L),
                () -> payments.findAllAfter(1L, 10), () -> payments.count(), () -> payments.existsById(1L),
                () -> payments.deleteById(1L), () -> payments.insert(card(1)), () -> payments.update(card(1)),
                () -> payments.delete(card(1)), () -> cards.findAll(10, 0), () -> cards.insert((CardPayment) card(1)));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(0, app.connectionCount());
    }

    @Test
    void rootHooksApplyToEverySubtype() {
        Payment stored = as("hook_tenant", () -> payments.insert(new Voucher(Money.of("1.00"), "  Padded  ", "V-x",
                LocalDate.of(2027, 1, 1))));
        assertEquals("Padded", stored.payer());
        CardPayment card = as("hook_tenant", () -> cards.insert(new CardPayment(Money.of("2.00"), " Card ", "1234", "AMEX")));
        assertEquals("Card", card.payer());
    }

    @Test
    void aSubtypesHooksAndListenersRunAfterTheRootsThroughEitherDao() {
        HookTrail.take();
        CardPayment viaSubtype = as("order_tenant", () -> cards.insert(new CardPayment(Money.of("3.00"), "A", "1111", "visa")));
        assertEquals("VISA", viaSubtype.network(), "the subtype's before-insert hook changed what was written");
        assertEquals(List.of("Payment.beforeInsert", "PaymentTrail.beforeInsert", "CardPayment.beforeInsert",
                "CardTrail.beforeInsert", "PaymentTrail.afterInsert", "CardTrail.afterInsert"), HookTrail.take());
        Payment viaRoot = as("order_tenant", () -> payments.insert(new CardPayment(Money.of("4.00"), "B", "2222", "amex")));
        assertEquals("AMEX", ((CardPayment) viaRoot).network());
        assertEquals(List.of("Payment.beforeInsert", "PaymentTrail.beforeInsert", "CardPayment.beforeInsert",
                "CardTrail.beforeInsert", "PaymentTrail.afterInsert", "CardTrail.afterInsert"), HookTrail.take(),
                "the root's DAO hands the card to the card's DAO, which runs both levels");
        as("order_tenant", () -> payments.insert(transfer(1)));
        assertEquals(List.of("Payment.beforeInsert", "PaymentTrail.beforeInsert", "PaymentTrail.afterInsert"),
                HookTrail.take(), "another subtype runs the root's hooks only");
        as("order_tenant", () -> payments.findById(viaSubtype.id()));
        assertEquals(List.of("Payment.afterLoad", "PaymentTrail.afterLoad", "CardPayment.afterLoad", "CardTrail.afterLoad"),
                HookTrail.take(), "a card loaded through the root's DAO");
        as("order_tenant", () -> payments.findAll(10, 0));
        assertEquals(List.of("Payment.afterLoad", "PaymentTrail.afterLoad", "CardPayment.afterLoad", "CardTrail.afterLoad",
                "Payment.afterLoad", "PaymentTrail.afterLoad", "CardPayment.afterLoad", "CardTrail.afterLoad",
                "Payment.afterLoad", "PaymentTrail.afterLoad"), HookTrail.take(), "each row its own subtype's hooks");
        as("order_tenant", () -> cards.findAll(10, 0));
        assertEquals(List.of("Payment.afterLoad", "PaymentTrail.afterLoad", "CardPayment.afterLoad", "CardTrail.afterLoad",
                "Payment.afterLoad", "PaymentTrail.afterLoad", "CardPayment.afterLoad", "CardTrail.afterLoad"),
                HookTrail.take());
    }

    @Test
    void anUnknownDiscriminatorIsAnErrorNamingValueTableAndTheRowsId() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE payment DROP CONSTRAINT IF EXISTS payment_kind_check");
            s.execute("INSERT INTO payment (tenant_id, kind, amount, payer) VALUES ('legacy_tenant', 'crypto', 1, 'x')");
        }
        UnknownSubtypeException e = assertThrows(UnknownSubtypeException.class,
                () -> as("legacy_tenant", () -> payments.findAll(10, 0)));
        assertEquals("crypto", e.value());
        assertEquals("payment", e.table());
        long id = legacyId();
        assertEquals(id, ((Number) e.id()).longValue(), "the row can be found by its id");
        assertTrue(e.getMessage().contains("row id = " + id), e.getMessage());
        assertTrue(e.getMessage().contains("'crypto'") && e.getMessage().contains("payment"), e.getMessage());
        assertEquals(0, as("legacy_tenant", () -> cards.count()), "a subtype's DAO never reads it as its own");
    }

    private static long countRows(String table, String tenant) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = '" + tenant + "'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aSubtypesRequiredColumnIsRequiredInItsRowsOnly() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO payment (tenant_id, kind, amount, payer, code) VALUES ('ddl_tenant', 'voucher', 1, 'x', 'V')");
            SQLException e = assertThrows(SQLException.class, () -> s.execute(
                    "INSERT INTO payment (tenant_id, kind, amount, payer, last4) VALUES ('ddl_tenant', 'card', 1, 'x', '1')"));
            assertEquals("23514", e.getSQLState(), "check_violation: " + e.getMessage());
        }
    }

    @Test
    void theDdlKeepsOneTableWithTheDiscriminator() throws SQLException {
        assertEquals(0, countRows("payment", "nobody"));
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM information_schema.tables"
                        + " WHERE table_schema = 'payments_single' AND table_name IN ('payment', 'payment_history')")) {
            rows.next();
            assertEquals(2, rows.getInt(1), "one table for all subtypes, one history table");
        }
        assertInstanceOf(String.class, PaymentDao.FIND_ALL);
        assertTrue(PaymentDao.FIND_ALL.contains("kind"), PaymentDao.FIND_ALL);
    }

    private static long legacyId() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rows = s.executeQuery("SELECT id FROM payment WHERE tenant_id = 'legacy_tenant'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
