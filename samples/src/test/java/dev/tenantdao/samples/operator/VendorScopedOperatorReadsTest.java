package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.samples.vendors.RowStock;
import dev.tenantdao.samples.vendors.RowStockDao;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reads across tenants of a {@code @VendorScoped} entity's DAO, on PostgreSQL under row-level security as roles that
 * are no superuser and own nothing: its table is unique on tenant and id (its tenant-wide lookup), so the offset page and
 * the keyset walk meet every row once, in tenant and id order, whatever its vendor.
 */
class VendorScopedOperatorReadsTest {

    private static final String SCHEMA = "operator_vendor_reads";
    private static final String OPERATORS = "op_samples_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "opv_app" + SUFFIX;
    private static final String LOGIN = "opv_login" + SUFFIX;

    private static Database database;
    private static RowStockDao stock;

    @BeforeAll
    static void rows() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource admin = server.freshSchema(SCHEMA);
        Schema.create(admin, RowStock.class);
        DataSource app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("GRANT " + OPERATORS + " TO " + LOGIN);
        }
        database = Database.builder(app).operatorDataSource(login).build();
        stock = new RowStockDao(database);
        // vendors interleaved, so that an order by vendor would differ from the order by id
        for (String tenant : List.of("acme", "globex")) {
            for (String vendor : List.of("north", "south", "north", "south", "north")) {
                TenantContext.runAsVendor(tenant, vendor, () -> stock.insert(new RowStock(null, null, null, vendor, 1)));
            }
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(APP, LOGIN)) {
                s.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                        + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
            }
        }
    }

    @Test
    void theKeysetWalkAndTheOffsetPagesMeetEveryRowOnceInTenantAndIdOrder() {
        OperatorAccess access = OperatorAccess.of("billing-job", "stock count");
        List<String> walked = database.asOperator(access, tx -> {
            List<String> seen = new ArrayList<>();
            List<TenantRow<RowStock>> page = stock.findAllAcrossTenantsAfter(null, null, 3);
            while (!page.isEmpty()) {
                page.forEach(row -> seen.add(row.tenant() + ":" + row.entity().id() + ":" + row.entity().vendor()));
                TenantRow<RowStock> last = page.get(page.size() - 1);
                page = stock.findAllAcrossTenantsAfter(last.tenant(), last.entity().id(), 3);
            }
            return seen;
        });
        List<String> paged = database.asOperator(access, tx -> {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 10; offset += 4) {
                stock.findAllAcrossTenants(4, offset)
                        .forEach(row -> seen.add(row.tenant() + ":" + row.entity().id() + ":" + row.entity().vendor()));
            }
            return seen;
        });
        assertEquals(10, walked.size(), walked::toString);
        assertEquals(walked, paged, "one order for both");
        List<String> sorted = new ArrayList<>(walked);
        sorted.sort(java.util.Comparator.comparing((String row) -> row.split(":")[0])
                .thenComparingLong(row -> Long.parseLong(row.split(":")[1])));
        assertEquals(sorted, walked, "tenant, then id, whatever the vendor");
        assertEquals(List.of("north", "south", "north", "south", "north"),
                walked.subList(0, 5).stream().map(row -> row.split(":")[2]).toList());
    }
}
