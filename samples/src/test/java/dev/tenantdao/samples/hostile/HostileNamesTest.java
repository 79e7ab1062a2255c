package dev.tenantdao.samples.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A domain whose names collide with everything the generated code names: each value goes through
 * its own converter, each listener runs, and the DAOs compile and work.
 */
class HostileNamesTest {

    private static DataSource dataSource;
    private static ResultSetDao rows;
    private static Outer_DatabaseDao nested;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("hostile_names");
        Schema.create(dataSource, ResultSet.class, Outer.Database.class);
        Database database = new Database(dataSource);
        rows = new ResultSetDao(database);
        nested = new Outer_DatabaseDao(database);
    }

    @Test
    void twoConvertersWithTheSameSimpleNameEachConvertTheirOwnField() throws SQLException {
        Calls.takeAll();
        ResultSet stored = TenantContext.callAs("acme", () -> rows.insert(ResultSet.of("r-1", "10.00", "3.00")));
        assertEquals(List.of("a.beforeInsert", "b.beforeInsert"), Calls.takeAll(), "both listeners, in order");
        assertEquals(0, new BigDecimal("10.00").compareTo(stored.net().value()));
        assertEquals(0, new BigDecimal("3.00").compareTo(stored.refund().value()));
        assertEquals(List.of("10.00", "-3.00"), raw("SELECT net::text, refund::text FROM result_set WHERE id = 'r-1'"),
                "net through a.MoneyConverter (as is), refund through b.MoneyConverter (negated)");

        ResultSet updated = TenantContext.callAs("acme",
                () -> rows.update(new ResultSet("r-1", Amount.of("11.00"), Amount.of("4.00"), "t", "s", "c", "st", "k",
                        "r", 1, 2, "d", "SC", "IN", "nv", "rs")));
        assertEquals(0, new BigDecimal("4.00").compareTo(updated.refund().value()));
        assertEquals(List.of("11.00", "-4.00"), raw("SELECT net::text, refund::text FROM result_set WHERE id = 'r-1'"));
        assertEquals(List.of("-4.00", "-3.00"),
                raw("SELECT refund::text FROM result_set_history WHERE id = 'r-1' ORDER BY history_version DESC"),
                "history goes through the same converter");

        List<ResultSet> batch = TenantContext.callAs("acme",
                () -> rows.insertAll(List.of(ResultSet.of("r-2", "1.00", "2.00"))));
        assertEquals(0, new BigDecimal("2.00").compareTo(batch.get(0).refund().value()));
        assertEquals(List.of("1.00", "-2.00"), raw("SELECT net::text, refund::text FROM result_set WHERE id = 'r-2'"));
        assertEquals("nv", TenantContext.callAs("acme", () -> rows.findById("r-2")).orElseThrow().netValue(),
                "a field named like a generated local keeps its own value");
    }

    @Test
    void aNestedEntityAndConverterNamedLikeRuntimeClasses() throws SQLException {
        Outer.Database stored = TenantContext.callAs("acme",
                () -> nested.insert(new Outer.Database(7, Amount.of("5.00"), Amount.of("2.50"))));
        assertEquals(0, new BigDecimal("5.00").compareTo(stored.price().value()));
        assertEquals(List.of("EUR 5.00", "2.50"), raw("SELECT price, cost::text FROM nested_database WHERE id = 7"));
    }

    private static List<String> raw(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (result.next()) {
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(result.getString(i));
                }
            }
            return values;
        }
    }
}
