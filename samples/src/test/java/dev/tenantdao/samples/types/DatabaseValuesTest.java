package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated columns are PostgreSQL's; a column with a default takes the value given and falls back
 * to the default only when the value is null; {@code insertable = false} leaves a column to the
 * database. All read back by RETURNING.
 */
class DatabaseValuesTest {

    private static OrderLineDao lines;
    private static SignupDao signups;
    private static LabelDao labels;
    private static VoucherDao vouchers;
    private static ReceiptDao receipts;
    private static CodeDao codes;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("database_values");
        Schema.create(dataSource, OrderLine.class, Signup.class, Label.class, Voucher.class, Receipt.class, Code.class);
        lines = new OrderLineDao(new Database(dataSource));
        signups = new SignupDao(new Database(dataSource));
        labels = new LabelDao(new Database(dataSource));
        vouchers = new VoucherDao(new Database(dataSource));
        receipts = new ReceiptDao(new Database(dataSource));
        codes = new CodeDao(new Database(dataSource));
    }

    @Test
    void insertReturnsWhatTheDatabaseFilledIn() {
        OrderLine inserted = TenantContext.callAs("acme", () -> lines.insert(OrderLine.of(3, "2.50")));
        assertNotNull(inserted.id());
        assertEquals(0, new BigDecimal("7.50").compareTo(inserted.amount()));
        assertNotNull(inserted.createdAt());
        assertEquals("open", inserted.state());
        assertTrue(OrderLineDao.INSERT.contains("; INSERT INTO order_line (tenant_id, quantity, unit_price, created_at,"
                + " state) VALUES (?, ?, ?, COALESCE(CAST(? AS timestamptz), (now())), COALESCE(CAST(? AS text),"
                + " ('open')))"), OrderLineDao.INSERT);
    }

    @Test
    void updateNeverWritesGeneratedOrSetOnceColumnsAndReturnsTheRecomputedValue() {
        OrderLine inserted = TenantContext.callAs("acme", () -> lines.insert(OrderLine.of(1, "4.00")));
        OrderLine changed = new OrderLine(inserted.id(), 5, inserted.unitPrice(), BigDecimal.ZERO, null, "closed");
        OrderLine updated = TenantContext.callAs("acme", () -> lines.update(changed));
        assertEquals(0, new BigDecimal("20.00").compareTo(updated.amount()));
        assertEquals(inserted.createdAt(), updated.createdAt(), "updatable = false: never written");
        assertEquals("closed", updated.state(), "a column with a default is written by update like any other");
        assertEquals("SELECT set_config('tenantdao.tenant', ?, true); UPDATE order_line SET quantity = ?, unit_price = ?,"
                + " state = ? WHERE tenant_id = ? AND id = ? RETURNING id, quantity, unit_price, amount, created_at, state",
                OrderLineDao.UPDATE, "generated and set-once columns are never written, and read back");
    }

    @Test
    void aGivenValueIsStoredAndTheDefaultAppliesOnlyWhenTheValueIsNull() {
        Signup yes = TenantContext.callAs("acme", () -> signups.insert(Signup.of(true, null)));
        assertTrue(yes.consent(), "the value given is stored, not the column's default (false)");
        assertEquals("web", yes.channel(), "null: the default applies");
        Signup app = TenantContext.callAs("acme", () -> signups.insert(Signup.of(false, "app")));
        assertEquals("app", app.channel());
        assertEquals(Boolean.TRUE, TenantContext.callAs("acme", () -> signups.findById(yes.id()).orElseThrow().consent()),
                "as stored, not only as returned");

        List<Signup> all = TenantContext.callAs("acme",
                () -> signups.insertAll(List.of(Signup.of(true, null), Signup.of(false, "mail"))));
        assertEquals(List.of(true, false), all.stream().map(Signup::consent).toList(), "set-based insert: the same rule");
        assertEquals(List.of("web", "mail"), all.stream().map(Signup::channel).toList());
    }

    @Test
    void updateWritesAColumnWithADefault() {
        Signup inserted = TenantContext.callAs("acme", () -> signups.insert(Signup.of(true, "web")));
        Signup updated = TenantContext.callAs("acme",
                () -> signups.update(new Signup(inserted.id(), false, "phone", inserted.recordedAt())));
        assertEquals(false, updated.consent());
        assertEquals("phone", updated.channel());
        assertEquals(updated, TenantContext.callAs("acme", () -> signups.findById(inserted.id()).orElseThrow()));
    }

    @Test
    void aNotInsertableColumnIsAlwaysTheDatabasesAndNeverUpdated() {
        Instant forged = Instant.parse("2000-01-01T00:00:00Z");
        Instant before = Instant.now().minusSeconds(60);
        Signup inserted = TenantContext.callAs("acme",
                () -> signups.insert(new Signup(UUID.randomUUID(), true, "web", forged)));
        assertTrue(inserted.recordedAt().isAfter(before), "the database's now(), not the value given: " + inserted);
        Signup updated = TenantContext.callAs("acme",
                () -> signups.update(new Signup(inserted.id(), true, "web", forged)));
        assertEquals(inserted.recordedAt(), updated.recordedAt());
        assertTrue(SignupDao.INSERT.contains("INSERT INTO signup (tenant_id, id, consent, channel) VALUES")
                && !SignupDao.UPDATE.contains("recorded_at ="), SignupDao.INSERT + "\n" + SignupDao.UPDATE);
    }

    @Test
    void setBasedInsertReturnsThemTooInOrder() {
        List<OrderLine> inserted = TenantContext.callAs("acme",
                () -> lines.insertAll(List.of(OrderLine.of(1, "1.00"), OrderLine.of(2, "1.00"), OrderLine.of(3, "1.00"))));
        assertEquals(List.of(1, 2, 3), inserted.stream().map(OrderLine::quantity).toList());
        inserted.forEach(line -> assertEquals(0, BigDecimal.valueOf(line.quantity()).compareTo(line.amount())));
    }

    @Test
    void insertAllReturnsLargeBatchesInListOrderWhateverTheIds() {
        List<Signup> given = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> Signup.of(i % 2 == 0, "c" + i)).toList();     // random ids: no order to fall back on
        List<Signup> stored = TenantContext.callAs("acme", () -> signups.insertAll(given));
        assertEquals(given.stream().map(Signup::id).toList(), stored.stream().map(Signup::id).toList());
        assertEquals(given.stream().map(Signup::channel).toList(), stored.stream().map(Signup::channel).toList());

        List<OrderLine> lines2 = java.util.stream.IntStream.range(0, 2_000).mapToObj(i -> OrderLine.of(2_000 - i, "1.00"))
                .toList();
        List<OrderLine> inserted = TenantContext.callAs("acme", () -> lines.insertAll(lines2));
        assertEquals(lines2.stream().map(OrderLine::quantity).toList(), inserted.stream().map(OrderLine::quantity).toList());
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedNeverCutDown() {
        dev.tenantdao.runtime.DataAccessException one = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tenantdao.runtime.DataAccessException.class,
                () -> TenantContext.callAs("acme", () -> labels.insert(new Label("l-1", "abcdefghij"))));
        assertEquals("22001", one.sqlState(), "value too long for type character varying(5)");
        dev.tenantdao.runtime.DataAccessException all = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tenantdao.runtime.DataAccessException.class,
                () -> TenantContext.callAs("acme", () -> labels.insertAll(List.of(new Label("l-2", "abcdefghij")))));
        assertEquals("22001", all.sqlState(), "the set-based insert too");
        assertEquals("none", TenantContext.callAs("acme", () -> labels.insert(new Label("l-3", null))).text());
        assertEquals("abcde", TenantContext.callAs("acme", () -> labels.insert(new Label("l-4", "abcde"))).text());
        assertEquals(2, TenantContext.callAs("acme", () -> labels.count()), "nothing cut down was stored");
    }

    @Test
    void insertAllReturnsEveryRowToItsOwnInstanceWhenTheDatabaseChoosesSomeIds() {
        UUID given = UUID.randomUUID();
        Voucher chosen = Voucher.of(null, "first");
        Voucher assigned = Voucher.of(given, "second");
        Voucher alsoChosen = Voucher.of(null, "third");
        List<Voucher> stored = TenantContext.callAs("acme", () -> vouchers.insertAll(List.of(chosen, assigned, alsoChosen)));
        assertEquals(3, stored.size(), "every row comes back, whoever chose its id");
        assertTrue(stored.get(0) == chosen && stored.get(1) == assigned && stored.get(2) == alsoChosen);
        assertEquals(List.of("first", "second", "third"), stored.stream().map(v -> v.code).toList(),
                "each instance holds its own row");
        assertEquals(given, assigned.id);
        assertNotNull(chosen.id);
        assertNotNull(alsoChosen.id);
        assertEquals("first", TenantContext.callAs("acme", () -> vouchers.findById(chosen.id)).orElseThrow().code);
        Voucher single = TenantContext.callAs("acme", () -> vouchers.insert(Voucher.of(null, "single")));
        assertNotNull(single.id, "insert: the default applies to a null id too");
    }

    @Test
    void anIdOnlyTheDatabaseWritesIsReturnedInOrder() {
        List<Receipt> stored = TenantContext.callAs("acme",
                () -> receipts.insertAll(List.of(new Receipt(null, "a"), new Receipt(UUID.randomUUID(), "b"))));
        assertEquals(List.of("a", "b"), stored.stream().map(Receipt::note).toList());
        stored.forEach(receipt -> assertNotNull(receipt.id()));
        assertEquals("b", TenantContext.callAs("acme", () -> receipts.findById(stored.get(1).id())).orElseThrow().note(),
                "insertable = false: the database's id, whatever the entity held");
    }

    @Test
    void blankPaddedColumnsKeepWhatFitsAndRefuseWhatDoesNot() {
        Code one = TenantContext.callAs("acme", () -> codes.insert(new Code("c-1", "abcde", "abcde")));
        assertEquals(List.of("abcde", "abcde"), List.of(one.plain(), one.defaulted()));
        List<Code> all = TenantContext.callAs("acme", () -> codes.insertAll(List.of(new Code("c-2", "ab", null))));
        assertEquals(List.of("ab   ", "zzzzz"), List.of(all.get(0).plain(), all.get(0).defaulted()),
                "padded to the length, the default for null; never cut to one character");
        assertEquals("22001", org.junit.jupiter.api.Assertions.assertThrows(dev.tenantdao.runtime.DataAccessException.class,
                () -> TenantContext.callAs("acme", () -> codes.insertAll(List.of(new Code("c-3", "abcdefg", "x")))))
                .sqlState(), "too long for char(5): refused");
    }
}
