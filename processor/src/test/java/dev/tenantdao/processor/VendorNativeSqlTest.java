package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Native SQL ({@code @Sql}) over vendor-scoped tables: the vendor proof's errors (message, line and
 * column, with a caret under the reference in the SQL), {@code :vendor} and {@code tenantWide}
 * misused, and the code generated for proven methods: the vendor required, or an explicit
 * tenant-wide block, before any SQL; under row-level security the vendor settings in front.
 */
class VendorNativeSqlTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";
    private static final String DATA_IMPORTS = "import jakarta.data.repository.*; import java.util.*;"
            + " import dev.tenantdao.annotations.*;";

    /** A vendor's product, row per tenant (under row-level security, the default). */
    private static JavaFileObject product() {
        return source("t.Product", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped",
                "public record Product(@Id long id, String name, long price, @References(Category.class) long category) {}");
    }

    /** A category of the tenant, shared by its vendors. */
    private static JavaFileObject category() {
        return source("t.Category", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Category(@Id long id, String name) {}");
    }

    /** {@code @Repository interface <name> extends DataRepository<<entity>, Long>}; {@code lines} from line 5. */
    private static JavaFileObject repository(String name, String entity, String... lines) {
        List<String> all = new ArrayList<>(List.of("package t;", DATA_IMPORTS,
                "@Repository",
                "public interface " + name + " extends DataRepository<" + entity + ", Long> {"));
        all.addAll(List.of(lines));
        all.add("}");
        return source("t." + name, all.toArray(String[]::new));
    }

    private static Compilation compileWith(JavaFileObject repository) {
        return compile(product(), category(), repository);
    }

    /** As {@code QueryException.describe} says it: where, then the query with a caret under {@code token}. */
    private static String pointing(String problem, String query, String token) {
        int at = query.indexOf(token);
        assertTrue(at >= 0, token);
        return problem + " (column " + (at + 1) + " of the query)\n    " + query + "\n    " + " ".repeat(at) + "^";
    }

    private static String javac(String message) {
        return message.replace("\n", "\n  ");
    }

    private static String impl(Compilation c, String name) throws IOException {
        return c.generatedSourceFile("t." + name).orElseThrow(() -> new AssertionError("no t." + name + ": "
                + c.diagnostics())).getCharContent(false).toString();
    }

    private static final String NOT_CONFINED_TO_VENDOR = " is not confined to its vendor: its block has no %1$s = :vendor"
            + " (or %1$s = <a confined table>.vendor_id) as a condition of its WHERE or of its join's ON, outside any"
            + " OR or NOT; or, to read and change every vendor's rows of the tenant, declare the method"
            + " @Sql(tenantWide = true)";

    // ---- errors -------------------------------------------------------------------------------------

    @Test
    void aVendorScopedReferenceWithoutItsVendorCondition() {
        String sql = "SELECT p.* FROM product p WHERE p.tenant_id = :tenant AND p.price > :min";
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"" + sql + "\")",
                "    List<Product> above(long min);"));
        assertDiagnostics(c, "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Products.above",
                pointing("product p" + NOT_CONFINED_TO_VENDOR.formatted("p.vendor_id"), sql, "product p"))));
    }

    @Test
    void aJoinedVendorScopedTableInTheRepositoryOfATenantWideEntity() {
        String sql = "SELECT c.name, count(*) AS products FROM category c JOIN product p ON p.tenant_id = c.tenant_id"
                + " AND p.category = c.id WHERE c.tenant_id = :tenant GROUP BY c.name";
        Compilation c = compileWith(repository("Categories", "Category",
                "    record Count(String name, long products) {}",
                "    @Sql(\"" + sql + "\")",
                "    List<Count> counts();"));
        assertDiagnostics(c, "ERROR 6:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Categories.counts",
                pointing("product p" + NOT_CONFINED_TO_VENDOR.formatted("p.vendor_id"), sql, "product p"))));
    }

    @Test
    void neitherTenantNorVendorConfinedGivesBothErrorsTenantFirst() {
        String sql = "SELECT count(*) FROM product";
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"" + sql + "\")",
                "    long all();"));
        assertDiagnostics(c,
                "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED.format("Products.all", pointing("product is not"
                        + " confined to the tenant: its block has no product.tenant_id = :tenant (or product.tenant_id"
                        + " = <a confined table>.tenant_id) as a condition of its WHERE or of its join's ON, outside"
                        + " any OR or NOT", sql, "product"))),
                "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Products.all",
                        pointing("product" + NOT_CONFINED_TO_VENDOR.formatted("product.vendor_id"), sql, "product"))));
    }

    @Test
    void anInsertThatDoesNotWriteTheVendor() {
        String sql = "INSERT INTO product (tenant_id, id, name, price, category) VALUES (:tenant, :id, :name, 0, 1)";
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"" + sql + "\")",
                "    void add(long id, String name);"));
        assertDiagnostics(c, "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Products.add",
                pointing("INSERT INTO product does not write its vendor column: name vendor_id in the column list and"
                        + " write :vendor into it; or, to read and change every vendor's rows of the tenant, declare"
                        + " the method @Sql(tenantWide = true)", sql, "product"))));
    }

    @Test
    void anUpdateWritingTheVendorColumn() {
        String sql = "UPDATE product SET vendor_id = :to WHERE tenant_id = :tenant AND vendor_id = :vendor";
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"" + sql + "\")",
                "    int move(String to);"));
        assertDiagnostics(c, "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Products.move",
                pointing("UPDATE product writes :to into vendor_id, its vendor column; an update never writes it (a row"
                        + " never moves to another vendor)", sql, "product"))));
    }

    @Test
    void tenantWideLiftsTheVendorConditionButAnUpdateStillNeverMovesARowToAnotherVendor() {
        String sql = "UPDATE product SET vendor_id = :to WHERE tenant_id = :tenant AND id = :id";
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(value = \"" + sql + "\", tenantWide = true)",
                "    int move(long id, String to);",
                "    @Sql(value = \"UPDATE product SET price = 0 WHERE tenant_id = :tenant AND id = :id\","
                        + " tenantWide = true)",
                "    int free(long id);"));
        // on the SQL, the value of value =
        assertDiagnostics(c, "ERROR 5:18: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Products.move",
                pointing("UPDATE product writes :to into vendor_id, its vendor column; an update never writes it (a row"
                        + " never moves to another vendor)", sql, "product"))));
    }

    @Test
    void crossTenantOverVendorTablesSkipsTheVendorProofButRunsOnlyTenantWide() throws IOException {
        Compilation c = compileWith(repository("Products", "Product",
                "    @CrossTenant(reason = \"operators' totals\") @Sql(\"SELECT count(*) FROM product\")",
                "    long countAll();"));
        assertDiagnostics(c);
        // it crosses vendors as well as tenants: only inside an explicit tenant-wide block, its switch set
        String impl = impl(c, "ProductsImpl");
        assertTrue(impl.contains("TenantKeys.requireTenantWide(\"Product\", \"Products.countAll\", tenant);"), impl);
        String report = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/cross-tenant.txt")
                .orElseThrow().getCharContent(false).toString();
        assertTrue(report.contains("t.Products.countAll: operators' totals [all vendors: runs only inside"
                + " TenantContext.runTenantWide]"), report);
    }

    @Test
    void aParameterNamedVendor() {
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"SELECT count(*) FROM product WHERE tenant_id = :tenant AND vendor_id = :vendor\")",
                "    long of(String vendor);"));
        assertDiagnostics(c, "ERROR 6:20: " + Message.SQL_VENDOR_PARAMETER.format("Products.of"));
    }

    @Test
    void tenantWideUsingVendor() {
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(value = \"SELECT count(*) FROM product WHERE tenant_id = :tenant AND vendor_id = :vendor\",",
                "            tenantWide = true)",
                "    long mine();"));
        // on the value of tenantWide
        assertDiagnostics(c, "ERROR 6:26: " + Message.SQL_TENANT_WIDE_VENDOR.format("Products.mine"));
    }

    @Test
    void tenantWideNamingNoVendorScopedTable() {
        Compilation c = compileWith(repository("Categories", "Category",
                "    @Sql(value = \"SELECT count(*) FROM category WHERE tenant_id = :tenant\", tenantWide = true)",
                "    long count();"));
        assertDiagnostics(c, "ERROR 5:90: " + Message.SQL_TENANT_WIDE_NO_VENDOR_TABLE.format("Categories.count"));
    }

    @Test
    void tenantWideInsertingIntoAVendorScopedTable() {
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(value = \"INSERT INTO product (tenant_id, vendor_id, id, name) VALUES (:tenant, :branch, :id, :name)\",",
                "            tenantWide = true)",
                "    int add(String branch, long id, String name);"));
        // on the value of tenantWide: the one place a tenant-wide native statement could insert for any vendor
        assertDiagnostics(c, "ERROR 6:26: " + Message.SQL_TENANT_WIDE_INSERT.format("Products.add", "product", "vendor_id"));
    }

    @Test
    void schemaAndDatabasePerTenantTablesNeedTheirVendorConditionToo() {
        JavaFileObject shelf = source("t.Shelf", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @VendorScoped(column = \"store_id\")",
                "public record Shelf(@Id long id, String label) {}");
        String sql = "SELECT count(*) FROM shelf s WHERE s.label = :label";
        Compilation c = compile(shelf, repository("Shelves", "Shelf",
                "    @Sql(\"" + sql + "\")",
                "    long labelled(String label);",
                "    @Sql(\"SELECT count(*) FROM shelf s WHERE s.store_id = :vendor\")",
                "    long mine();"));
        assertDiagnostics(c, "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Shelves.labelled",
                pointing("shelf s" + NOT_CONFINED_TO_VENDOR.formatted("s.store_id").replace(".vendor_id", ".store_id"),
                        sql, "shelf s"))));

        JavaFileObject bin = source("t.Bin", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.DATABASE) @VendorScoped",
                "public record Bin(@Id long id) {}");
        String all = "SELECT count(*) FROM bin";
        Compilation d = compile(bin, repository("Bins", "Bin",
                "    @Sql(\"" + all + "\")",
                "    long all();"));
        assertDiagnostics(d, "ERROR 5:10: " + javac(Message.SQL_NOT_CONFINED_TO_VENDOR.format("Bins.all",
                pointing("bin" + NOT_CONFINED_TO_VENDOR.formatted("bin.vendor_id"), all, "bin"))));
    }

    @Test
    void aSharedEntitysRepositoryHasNoTenantOrVendorToBind() {
        JavaFileObject country = source("t.Country", "package t;", IMPORTS,
                "@Entity",
                "public record Country(@Id long id, String name) {}");
        Compilation c = compile(product(), category(), country, repository("Countries", "Country",
                "    @Sql(\"SELECT count(*) FROM product WHERE tenant_id = :tenant AND vendor_id = :vendor\")",
                "    long products();",
                "    @Sql(value = \"SELECT count(*) FROM product WHERE tenant_id = :tenant\", tenantWide = true)",
                "    long allProducts();"));
        // (the generated code would not compile: it has no tenant, nor vendor)
        assertDiagnostics(c,
                "ERROR 5:10: " + Message.SQL_SCOPE_IN_SHARED.format("Countries.products", ":tenant and :vendor",
                        "Country"),
                "ERROR 7:89: " + Message.SQL_SCOPE_IN_SHARED.format("Countries.allProducts", "@Sql(tenantWide = true)",
                        "Country"));
    }

    // ---- generated code -----------------------------------------------------------------------------

    @Test
    void aVendorsMethodRequiresTheVendorBeforeAnySqlAndBindsIt() throws IOException {
        Compilation c = compileWith(repository("Products", "Product",
                "    @Sql(\"SELECT p.* FROM product p JOIN category c ON c.tenant_id = p.tenant_id AND c.id = p.category"
                        + " WHERE p.tenant_id = :tenant AND p.vendor_id = :vendor AND c.name = :category\")",
                "    List<Product> in(String category);",
                "    @Sql(value = \"SELECT count(*) FROM product WHERE tenant_id = :tenant\", tenantWide = true)",
                "    long countAllVendors();"));
        assertDiagnostics(c);
        String impl = impl(c, "ProductsImpl");
        String in = method(impl, "public List<Product> in(");
        assertTrue(in.contains("String vendor = support.requireVendor(tenant);\n"), in);
        assertTrue(in.contains("TenantKeys.vendorOfStatement(\"Product\", \"Products.in\", vendor);"), in);
        assertTrue(in.indexOf("vendorOfStatement") < in.indexOf("support.begin("), "before any SQL:\n" + in);
        // the three settings, then :tenant, :vendor and :category in their places
        assertTrue(in.contains("statement.setString(2, TenantKeys.vendorSetting(vendor));"), in);
        assertTrue(in.contains("statement.setString(4, tenant);"), in);
        assertTrue(in.contains("statement.setString(5, vendor);"), in);
        String wide = method(impl, "public long countAllVendors(");
        // refused before the vendor is asked for: a vendor's block, or one with neither, gets the tenant-wide message
        assertTrue(wide.contains("String tenant = support.requireTenant();\n"
                + "        TenantKeys.requireTenantWide(\"Product\", \"Products.countAllVendors\", tenant);\n"
                + "        String vendor = support.requireVendor(tenant);\n"), wide);
        assertEquals(SETTINGS + "SELECT count(*) FROM product WHERE tenant_id = ?", sql(impl, "COUNT_ALL_VENDORS"));
    }

    @Test
    void aTenantWideEntitysRepositoryFindsTheVendorItselfAndSetsItUnderRowLevelSecurity() throws IOException {
        Compilation c = compileWith(repository("Categories", "Category",
                "    record Count(String name, long products) {}",
                "    @Sql(\"SELECT c.name, count(*) AS products FROM category c JOIN product p ON p.tenant_id ="
                        + " c.tenant_id AND p.vendor_id = :vendor AND p.category = c.id WHERE c.tenant_id = :tenant"
                        + " GROUP BY c.name\")",
                "    List<Count> mine();",
                "    @Sql(value = \"SELECT c.name, count(*) AS products FROM category c JOIN product p ON p.tenant_id ="
                        + " c.tenant_id AND p.category = c.id WHERE c.tenant_id = :tenant GROUP BY c.name\","
                        + " tenantWide = true)",
                "    List<Count> everyVendors();",
                "    @Sql(\"SELECT count(*) FROM category WHERE tenant_id = :tenant\")",
                "    long count();"));
        assertDiagnostics(c);
        String impl = impl(c, "CategoriesImpl");
        String mine = method(impl, "public List<Categories.Count> mine(");
        assertTrue(mine.contains("String vendor = TenantKeys.vendorOfStatement(\"Category\", \"Categories.mine\","
                + " tenant, support::requireVendor);"), mine);
        String wide = method(impl, "public List<Categories.Count> everyVendors(");
        assertTrue(wide.contains("String vendor = TenantKeys.requireTenantWide(\"Category\", \"Categories.everyVendors\","
                + " tenant);"), wide);
        // the policies of product see its vendor, or the tenant-wide switch: set beside the tenant
        assertEquals(SETTINGS + "SELECT rows.name, rows.products FROM (SELECT c.name, count(*) AS products FROM category"
                + " c JOIN product p ON p.tenant_id = c.tenant_id AND p.vendor_id = ? AND p.category = c.id WHERE"
                + " c.tenant_id = ? GROUP BY c.name) AS rows", sql(impl, "MINE"));
        assertTrue(mine.contains("statement.setString(2, TenantKeys.vendorSetting(vendor));\n"
                + "                statement.setString(3, TenantKeys.tenantWideSetting(vendor));\n"
                + "                statement.setString(4, vendor);\n"
                + "                statement.setString(5, tenant);\n"), mine);
        assertTrue(sql(impl, "EVERY_VENDORS").startsWith(SETTINGS), impl);
        // a method that reads no vendor-scoped table: neither vendor nor its settings
        String count = method(impl, "public long count(");
        assertTrue(!count.contains("vendor"), count);
    }

    @Test
    void uuidVendorsAndStreamsCompileWithoutAWarning() throws IOException {
        JavaFileObject store = source("t.Store", "package t;", IMPORTS,
                "@Entity @Tenanted(columnType = Tenanted.ColumnType.UUID) @VendorScoped",
                "public record Store(@Id long id, String name) {}");
        JavaFileObject region = source("t.Region", "package t;", IMPORTS,
                "@Entity @Tenanted(columnType = Tenanted.ColumnType.UUID)",
                "public record Region(@Id long id, String name) {}");
        Compilation c = compile(store, region, repository("Regions", "Region",
                "    @Sql(\"SELECT s.id FROM store s WHERE s.tenant_id = :tenant AND s.vendor_id = :vendor\")",
                "    java.util.stream.Stream<Long> myStores();",
                "    @Sql(value = \"SELECT s.id FROM store s WHERE s.tenant_id = :tenant\", tenantWide = true)",
                "    java.util.stream.Stream<Long> allStores();",
                "    @Sql(\"DELETE FROM store WHERE tenant_id = :tenant AND vendor_id = :vendor AND name = :name\")",
                "    boolean close(String name);"), repository("Stores", "Store",
                "    @Sql(\"SELECT count(*) FROM store WHERE tenant_id = :tenant AND vendor_id = :vendor\")",
                "    long mine();"));
        assertDiagnostics(c);       // -Xlint:all -Werror
        String regions = impl(c, "RegionsImpl");
        String mine = method(regions, "public Stream<Long> myStores(");
        assertTrue(mine.contains("UUID vendorKey = TenantKeys.vendorUuid(vendor);"), mine);
        assertTrue(mine.contains("TenantSql.setTenantAndVendor(connection, tenant, vendor);"), mine);
        assertTrue(mine.contains("statement.setObject(2, vendorKey);"), mine);
        String all = method(regions, "public Stream<Long> allStores(");
        assertTrue(all.contains("String vendor = TenantKeys.requireTenantWide(\"Region\", \"Regions.allStores\","
                + " tenant);"), all);
        assertTrue(all.contains("TenantSql.setTenantAndVendor(connection, tenant, vendor);"), all);
        String own = method(impl(c, "StoresImpl"), "public long mine(");
        assertTrue(own.contains("TenantKeys.vendorOfStatement(\"Store\", \"Stores.mine\", vendor);"), own);
        assertTrue(own.contains("statement.setObject(5, vendorKey);"), own);
    }

    /** The runtime's three settings in front of a statement reading vendor-scoped tables under row-level security. */
    private static final String SETTINGS = "SELECT set_config('tenantdao.tenant', ?, true), set_config('tenantdao.vendor',"
            + " ?, true), set_config('tenantdao.tenant_wide', ?, true); ";

    /** The SQL text of the constant {@code name} in {@code impl}: a text block's lines joined, or a string. */
    private static String sql(String impl, String name) {
        String start = "static final String " + name + " = ";
        int at = impl.indexOf(start);
        assertTrue(at >= 0, () -> "no constant " + name + " in\n" + impl);
        at += start.length();
        if (impl.startsWith("\"\"\"", at)) {
            String body = impl.substring(at + 3, impl.indexOf("\"\"\";", at));
            return java.util.Arrays.stream(body.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.endsWith("\\") ? line.substring(0, line.length() - 1) : line)
                    .collect(java.util.stream.Collectors.joining());
        }
        return impl.substring(at + 1, impl.indexOf("\";", at));
    }

    /** The text of the method of {@code impl} starting with {@code signature}, up to the next method. */
    private static String method(String impl, String signature) {
        int at = impl.indexOf(signature);
        assertTrue(at >= 0, () -> "no " + signature + " in\n" + impl);
        int end = impl.indexOf("\n  @Override", at);
        return impl.substring(at, end < 0 ? impl.length() : end);
    }
}
