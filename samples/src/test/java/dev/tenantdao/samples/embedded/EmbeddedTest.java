package dev.tenantdao.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import jakarta.data.Sort;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An entity with embedded values on PostgreSQL, as the application connects (a role that owns nothing,
 * under row-level security): each value is its columns, null as a whole, read back after inserts,
 * written by updates and upserts, copied into history (but the {@code @NotAudited} one), and named by
 * path in repository queries.
 */
class EmbeddedTest {

    private static DataSource owner;
    private static PriceTagDao tags;
    private static PriceTags repository;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        owner = server.freshSchema("embedded_tags");
        Schema.create(owner, PriceTag.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "embedded_tags"));
        tags = new PriceTagDao(database);
        repository = new PriceTagsImpl(database);
    }

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void valuesAreTheirColumnsAndNullAsAWhole() throws SQLException {
        PriceTag tag = new PriceTag(1, "A-1", eur("9.90"), null, Size.of(30, 20, Unit.MILLIMETRE));
        assertEquals(tag, acme(() -> tags.insert(tag)), "read back as written");
        assertEquals(Optional.of(tag), acme(() -> tags.findById(1)));
        assertEquals(Arrays.asList("9.90", "EUR", null, null, "30", "20", "mm"), row(1),
                "one column per component, NULL in every column of a null value, the unit through its converter");

        PriceTag listed = new PriceTag(1, "A-1", eur("8.00"), eur("9.90"), null);
        assertEquals(listed, acme(() -> tags.update(listed)));
        assertEquals(Arrays.asList("8.00", "EUR", "9.90", "EUR", null, null, null), row(1));
        assertEquals(Optional.of(listed), acme(() -> tags.findById(1)));
        assertNull(acme(() -> tags.findById(1)).orElseThrow().label(), "every column NULL: a null value");

        // a required value (@Column(nullable = false)): its columns are NOT NULL
        assertThrows(DataAccessException.class, () -> acme(() -> tags.insert(new PriceTag(2, "A-2", null, null, null))));
    }

    @Test
    void upsertsAndHistory() {
        PriceTag first = new PriceTag(10, "U-1", eur("1.00"), null, Size.of(1, 2, Unit.INCH));
        assertEquals(first, acme(() -> tags.upsert(first)));
        PriceTag changed = new PriceTag(10, "U-1", new Money(new BigDecimal("2.50"), "USD"), eur("3.00"),
                Size.of(5, 5, Unit.CENTIMETRE));
        assertEquals(changed, acme(() -> tags.upsert(changed)));
        PriceTag bySku = new PriceTag(11, "U-1", eur("4.00"), null, null);
        assertEquals(new PriceTag(10, "U-1", eur("4.00"), null, null), acme(() -> tags.upsertBySku(bySku)),
                "the conflict target is the sku; the row keeps its id");

        // only the label changes: @NotAudited, so no history row, and history has no label
        acme(() -> tags.update(new PriceTag(10, "U-1", eur("4.00"), null, Size.of(7, 7, Unit.INCH))));
        List<HistoryEntry<PriceTag>> history = acme(() -> tags.history(10));
        List<PriceTag> versions = history.stream().map(HistoryEntry::entity).toList();
        assertEquals(List.of(new PriceTag(10, "U-1", eur("4.00"), null, null),
                new PriceTag(10, "U-1", new Money(new BigDecimal("2.50"), "USD"), eur("3.00"), null),
                new PriceTag(10, "U-1", eur("1.00"), null, null)), versions,
                "each component column copied into history, newest first; the label left out");
    }

    @Test
    void insertAllReadsBackEachValue() {
        List<PriceTag> all = List.of(new PriceTag(20, "B-1", eur("1.10"), eur("1.20"), null),
                new PriceTag(21, "B-2", eur("2.10"), null, Size.of(3, 4, Unit.INCH)));
        assertEquals(all, acme(() -> tags.insertAll(all)));
        assertEquals(Optional.of(all.get(1)), acme(() -> tags.findById(21)));
    }

    @Test
    void repositoriesNameComponentsByPath() {
        acme(() -> tags.insertAll(List.of(new PriceTag(30, "R-1", eur("30.00"), null, null),
                new PriceTag(31, "R-2", eur("10.00"), null, null),
                new PriceTag(32, "R-3", new Money(new BigDecimal("25.00"), "USD"), null, null),
                new PriceTag(33, "R-4", eur("20.00"), null, null))));
        assertEquals(List.of("R-1", "R-3", "R-4"), skus(acme(() -> repository.pricedAbove(new BigDecimal("15")))).stream()
                .filter(s -> s.startsWith("R-")).toList(), "WHERE price.amount > :min ORDER BY price.amount DESC");
        assertEquals(List.of("R-2", "R-4", "R-1"), skus(acme(() -> repository.findByPrice_CurrencyOrderByPrice_AmountAsc("EUR")))
                .stream().filter(s -> s.startsWith("R-")).toList());
        assertEquals(List.of("R-3"), skus(acme(() -> repository.inCurrency("USD"))).stream()
                .filter(s -> s.startsWith("R-")).toList());
        assertEquals(List.of("R-2", "R-4", "R-1"), skus(acme(() -> repository.inCurrency("EUR"))).stream()
                .filter(s -> s.startsWith("R-")).toList(), "@OrderBy(\"price.amount\")");
        assertEquals(List.of("R-2", "R-4", "R-3", "R-1"), skus(acme(() -> repository.findBySkuStartsWith("R-",
                Sort.asc("price.amount")))), "a sort given at run time names a component by its path");
        assertThrows(IllegalArgumentException.class, () -> acme(() -> repository.findBySkuStartsWith("R-",
                Sort.asc("price"))), "the whole value is no attribute to sort by");
        assertEquals(true, acme(() -> repository.relist("R-2", new BigDecimal("12.00"))));
        assertEquals(new Money(new BigDecimal("12.00"), null), acme(() -> tags.findById(31)).orElseThrow().listPrice(),
                "a value with one column set is a value");
    }

    private static List<String> skus(List<PriceTag> found) {
        return found.stream().map(PriceTag::sku).toList();
    }

    /** The value columns of row {@code id}, as text, as the table owner sees them. */
    private static List<String> row(long id) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT price_amount, price_currency, list_amount, list_currency,"
                        + " label_width, label_height, label_unit FROM price_tag WHERE id = " + id)) {
            rows.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                values.add(rows.getString(i));
            }
            return values;
        }
    }
}
