package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Converters that opt in with convertsNull() are called with nulls, both ways, in rows and in history. */
class NullConvertingTest {

    private static DataSource dataSource;
    private static RatingDao ratings;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("null_converting");
        Schema.create(dataSource, Rating.class);
        ratings = new RatingDao(new Database(dataSource));
    }

    @Test
    void aNullColumnReadsAsTheConvertersValueAndANullFieldIsStoredAsItsValue() throws SQLException {
        Rating stored = TenantContext.callAs("acme", () -> ratings.insert(new Rating(1, null, null)));
        assertEquals(Level.UNKNOWN, stored.level(), "fromDatabase(null) was called: NULL is UNKNOWN");
        assertNull(stored.note(), "'' reads back as null");
        assertEquals(Arrays.asList(null, ""), raw(1), "toDatabase(null) was called for the note: '' in a NOT NULL column");

        Rating high = TenantContext.callAs("acme", () -> ratings.update(new Rating(1, Level.HIGH, "checked")));
        assertEquals(Level.HIGH, high.level());
        assertEquals(List.of("HIGH", "checked"), raw(1));
        TenantContext.callAs("acme", () -> ratings.update(new Rating(1, Level.UNKNOWN, null)));
        assertEquals(Arrays.asList(null, ""), raw(1), "UNKNOWN is stored as NULL again");

        List<HistoryEntry<Rating>> history = TenantContext.callAs("acme", () -> ratings.history(1L));
        assertEquals(List.of(Level.UNKNOWN, Level.HIGH, Level.UNKNOWN), history.stream().map(h -> h.entity().level()).toList(),
                "history rows go through the converter too, nulls included");
        assertEquals(Arrays.asList(null, "checked", null), history.stream().map(h -> h.entity().note()).toList());

        List<Rating> batch = TenantContext.callAs("acme",
                () -> ratings.insertAll(List.of(new Rating(2, null, null), new Rating(3, Level.LOW, "x"))));
        assertEquals(List.of(Level.UNKNOWN, Level.LOW), batch.stream().map(Rating::level).toList());
        assertEquals(Arrays.asList(null, ""), raw(2), "the set-based insert converts nulls the same way");
    }

    private static List<String> raw(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT level, note FROM rating WHERE id = " + id)) {
            rows.next();
            return Arrays.asList(rows.getString(1), rows.getString(2));
        }
    }
}
