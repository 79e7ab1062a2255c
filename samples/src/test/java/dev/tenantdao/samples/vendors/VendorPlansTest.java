package dev.tenantdao.samples.vendors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Schema;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How PostgreSQL runs the generated find-by-id of a vendor-scoped table (the DAO's own SQL text,
 * behind its tenant setting), as custom plans run it: for a vendor and tenant-wide ({@code vendor_id
 * = COALESCE(NULL, vendor_id)}) alike, one index lookup whose condition holds the id, never a scan of
 * the tenant's rows (which the primary key (tenant, vendor, id) alone would need tenant-wide: the
 * tenant-wide index (tenant, id) is there for it).
 */
class VendorPlansTest {

    private static DataSource owner;

    @BeforeAll
    static void rows() throws SQLException {
        owner = Postgres.shared().freshSchema("vendors_plans");
        Schema.create(owner, RowStock.class);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO row_stock (tenant_id, vendor_id, body, quantity)"
                    + " SELECT 't' || (g % 4), 'v' || (g % 20), 'b' || g, g FROM generate_series(1, 20000) g");
            statement.execute("ANALYZE row_stock");
        }
    }

    /** The plan of the DAO's find-by-id for {@code vendor} (SQL NULL: tenant-wide), as custom plans run it. */
    private static String plan(String vendor) throws SQLException {
        String select = RowStockDao.FIND_BY_ID.substring(RowStockDao.FIND_BY_ID.indexOf("; ") + 2);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : select.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PREPARE find_by_id AS " + numbered);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE find_by_id('t1', " + vendor + ", 4001)")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            statement.execute("DEALLOCATE find_by_id");
            return plan.toString();
        }
    }

    @Test
    void aVendorsLookupIsOneIndexLookupByTenantAndId() throws SQLException {
        String plan = plan("'v1'");
        assertTrue(plan.startsWith("Index Scan using row_stock_") && plan.contains("(tenant_id = 't1'::text)")
                && plan.contains("(id = '4001'::bigint)") && plan.contains("'v1'::text"), plan);
    }

    @Test
    void aTenantWideLookupUsesTheTenantWideIndex() throws SQLException {
        String plan = plan("NULL");
        assertTrue(plan.startsWith("Index Scan using row_stock_tenant_id_id_key")
                && plan.contains("(tenant_id = 't1'::text) AND (id = '4001'::bigint)"), plan);
    }
}
