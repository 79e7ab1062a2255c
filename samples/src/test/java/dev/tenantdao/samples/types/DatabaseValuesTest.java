package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Defaults and generated columns are left to PostgreSQL and read back by RETURNING. */
class DatabaseValuesTest {

    private static OrderLineDao lines;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("database_values");
        Schema.create(dataSource, OrderLine.class);
        lines = new OrderLineDao(new Database(dataSource));
    }

    @Test
    void insertReturnsWhatTheDatabaseFilledIn() {
        OrderLine inserted = TenantContext.callAs("acme", () -> lines.insert(OrderLine.of(3, "2.50")));
        assertNotNull(inserted.id());
        assertEquals(0, new BigDecimal("7.50").compareTo(inserted.amount()));
        assertNotNull(inserted.createdAt());
        assertEquals("open", inserted.state());
        assertTrue(OrderLineDao.INSERT.contains("; INSERT INTO order_line (tenant_id, quantity, unit_price) VALUES"),
                OrderLineDao.INSERT);
    }

    @Test
    void updateNeverWritesThemAndReturnsTheRecomputedValue() {
        OrderLine inserted = TenantContext.callAs("acme", () -> lines.insert(OrderLine.of(1, "4.00")));
        OrderLine changed = new OrderLine(inserted.id(), 5, inserted.unitPrice(), BigDecimal.ZERO, null, "forged");
        OrderLine updated = TenantContext.callAs("acme", () -> lines.update(changed));
        assertEquals(0, new BigDecimal("20.00").compareTo(updated.amount()));
        assertEquals(inserted.createdAt(), updated.createdAt());
        assertEquals("open", updated.state());
        assertEquals("SELECT set_config('tenantdao.tenant', ?, true); UPDATE order_line SET quantity = ?, unit_price = ?"
                + " WHERE tenant_id = ? AND id = ? RETURNING id, quantity, unit_price, amount, created_at, state",
                OrderLineDao.UPDATE, "database-filled columns are never written, and read back");
    }

    @Test
    void setBasedInsertReturnsThemTooInOrder() {
        List<OrderLine> inserted = TenantContext.callAs("acme",
                () -> lines.insertAll(List.of(OrderLine.of(1, "1.00"), OrderLine.of(2, "1.00"), OrderLine.of(3, "1.00"))));
        assertEquals(List.of(1, 2, 3), inserted.stream().map(OrderLine::quantity).toList());
        inserted.forEach(line -> assertEquals(0, BigDecimal.valueOf(line.quantity()).compareTo(line.amount())));
    }
}
