package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The row-level-security policy of a vendor-scoped table, met with raw SQL as the application's
 * role (neither superuser nor owner, so the policy applies): under a vendor setting it shows that
 * vendor's rows of the tenant; with the tenant-wide switch, the whole tenant; with neither, or with
 * a vendor but no tenant, nothing; and it refuses writing a row of another vendor.
 */
class VendorRowLevelSecurityTest {

    private static DataSource app;

    @BeforeAll
    static void rows() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("vendors_rls"), RowStock.class);
        app = server.applicationRole("tenantdao_app", "vendors_rls");
        RowStockDao stock = new RowStockDao(new Database(app));
        for (String tenant : List.of("t0", "t1")) {
            for (String vendor : List.of("v0", "v1")) {
                TenantContext.runAsVendor(tenant, vendor, () -> stock.insert(
                        new RowStock(null, null, null, tenant + "/" + vendor, 1)));
            }
        }
    }

    /** The bodies {@code SELECT} sees in a transaction after setting {@code tenant}, {@code vendor}, the switch. */
    private static List<String> visible(String tenant, String vendor, String tenantWide) throws SQLException {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                set(connection, "tenantdao.tenant", tenant);
                set(connection, "tenantdao.vendor", vendor);
                set(connection, "tenantdao.tenant_wide", tenantWide);
                List<String> bodies = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT body FROM row_stock ORDER BY body");
                        ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        bodies.add(rows.getString(1));
                    }
                }
                return bodies;
            } finally {
                connection.rollback();
            }
        }
    }

    private static void set(Connection connection, String setting, String value) throws SQLException {
        if (value != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT set_config(?, ?, true)")) {
                statement.setString(1, setting);
                statement.setString(2, value);
                statement.execute();
            }
        }
    }

    @Test
    void aVendorSettingShowsThatVendorsRowsOfTheTenant() throws SQLException {
        assertEquals(List.of("t0/v0"), visible("t0", "v0", null));
        assertEquals(List.of("t1/v1"), visible("t1", "v1", null));
        assertEquals(List.of("t0/v0"), visible("t0", "v0", ""));
    }

    @Test
    void theTenantWideSwitchShowsTheWholeTenantAndNoOtherTenant() throws SQLException {
        assertEquals(List.of("t0/v0", "t0/v1"), visible("t0", null, "on"));
        assertEquals(List.of("t1/v0", "t1/v1"), visible("t1", "", "on"));
    }

    @Test
    void withNeitherOrWithoutATenantNothingIsVisible() throws SQLException {
        assertEquals(List.of(), visible("t0", null, null));
        assertEquals(List.of(), visible("t0", "", ""));
        assertEquals(List.of(), visible(null, "v0", null));
        assertEquals(List.of(), visible(null, null, "on"));
        assertEquals(List.of(), visible("t0", null, "yes"));
        assertEquals(List.of(), visible("t0", "v9", null));
    }

    @Test
    void aRowOfAnotherVendorCannotBeWrittenUnderAVendorSetting() throws SQLException {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                set(connection, "tenantdao.tenant", "t0");
                set(connection, "tenantdao.vendor", "v0");
                SQLException insert = assertThrows(SQLException.class, () -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "INSERT INTO row_stock (tenant_id, vendor_id, body, quantity) VALUES ('t0', 'v1', 'x', 1)")) {
                        statement.execute();
                    }
                });
                assertEquals("42501", insert.getSQLState(), insert::getMessage);     // new row violates the policy
            } finally {
                connection.rollback();
            }
        }
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            try {
                set(connection, "tenantdao.tenant", "t0");
                set(connection, "tenantdao.vendor", "v0");
                SQLException move = assertThrows(SQLException.class, () -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "UPDATE row_stock SET vendor_id = 'v1' WHERE body = 't0/v0'")) {
                        statement.execute();
                    }
                });
                assertEquals("42501", move.getSQLState(), move::getMessage);
            } finally {
                connection.rollback();
            }
        }
    }
}
