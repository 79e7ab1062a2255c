package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.MappingException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.types.Everything.Mood;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every built-in type through insert, find, update: nulls, extremes PostgreSQL accepts, arrays. */
class TypesRoundTripTest {

    private static DataSource dataSource;
    private static EverythingDao dao;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("types");
        Schema.create(dataSource, Everything.class);
        dao = new EverythingDao(new Database(dataSource));
    }

    private static Everything roundTrip(Everything value) {
        return TenantContext.callAs("acme", () -> {
            Everything inserted = dao.insert(value);
            Everything found = dao.findById(value.id()).orElseThrow();
            assertSame(inserted, found);
            Everything updated = dao.update(found);
            assertSame(found, updated);
            return found;
        });
    }

    /** Records compare arrays by identity; compare field by field, arrays by content. */
    private static void assertSame(Everything expected, Everything actual) {
        for (var component : Everything.class.getRecordComponents()) {
            try {
                Object e = component.getAccessor().invoke(expected);
                Object a = component.getAccessor().invoke(actual);
                if (e instanceof Object[] ea) {
                    assertArrayEquals(ea, (Object[]) a, component.getName());
                } else if (e instanceof byte[] eb) {
                    assertArrayEquals(eb, (byte[]) a, component.getName());
                } else if (e instanceof BigDecimal ed) {
                    assertEquals(0, ed.compareTo((BigDecimal) a), component.getName() + ": " + e + " vs " + a);
                } else {
                    assertEquals(e, a, component.getName());
                }
            } catch (ReflectiveOperationException ex) {
                throw new AssertionError(ex);
            }
        }
    }

    @Test
    void extremes() {
        Everything value = new Everything(UUID.randomUUID(),
                Long.MIN_VALUE, Integer.MAX_VALUE, Short.MIN_VALUE, Double.NaN, Float.POSITIVE_INFINITY, true,
                Long.MAX_VALUE, Integer.MIN_VALUE, Short.MAX_VALUE, -Double.MAX_VALUE, Float.MIN_VALUE, false,
                "unicode: \u00fc \u4e2d\u6587 \ud83d\ude80 \u202e, quotes ' \" ; and \\ backslash",
                new BigDecimal("-12345678901234567890.12345678901234567890123456789"),
                new UUID(0, 0),
                Instant.parse("0001-01-01T00:00:00Z"),
                OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000, ZoneOffset.UTC),
                LocalDate.of(-4712, 1, 1),
                LocalDateTime.of(294_276, 12, 31, 23, 59, 59),
                LocalTime.of(23, 59, 59, 999_999_000),
                new byte[] {0, -1, 127, -128},
                Mood.ÜBER, Mood.GRUMPY,
                List.of("", "a,b", "{braces}", "\"quoted\"", "NULL"),
                List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE),
                new Integer[] {Integer.MIN_VALUE, 0},
                List.of(new BigDecimal("1e-30"), new BigDecimal("123456789012345678901234567890")),
                List.of(UUID.randomUUID()),
                List.of(Mood.HAPPY, Mood.ÜBER),
                new Boolean[] {true, false},
                "{\"nested\": {\"list\": [1, 2.5, null, \"x\"]}}");
        Everything found = roundTrip(value);
        assertTrue(Double.isNaN(found.aDouble()));
    }

    @Test
    void nullsAndEmptyArraysAndNullElements() {
        Everything value = new Everything(UUID.randomUUID(), 0, 0, (short) 0, 0, 0, false,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null,
                List.of(), Arrays.asList(1L, null, 3L), new Integer[] {null}, Arrays.asList((BigDecimal) null),
                List.of(), Arrays.asList(Mood.HAPPY, null), new Boolean[0], null);
        roundTrip(value);
    }

    @Test
    void nullInAPrimitiveColumnNamesEntityAndColumn() throws SQLException {
        UUID id = UUID.randomUUID();
        TenantContext.runAs("acme", () -> dao.insert(new Everything(id, 1, 1, (short) 1, 1, 1, true,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null)));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "ALTER TABLE everything ALTER COLUMN an_int DROP NOT NULL; UPDATE everything SET an_int = NULL")) {
            s.execute();
        }
        MappingException e = assertThrows(MappingException.class,
                () -> TenantContext.callAs("acme", () -> dao.findById(id)));
        assertEquals("Column an_int of Everything is NULL, but its field is a primitive int;"
                + " make the field a box or the column NOT NULL", e.getMessage());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM everything")) {
            s.execute();
        }
    }

    @Test
    void ddlUsesThePostgresTypes() {
        String ddl = Schema.ddl(Everything.class);
        for (String column : List.of("a_long bigint NOT NULL", "a_double double precision NOT NULL",
                "boxed_float real,", "decimal numeric,", "uuid uuid,", "instant timestamptz,",
                "offset_date_time timestamptz,", "date date,", "date_time timestamp,", "time time,", "bytes bytea,",
                "mood text,", "pg_mood everything_mood,", "texts text[],", "longs bigint[],", "ints integer[],",
                "decimals numeric[],", "uuids uuid[],", "moods text[],", "booleans boolean[],", "json jsonb")) {
            assertTrue(ddl.contains(column), column + " in\n" + ddl);
        }
        assertTrue(ddl.contains("CREATE TYPE everything_mood AS ENUM ('HAPPY', 'GRUMPY', 'ÜBER')"), ddl);
    }
}
