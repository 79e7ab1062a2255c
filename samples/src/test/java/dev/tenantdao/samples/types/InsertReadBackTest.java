package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.audit.Contract;
import dev.tenantdao.samples.audit.ContractDao;
import dev.tenantdao.samples.keys.Ticket;
import dev.tenantdao.samples.keys.TicketDao;
import dev.tenantdao.samples.types.Everything.Mood;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inserts read back only what the database fills in (or may store other than written) and take
 * the rest from the input (issue 20): what {@code insert} and {@code insertAll} return is exactly
 * what a later {@code findById} returns, for records and classes, with and without row-level
 * security, audited or not, through converters, defaults, generated columns and versions, and
 * through the types PostgreSQL rounds (timestamps with nanoseconds, offsets, numeric scale).
 */
class InsertReadBackTest {

    private static OrderLineDao lines;
    private static VoucherDao vouchers;
    private static RatingDao ratings;
    private static EverythingDao everything;
    private static TicketDao tickets;
    private static ContractDao contracts;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("insert_read_back");
        Schema.create(dataSource, OrderLine.class, Voucher.class, Rating.class, Everything.class, Ticket.class,
                Contract.class);
        Database database = new Database(dataSource);
        lines = new OrderLineDao(database);
        vouchers = new VoucherDao(database);
        ratings = new RatingDao(database);
        everything = new EverythingDao(database);
        tickets = new TicketDao(database);
        contracts = new ContractDao(database);
    }

    @Test
    void theNarrowedInsertsReadBackOnlyTheColumnsTheDatabaseFillsIn() {
        assertTrue(OrderLineDao.INSERT.endsWith("RETURNING id, unit_price, amount, created_at, state"),
                OrderLineDao.INSERT);
        assertTrue(RatingDao.INSERT.endsWith("SELECT id, level, note FROM changed"),
                "converters: their round trip may not be the identity; " + RatingDao.INSERT);
    }

    @Test
    void aRecordWithGeneratedAndDefaultColumnsUnderRowLevelSecurity() {
        TenantContext.runAs("acme", () -> {
            OrderLine inserted = lines.insert(OrderLine.of(3, "2.5"));
            assertEquals(lines.findById(inserted.id()).orElseThrow(), inserted);
            List<OrderLine> all = lines.insertAll(List.of(OrderLine.of(1, "1"),
                    new OrderLine(null, 2, new BigDecimal("3"), null, Instant.parse("2024-01-02T03:04:05.123456789Z"),
                            "held")));
            for (OrderLine line : all) {
                assertEquals(lines.findById(line.id()).orElseThrow(), line);
            }
            assertEquals(Instant.parse("2024-01-02T03:04:05.123457Z"), all.get(1).createdAt(),
                    "timestamptz keeps microseconds (rounded): read back, not the input's nanoseconds");
        });
    }

    @Test
    void aClassFilledThroughItsFieldsUnderRowLevelSecurity() {
        TenantContext.runAs("acme", () -> {
            Voucher voucher = Voucher.of(null, "WELCOME");
            assertSame(voucher, vouchers.insert(voucher), "the caller's instance, filled");
            assertNotNull(voucher.id, "the id the column default chose");
            Voucher found = vouchers.findById(voucher.id).orElseThrow();
            assertEquals(found.id, voucher.id);
            assertEquals(found.code, voucher.code);
            List<Voucher> all = vouchers.insertAll(List.of(Voucher.of(null, "A"), Voucher.of(UUID.randomUUID(), "B")));
            for (Voucher each : all) {
                Voucher stored = vouchers.findById(each.id).orElseThrow();
                assertEquals(stored.code, each.code);
            }
        });
    }

    @Test
    void anAuditedRecordWithConvertersUnderRowLevelSecurity() {
        TenantContext.runAs("acme", () -> {
            Rating inserted = ratings.insert(new Rating(1, null, null));
            assertEquals(ratings.findById(1L).orElseThrow(), inserted);
            assertNull(inserted.note(), "written as '' by the converter, read back as null");
            List<Rating> all = ratings.insertAll(List.of(new Rating(2, Level.HIGH, ""), new Rating(3, null, "x")));
            for (Rating rating : all) {
                assertEquals(ratings.findById(rating.id()).orElseThrow(), rating);
            }
            assertNull(all.get(0).note(), "'' reads back as null");
        });
    }

    @Test
    void anAuditedRecordWithAVersionUnderRowLevelSecurity() {
        TenantContext.runAs("acme", () -> {
            Contract inserted = contracts.insert(new Contract(UUID.randomUUID(), "Lease", new BigDecimal("1.5"), 7, null, 3));
            assertEquals(contracts.findById(inserted.id()).orElseThrow(), inserted);
            assertEquals(0, inserted.version(), "the version the database starts at, not the input's");
            List<Contract> all = contracts.insertAll(List.of(
                    new Contract(UUID.randomUUID(), "A", new BigDecimal("2"), 0, "n", null),
                    new Contract(UUID.randomUUID(), "B", null, 0, null, 1)));
            for (Contract contract : all) {
                assertEquals(contracts.findById(contract.id()).orElseThrow(), contract);
            }
        });
    }

    @Test
    void aRecordWithoutRowLevelSecurity() {
        TenantContext.runAs("42", () -> {
            Ticket inserted = tickets.insert(new Ticket(null, "Printer on fire"));
            assertEquals(tickets.findById(inserted.id()).orElseThrow(), inserted);
            List<Ticket> all = tickets.insertAll(List.of(new Ticket(null, "a"), new Ticket(null, null)));
            for (Ticket ticket : all) {
                assertEquals(tickets.findById(ticket.id()).orElseThrow(), ticket);
            }
        });
    }

    @Test
    void typesPostgresqlRoundsAreReadBack() {
        Everything value = everything(UUID.randomUUID());
        TenantContext.runAs("acme", () -> {
            Everything inserted = everything.insert(value);
            assertSameValues(everything.findById(value.id()).orElseThrow(), inserted);
            assertFalse(value.instant().equals(inserted.instant()), "nanoseconds rounded by the database");
            List<Everything> all = everything.insertAll(List.of(everything(UUID.randomUUID()), everything(UUID.randomUUID())));
            for (Everything each : all) {
                assertSameValues(everything.findById(each.id()).orElseThrow(), each);
            }
        });
    }

    private static Everything everything(UUID id) {
        return new Everything(id, 1, 2, (short) 3, 0.1, 0.2f, true, 4L, 5, (short) 6, 1.0 / 3, 1.0f / 3, false, "text",
                new BigDecimal("1.50"), UUID.randomUUID(), Instant.parse("2024-05-06T07:08:09.123456789Z"),
                OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 987_654_321, ZoneOffset.ofHours(2)), LocalDate.of(2024, 5, 6),
                LocalDateTime.of(2024, 5, 6, 7, 8, 9, 1), LocalTime.of(7, 8, 9, 999_999_999), new byte[] {1, 2},
                Mood.ÜBER, Mood.HAPPY, List.of("a"), List.of(1L), new Integer[] {1}, List.of(new BigDecimal("1.0")),
                List.of(UUID.randomUUID()), List.of(Mood.GRUMPY), new Boolean[] {true}, "{\"a\":  1}");
    }

    /** Records compare arrays by identity: compare component by component, arrays by content. */
    private static void assertSameValues(Everything expected, Everything actual) {
        for (var component : Everything.class.getRecordComponents()) {
            try {
                Object e = component.getAccessor().invoke(expected);
                Object a = component.getAccessor().invoke(actual);
                if (e instanceof byte[] eb) {
                    assertArrayEquals(eb, (byte[]) a, component.getName());
                } else {
                    assertTrue(Objects.deepEquals(e, a), component.getName() + ": " + e + " vs " + a);
                }
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }
    }
}
