package dev.tenantdao.samples.trial.repairs;

import static dev.tenantdao.samples.trial.repairs.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.trial.repairs.geo.Address;
import dev.tenantdao.samples.trial.repairs.geo.Postcode;
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
 * An outsider's trial of {@code @Embedded}: a chain of bicycle repair shops, each shop a tenant, on
 * PostgreSQL as the application connects (a role that owns nothing, under row-level security).
 */
class RepairShopTest {

    private static final String SCHEMA = "trial_repairs";
    private static DataSource owner;
    private static Database database;
    private static RepairDao repairs;
    private static Repairs queries;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        owner = server.freshSchema(SCHEMA);
        Schema.create(owner, Repair.class, Part.class);
        database = new Database(server.applicationRole("trial_repairs_app", SCHEMA));
        repairs = new RepairDao(database);
        queries = new RepairsImpl(database);
    }

    private static <X> X shop(String tenant, Supplier<X> work) {
        return TenantContext.callAs(tenant, work::get);
    }

    private static <X> X north(Supplier<X> work) {
        return shop("north", work);
    }

    private static Address utrecht() {
        return new Address("Oudegracht 1", "Utrecht", new Postcode("3511 ab"));
    }

    private static Repair repair(long id, String ticket, Money estimate) {
        return new Repair(id, ticket, estimate, null, null, null);
    }

    // ---- round trips and what is in the table

    @Test
    void everyValueRoundTripsAndIsItsColumns() throws SQLException {
        Repair full = new Repair(1, "T-1", eur("45.00"), new Money(new BigDecimal("50.5"), "USD"), utrecht(),
                new Warranty(6, true));
        assertEquals(full, north(() -> repairs.insert(full)), "insert returns the row as stored");
        assertEquals(Optional.of(full), north(() -> repairs.findById(1)));
        assertEquals(Arrays.asList("45.00", "EUR", "50.5", "USD", "Oudegracht 1", "Utrecht", "3511AB", "6", "t"),
                row("SELECT estimate_amount, estimate_currency, charged_amount, charged_currency, pickup_street,"
                        + " pickup_city, pickup_zip, warranty_months, warranty_transferable FROM trial_repair WHERE id = 1"),
                "one column per component; the postcode through its converter under its own @Column(name)");
    }

    @Test
    void nullValuesAreNullInEveryColumnAndReadBackNull() throws SQLException {
        Repair bare = repair(2, "T-2", eur("10.00"));
        assertEquals(bare, north(() -> repairs.insert(bare)));
        assertEquals(Arrays.asList(null, null, null, null, null, null, null),
                row("SELECT charged_amount, charged_currency, pickup_street, pickup_city, pickup_zip, warranty_months,"
                        + " warranty_transferable FROM trial_repair WHERE id = 2"));
        Repair read = north(() -> repairs.findById(2)).orElseThrow();
        assertNull(read.charged());
        assertNull(read.pickup());
        assertNull(read.warranty(), "a null record of primitives writes NULLs and reads back null");
    }

    @Test
    void aPartlyNullValueIsAValue() {
        Repair partly = new Repair(3, "T-3", eur("12.00"), new Money(new BigDecimal("7"), null),
                new Address(null, "Zwolle", null), null);
        assertEquals(partly, north(() -> repairs.insert(partly)));
        Repair read = north(() -> repairs.findById(3)).orElseThrow();
        assertEquals(new Money(new BigDecimal("7"), null), read.charged());
        assertEquals(new Address(null, "Zwolle", null), read.pickup(), "the null postcode is not passed to the converter");
    }

    @Test
    void aValueWhoseComponentsAreAllNullReadsBackAsNull() {
        Repair empty = new Repair(4, "T-4", eur("1.00"), new Money(null, null), new Address(null, null, null), null);
        Repair stored = north(() -> repairs.insert(empty));
        assertNull(stored.charged(), "README: a value whose components are all null reads back as null");
        assertNull(north(() -> repairs.findById(4)).orElseThrow().pickup());
    }

    @Test
    void aWarrantyOfZeroMonthsNotTransferableIsStillAValue() throws SQLException {
        Repair zero = new Repair(5, "T-5", eur("1.00"), null, null, new Warranty(0, false));
        assertEquals(zero, north(() -> repairs.insert(zero)));
        assertEquals(Arrays.asList("0", "f"), row("SELECT warranty_months, warranty_transferable FROM trial_repair WHERE id = 5"));
        assertEquals(new Warranty(0, false), north(() -> repairs.findById(5)).orElseThrow().warranty());
    }

    @Test
    void aPrimitiveComponentReadFromNullWithASiblingSetFails() throws SQLException {
        north(() -> repairs.insert(repair(6, "T-6", eur("1.00"))));
        execute("UPDATE trial_repair SET warranty_transferable = true WHERE id = 6");
        // README: a MappingException naming the columns (the unboxing's NullPointerException its cause), as a primitive
        // field of the entity reading NULL is one; the tester's trial expected the bare NullPointerException the README promised
        dev.tenantdao.runtime.MappingException failure = assertThrows(dev.tenantdao.runtime.MappingException.class,
                () -> north(() -> repairs.findById(6)));
        assertTrue(failure.getCause() instanceof NullPointerException, failure::toString);
        assertTrue(failure.getMessage().startsWith("Columns warranty_months, warranty_transferable of Repair cannot be read"
                + " into Repair.warranty: java.lang.NullPointerException"), failure::toString);
    }

    @Test
    void theRequiredValuesColumnsAreNotNullAndTheOthersNullable() throws SQLException {
        assertEquals(List.of("charged_amount|YES", "charged_currency|YES", "estimate_amount|NO", "estimate_currency|NO",
                        "pickup_city|YES", "pickup_street|YES", "pickup_zip|YES", "warranty_months|YES",
                        "warranty_transferable|YES"),
                rows("SELECT column_name || '|' || is_nullable FROM information_schema.columns WHERE table_schema = '"
                        + SCHEMA + "' AND table_name = 'trial_repair' AND column_name ~ '^(estimate|charged|pickup|warranty)_'"
                        + " ORDER BY column_name"));
        assertThrows(DataAccessException.class, () -> north(() -> repairs.insert(repair(7, "T-7", null))));
        assertThrows(DataAccessException.class, () -> north(() -> repairs.insert(repair(7, "T-7", new Money(null, "EUR")))),
                "a required value needs each of its components");
    }

    @Test
    void theHistoryTableHasTheComponentColumns() throws SQLException {
        assertEquals(List.of("charged_amount", "charged_currency", "estimate_amount", "estimate_currency", "pickup_city",
                        "pickup_street", "pickup_zip", "warranty_months", "warranty_transferable"),
                rows("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + SCHEMA
                        + "' AND table_name = 'trial_repair_history' AND column_name ~ '^(estimate|charged|pickup|warranty)_'"
                        + " ORDER BY column_name"));
    }

    @Test
    void aRowTheValuesConstructorRefusesFailsNamingTheEntity() throws SQLException {
        north(() -> repairs.insert(repair(8, "T-8", eur("3.00"))));
        execute("UPDATE trial_repair SET estimate_amount = -3 WHERE id = 8");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> north(() -> repairs.findById(8)));
        assertTrue(String.valueOf(failure.getMessage()).contains("negative") || failure.getCause() != null
                && String.valueOf(failure.getCause().getMessage()).contains("negative"), failure::toString);
    }

    // ---- writes: update, insertAll, upserts

    @Test
    void updatesAndUpsertsWriteEveryComponent() throws SQLException {
        north(() -> repairs.insert(new Repair(10, "U-1", eur("20.00"), null, utrecht(), null)));
        Repair billed = new Repair(10, "U-1", eur("20.00"), eur("22.50"), null, new Warranty(3, false));
        assertEquals(billed, north(() -> repairs.update(billed)));
        assertEquals(Arrays.asList("22.50", "EUR", null, null, null, "3", "f"), row("SELECT charged_amount, charged_currency,"
                + " pickup_street, pickup_city, pickup_zip, warranty_months, warranty_transferable FROM trial_repair WHERE id = 10"));
        Repair upserted = new Repair(10, "U-1", eur("21.00"), null, new Address("Dam 1", "Amsterdam", new Postcode("1012 jS")),
                null);
        assertEquals(upserted, north(() -> repairs.upsert(upserted)));
        Repair byTicket = new Repair(99, "U-1", eur("25.00"), eur("25.00"), null, null);
        assertEquals(new Repair(10, "U-1", eur("25.00"), eur("25.00"), null, null), north(() -> repairs.upsertByTicket(byTicket)),
                "upsert by the unique ticket keeps the row's id");
        Repair fresh = new Repair(11, "U-2", eur("5.00"), null, utrecht(), new Warranty(1, true));
        assertEquals(fresh, north(() -> repairs.upsert(fresh)), "an upsert that inserts");
    }

    @Test
    void insertAllReadsEachValueBack() {
        List<Repair> batch = List.of(new Repair(20, "B-1", eur("1.10"), new Money(null, "EUR"), null, new Warranty(2, false)),
                new Repair(21, "B-2", eur("2.20"), null, utrecht(), null),
                new Repair(22, "B-3", eur("3.30"), new Money(null, null), null, null));
        List<Repair> stored = north(() -> repairs.insertAll(batch));
        assertEquals(batch.subList(0, 2), stored.subList(0, 2));
        assertNull(stored.get(2).charged(), "all-null components in a batch: null as a whole");
        assertEquals(north(() -> repairs.findById(21)), Optional.of(batch.get(1)));
    }

    // ---- history, as of, soft delete

    @Test
    void historyKeepsEachVersionsValuesAndAsOfAnswersThem() throws SQLException {
        Repair opened = new Repair(30, "H-1", eur("30.00"), null, utrecht(), null);
        north(() -> repairs.insert(opened));
        Repair billed = new Repair(30, "H-1", eur("30.00"), eur("33.00"), utrecht(), new Warranty(12, true));
        north(() -> repairs.update(billed));
        List<HistoryEntry<Repair>> history = north(() -> repairs.history(30));
        assertEquals(List.of(billed, opened), history.stream().map(HistoryEntry::entity).toList());
        assertEquals(List.of("33.00|EUR|3511AB|12|t", "null|null|3511AB|null|null"),
                rows("SELECT concat_ws('|', coalesce(charged_amount::text, 'null'), coalesce(charged_currency, 'null'), pickup_zip,"
                        + " coalesce(warranty_months::text, 'null'), coalesce(warranty_transferable::text, 'null'))"
                        + " FROM trial_repair_history WHERE id = 30 ORDER BY history_version DESC")
                        .stream().map(r -> r.replace("|true", "|t")).toList());
        HistoryEntry<Repair> first = history.get(1);
        assertEquals(Optional.of(opened), north(() -> repairs.asOf(30, first.changedAt())));
        assertTrue(north(() -> repairs.findAllAsOf(first.changedAt(), 100)).contains(opened),
                "findAllAsOf maps the embedded values of history rows");
    }

    @Test
    void softDeleteKeepsTheValuesAndRestoresThem() {
        Repair repair = new Repair(40, "S-1", eur("40.00"), eur("41.00"), utrecht(), new Warranty(1, false));
        north(() -> repairs.insert(repair));
        assertTrue(north(() -> repairs.deleteById(40)));
        assertEquals(Optional.empty(), north(() -> repairs.findById(40)));
        assertEquals(Optional.of(repair), north(() -> repairs.findDeletedById(40)));
        assertEquals(List.of(repair, repair), north(() -> repairs.history(40)).stream().map(HistoryEntry::entity).toList(),
                "the delete's history row keeps the values");
        assertTrue(north(() -> repairs.restore(40)));
        assertEquals(Optional.of(repair), north(() -> repairs.findById(40)));
    }

    // ---- repositories

    @Test
    void repositoryQueriesNameComponentsByPath() {
        shop("south", () -> repairs.insertAll(List.of(
                new Repair(50, "Q-1", eur("80.00"), null, utrecht(), new Warranty(6, true)),
                new Repair(51, "Q-2", eur("15.00"), eur("15.00"), new Address("Dam 1", "Amsterdam", new Postcode("1012JS")),
                        new Warranty(0, false)),
                new Repair(52, "Q-3", new Money(new BigDecimal("60.00"), "USD"), eur("65.00"), utrecht(), null),
                new Repair(53, "Q-4", eur("30.00"), new Money(new BigDecimal("31.00"), "GBP"), null, new Warranty(24, true)))));
        assertEquals(List.of("Q-1", "Q-3", "Q-4"), tickets(shop("south", () -> queries.estimatedAbove(new BigDecimal("20")))),
                "WHERE estimate.amount > :min ORDER BY estimate.amount DESC");
        assertEquals(List.of("Q-1"), tickets(shop("south", () -> queries.unbilled())), "charged.amount IS NULL");
        assertEquals(List.of("Q-2", "Q-3"), tickets(shop("south", () -> queries.findByCharged_CurrencyOrderByEstimate_AmountAsc("EUR"))));
        assertEquals(List.of("Q-2"), tickets(shop("south", () -> queries.findByPickup_City("Amsterdam"))));
        assertEquals(List.of("Q-1", "Q-3"), tickets(shop("south", () -> queries.pickedUpIn(new Postcode("3511 AB")))),
                "@By on a converted component takes the component's Java type");
        assertEquals(List.of("Q-1", "Q-3"), tickets(shop("south", () -> queries.atPostcode(new Postcode("3511ab")))));
        assertEquals(List.of("Q-2", "Q-4", "Q-3", "Q-1"), tickets(shop("south", () -> queries.findByTicketStartsWith("Q-",
                Sort.asc("estimate.amount")))));
        List<String> byCity = tickets(shop("south", () -> queries.findByTicketStartsWith("Q-", Sort.asc("pickup.city"))));
        assertEquals(List.of("Q-2", "Q-4"), List.of(byCity.get(0), byCity.get(3)),
                "Sort.asc(\"pickup.city\"): Amsterdam first, the null address last");
        assertThrows(IllegalArgumentException.class, () -> shop("south", () -> queries.findByTicketStartsWith("Q-",
                Sort.asc("estimate"))), "a whole value is not a sort attribute");
        assertEquals(2L, shop("south", () -> queries.transferable()));
        assertEquals(2L, shop("south", () -> queries.countByWarranty_MonthsGreaterThan(3)));
        assertEquals(List.of(new Repairs.TicketEstimate("Q-1", new BigDecimal("80.00")),
                        new Repairs.TicketEstimate("Q-2", new BigDecimal("15.00")),
                        new Repairs.TicketEstimate("Q-4", new BigDecimal("30.00"))),
                shop("south", () -> queries.estimates("EUR")), "a component selected into a record");
        assertTrue(shop("south", () -> queries.charge("Q-1", new BigDecimal("79.00"))));
        assertEquals(eur("79.00"), shop("south", () -> repairs.findById(50)).orElseThrow().charged(),
                "UPDATE ... SET charged.amount = :amount, charged.currency = 'EUR'");
        assertEquals(List.of(), shop("east", () -> queries.estimatedAbove(BigDecimal.ZERO)), "another shop sees none of them");
        assertFalse(shop("east", () -> queries.charge("Q-2", BigDecimal.ONE)), "nor updates them");
    }

    @Test
    void moreQueryFormsOverComponents() {
        shop("west", () -> repairs.insertAll(List.of(
                new Repair(70, "W-1", eur("10.00"), null, utrecht(), new Warranty(6, true)),
                new Repair(71, "W-2", eur("20.00"), eur("20.00"), new Address("Dam 1", "Amsterdam", new Postcode("1012JS")), null),
                new Repair(72, "W-3", new Money(new BigDecimal("30.00"), "GBP"), new Money(new BigDecimal("31.00"), "GBP"),
                        new Address("Kade 3", "Gouda", new Postcode("2801AA")), null),
                new Repair(73, "W-4", eur("40.00"), null, null, null))));
        assertEquals(List.of("W-1"), tickets(shop("west", () -> queries.pickedUpInCityLike("utr%"))),
                "LOWER on a component, IN over another");
        assertEquals(List.of("W-2", "W-3"), tickets(shop("west", () -> queries.findByPickup_PostcodeInOrderByTicket(
                List.of(new Postcode("1012 js"), new Postcode("2801aa"))))), "In over a converted component: each element converted");
        assertEquals(List.of("W-1", "W-4"), tickets(shop("west", () -> queries.findByCharged_AmountNullAndTicketStartsWithOrderByTicket("W-"))));
        assertEquals(List.of("W-2", "W-3"), tickets(shop("west", () -> queries.estimateBetween(new BigDecimal("15"), new BigDecimal("35")))));
        assertEquals(List.of(new Repair(70, "W-1", eur("10.00"), null, utrecht(), new Warranty(6, true))),
                shop("west", () -> queries.nativeAtZip("3511AB")), "native SQL maps the columns as the DAO does, converter included");
        assertEquals(1L, shop("west", () -> queries.deleteCharged("GBP")));
        assertEquals(Optional.empty(), shop("west", () -> repairs.findById(72)), "a JDQL delete of a @SoftDelete entity: the row is not live");
        assertEquals(Optional.of(new Repair(72, "W-3", new Money(new BigDecimal("30.00"), "GBP"), new Money(new BigDecimal("31.00"), "GBP"),
                new Address("Kade 3", "Gouda", new Postcode("2801AA")), null)), shop("west", () -> repairs.findDeletedById(72)));
    }

    @Test
    void aRowTheValuesConstructorRefusesIsAMappingOrConversionFailureNamingTheColumn() throws SQLException {
        north(() -> repairs.insert(repair(9, "T-9", eur("3.00"))));
        execute("UPDATE trial_repair SET estimate_currency = 'EURO' WHERE id = 9");
        RuntimeException failure = assertThrows(RuntimeException.class, () -> north(() -> repairs.findById(9)));
        assertTrue(failure instanceof dev.tenantdao.runtime.TenantDaoException, failure::toString);
        assertTrue(failure.getMessage().contains("Repair") && failure.getMessage().contains("estimate"), failure::toString);
        assertEquals("Columns estimate_amount, estimate_currency of Repair cannot be read into Repair.estimate:"
                + " java.lang.IllegalArgumentException: not a currency: EURO", failure.getMessage());
        assertTrue(failure instanceof dev.tenantdao.runtime.MappingException mapping
                && "estimate_amount, estimate_currency".equals(mapping.column()) && "Repair".equals(mapping.entity()), failure::toString);
    }

    // ---- row-level security

    @Test
    void theApplicationRoleIsConfinedByRowLevelSecurity() throws SQLException {
        assertEquals(List.of("t|t"), rows("SELECT relrowsecurity || '|' || relforcerowsecurity FROM pg_class WHERE oid = '"
                + SCHEMA + ".trial_repair'::regclass").stream().map(r -> r.replace("true", "t")).toList());
        assertEquals(List.of("false|false"), rows("SELECT rolsuper || '|' || rolbypassrls FROM pg_roles WHERE rolname = 'trial_repairs_app'"));
        north(() -> repairs.insert(repair(60, "R-1", eur("6.00"))));
        try (Connection connection = Postgres.shared().applicationRole("trial_repairs_app", SCHEMA).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('tenantdao.tenant', 'east', false)");
            try (ResultSet result = statement.executeQuery("SELECT count(*) FROM trial_repair WHERE estimate_amount = 6.00")) {
                result.next();
                assertEquals(0, result.getInt(1), "plain SQL as the application role under another tenant sees no row");
            }
        }
    }

    // ---- helpers

    private static List<String> tickets(List<Repair> found) {
        return found.stream().map(Repair::ticket).toList();
    }

    static void execute(String sql) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> row(String sql) throws SQLException {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertTrue(result.next(), sql);
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.add(result.getString(i));
            }
            return values;
        }
    }

    static List<String> rows(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
