package dev.tenantdao.samples.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated policy of a vendor-scoped table, tested with raw SQL (no predicate at all) as the
 * application role: under a vendor setting only that vendor's rows are visible and writable; with the
 * tenant-wide switch, every vendor of the tenant; with neither (a vendor setting merely absent),
 * nothing.
 */
class VendorRowLevelSecurityTest {

    private static MarketplaceFixture fixture;

    @BeforeAll
    static void twoMarketplaces() {
        fixture = new MarketplaceFixture("marketplace_rls", "tenantdao_marketplace_rls");
    }

    /** {@code count(*)}, distinct tenants and distinct vendors of {@code table} under the given settings, in a transaction. */
    private static List<Long> seen(String table, String tenant, String vendor, String tenantWide) throws SQLException {
        try (Connection c = fixture.app.getConnection()) {
            c.setAutoCommit(false);
            try {
                settings(c, tenant, vendor, tenantWide);
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(
                        "SELECT count(*), count(DISTINCT tenant_id), count(DISTINCT vendor_id) FROM " + table)) {
                    rows.next();
                    return List.of(rows.getLong(1), rows.getLong(2), rows.getLong(3));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static void settings(Connection c, String tenant, String vendor, String tenantWide) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true),"
                + " set_config('tenantdao.vendor', ?, true), set_config('tenantdao.tenant_wide', ?, true)")) {
            set.setString(1, tenant);
            set.setString(2, vendor);
            set.setString(3, tenantWide);
            set.execute();
        }
    }

    @Test
    void aVendorSettingShowsThatVendorsRowsOnly() throws SQLException {
        assertEquals(List.of(2L, 1L, 1L), seen("market_product", "acme", "north", ""));
        assertEquals(List.of(2L, 1L, 1L), seen("market_product", "acme", "south", ""));
        assertEquals(List.of(1L, 1L, 1L), seen("sales_order", "acme", "north", ""));
        assertEquals(List.of(1L, 1L, 1L), seen("sales_order_history", "acme", "north", ""));
        assertEquals(List.of(0L, 0L, 0L), seen("market_product", "globex", "north", ""), "north is acme's vendor");
    }

    @Test
    void theTenantWideSwitchShowsEveryVendorOfTheTenantOnly() throws SQLException {
        assertEquals(List.of(4L, 1L, 2L), seen("market_product", "acme", "", "on"));
        assertEquals(List.of(1L, 1L, 1L), seen("market_product", "globex", "", "on"));
        assertEquals(List.of(0L, 0L, 0L), seen("market_product", "", "", "on"), "the switch without a tenant shows nothing");
    }

    @Test
    void withNeitherAVendorNorTheSwitchNothingIsVisible() throws SQLException {
        assertEquals(List.of(0L, 0L, 0L), seen("market_product", "acme", "", ""));
        assertEquals(List.of(0L, 0L, 0L), seen("sales_order", "acme", "", ""));
        assertEquals(List.of(0L, 0L, 0L), seen("market_product", "acme", "", "yes"), "only 'on' switches");
        try (Connection c = fixture.app.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM market_product")) {
            rows.next();
            assertEquals(0, rows.getLong(1), "no setting at all");
        }
    }

    @Test
    void aVendorCannotWriteAnotherVendorsRowsEvenWithoutAPredicate() throws SQLException {
        try (Connection c = fixture.app.getConnection()) {
            c.setAutoCommit(false);
            try {
                settings(c, "acme", "north", "");
                try (Statement s = c.createStatement()) {
                    assertEquals(2, s.executeUpdate("UPDATE market_product SET stock = stock"), "north's rows only");
                    SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                            "INSERT INTO market_product (tenant_id, vendor_id, sku, name, price, stock, listed)"
                                    + " VALUES ('acme', 'south', 'FORGED', 'forged', 1, 1, true)"));
                    assertEquals("42501", e.getSQLState(), e.getMessage());
                }
            } finally {
                c.rollback();
            }
            try {
                settings(c, "acme", "north", "");
                try (Statement s = c.createStatement()) {
                    // moving a row to another vendor fails the policy's check too
                    SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(
                            "UPDATE market_product SET vendor_id = 'south' WHERE id = " + fixture.northBook));
                    assertEquals("42501", e.getSQLState(), e.getMessage());
                }
            } finally {
                c.rollback();
            }
        }
    }
}
