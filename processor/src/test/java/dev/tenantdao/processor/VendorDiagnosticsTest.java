package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Every misuse of {@code @VendorScoped} and {@code @VendorId}: kind, message, line and column (as an
 * IDE shows them); and vendor-scoped hierarchies of both strategies,
 * which compile without a warning under -Xlint:all and key their subtype tables by the vendor too.
 */
class VendorDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";

    @Test
    void vendorScopedWithoutTenanted() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity",
                "@VendorScoped",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:1: " + Message.VENDOR_SCOPED_NOT_TENANTED.format("A", "A"));
        assertEquals(Compilation.Status.FAILURE, c.status());
    }

    @Test
    void vendorColumnNamedLikeTheTenantColumn() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "@VendorScoped(column = \"tenant_id\")",
                "public record A(@Id long id) {}"));
        // on the value of column, not just the annotation
        assertDiagnostics(c, "ERROR 4:24: " + Message.VENDOR_COLUMN_IS_TENANT_COLUMN.format("tenant_id", "A"));
    }

    @Test
    void vendorColumnNamedLikeACustomTenantColumn() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(column = \"org\")",
                "@VendorScoped(column = \"org\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:24: " + Message.VENDOR_COLUMN_IS_TENANT_COLUMN.format("org", "A"));
    }

    @Test
    void schemaPerTenantHasNoTenantColumnSoAnyVendorColumnNameIsItsOwn() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                "@VendorScoped(column = \"tenant_id\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c);
    }

    @Test
    void vendorColumnMappedAsAnOrdinaryField() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped",
                "public record A(",
                "    @Id long id,",
                "    @Column(name = \"vendor_id\") String seller) {}"));
        // on the name of @Column
        assertDiagnostics(c, "ERROR 6:20: " + Message.VENDOR_COLUMN_AS_FIELD.format("A.seller", "vendor_id", "A"));
    }

    @Test
    void vendorColumnByItsDefaultName() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped(column = \"store_id\")",
                "public record A(",
                "    @Id long id,",
                "    String storeId) {}"));
        assertDiagnostics(c, "ERROR 6:12: " + Message.VENDOR_COLUMN_AS_FIELD.format("A.storeId", "store_id", "A"));
    }

    @Test
    void vendorIdOnAnEntityThatIsNotVendorScoped() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(",
                "    @Id long id,",
                "    @VendorId String vendor) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.VENDOR_ID_NOT_VENDOR_SCOPED.format("A.vendor", "A"));
    }

    @Test
    void vendorIdOfAnotherTypeThanTheVendorColumns() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(columnType = Tenanted.ColumnType.UUID) @VendorScoped",
                "public record A(",
                "    @Id long id,",
                "    @VendorId String vendor) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.VENDOR_ID_TYPE.format("A.vendor", "java.lang.String", "uuid",
                "java.util.UUID", "java.util.UUID"));
    }

    @Test
    void vendorIdOfTheVendorColumnsTypeCompiles() {
        Compilation c = compile(Sources.source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(columnType = Tenanted.ColumnType.BIGINT) @VendorScoped",
                "public record A(",
                "    @Id long id,",
                "    @VendorId Long vendor) {}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void vendorScopedOnASubtype() {
        Compilation c = compile(Sources.source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    @VendorScoped record A(long id) implements P {}",
                "    record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.VENDOR_SCOPED_ON_SUBTYPE.format("A", "P"));
    }

    @Test
    void aTenantWideEntityReferencingAVendorScopedOne() {
        Compilation c = compile(Sources.source("t.Store", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped",
                "public record Store(@Id long id) {}"), Sources.source("t.Region", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Region(",
                "    @Id long id,",
                "    @References(Store.class) long hub) {}"));
        // on the value of @References (javac puts Store.class at its dot)
        assertDiagnostics(c, "ERROR 6:22: " + Message.REFERENCE_INTO_VENDOR.format("Region.hub", "Store", "Region",
                "Region"));
    }

    @Test
    void aVendorScopedEntityMayReferenceATenantWideOneAndAnotherVendorScopedOne() throws IOException {
        Compilation c = compile(Sources.source("t.Region", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Region(@Id long id) {}"), Sources.source("t.Store", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped",
                "public record Store(@Id long id, @References(Region.class) long region) {}"),
                Sources.source("t.Item", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped",
                "public record Item(@Id long id, @References(Store.class) long store) {}"));
        assertDiagnostics(c);
        String store = ddl(c, "t.Store");
        assertTrue(store.contains("PRIMARY KEY (tenant_id, vendor_id, id)"), store);
        // a tenant-wide target: the tenant only
        assertTrue(store.contains("FOREIGN KEY (tenant_id, region) REFERENCES region (tenant_id, id)"), store);
        String item = ddl(c, "t.Item");
        assertTrue(item.contains("FOREIGN KEY (tenant_id, vendor_id, store) REFERENCES store (tenant_id, vendor_id, id)"),
                item);
    }

    // ---- hierarchies -------------------------------------------------------------------------------

    private static String ddl(Compilation c, String entity) throws IOException {
        return c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/" + entity + ".sql")
                .orElseThrow(() -> new AssertionError("no DDL for " + entity + ": " + c.diagnostics()))
                .getCharContent(false).toString();
    }

    @Test
    void aJoinedVendorScopedHierarchyKeysItsSubtypeTablesByTheVendor() throws IOException {
        Compilation c = compile(Sources.source("t.Payment", "package t;", IMPORTS,
                "@Entity @Tenanted @VendorScoped @Audited @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface Payment permits Payment.Card, Payment.Wire {",
                "    @Id(generated = true) Long id();",
                "    @VendorId String vendor();",
                "    java.math.BigDecimal amount();",
                "    record Card(Long id, String vendor, java.math.BigDecimal amount, String token) implements Payment {}",
                "    record Wire(Long id, String vendor, java.math.BigDecimal amount, String iban) implements Payment {}",
                "}"));
        assertDiagnostics(c);     // under -Xlint:all -Werror: no warning in the generated code either
        assertEquals(Compilation.Status.SUCCESS, c.status());
        String ddl = ddl(c, "t.Payment");
        assertTrue(ddl.contains("PRIMARY KEY (tenant_id, vendor_id, id)"), ddl);
        for (String subtype : List.of("card", "wire")) {
            String table = tableOf(ddl, subtype);
            assertTrue(table.contains("tenant_id text NOT NULL"), table);
            assertTrue(table.contains("vendor_id text NOT NULL"), table);
            assertTrue(table.contains("PRIMARY KEY (tenant_id, vendor_id, id)"), table);
            assertTrue(table.contains("FOREIGN KEY (tenant_id, vendor_id, id) REFERENCES payment (tenant_id, vendor_id,"
                    + " id)"), table);
        }
        assertTrue(c.generatedSourceFile("t.Payment_CardDao").isPresent());
    }

    @Test
    void aSingleTableVendorScopedHierarchyHasOneTableKeyedByTheVendor() throws IOException {
        Compilation c = compile(Sources.source("t.Payment", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @VendorScoped(column = \"store_id\")",
                "@Polymorphic",
                "public sealed interface Payment permits Payment.Card, Payment.Wire {",
                "    @Id(generated = true) Long id();",
                "    java.math.BigDecimal amount();",
                "    record Card(Long id, java.math.BigDecimal amount, String token) implements Payment {}",
                "    record Wire(Long id, java.math.BigDecimal amount, String iban) implements Payment {}",
                "}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
        String ddl = ddl(c, "t.Payment");
        assertTrue(ddl.contains("store_id text NOT NULL"), ddl);
        assertTrue(ddl.contains("PRIMARY KEY (store_id, id)"), ddl);
        assertEquals(1, ddl.split("CREATE TABLE", -1).length - 1, ddl);
    }

    /** The CREATE TABLE statement of {@code table} in {@code ddl}, up to its end. */
    private static String tableOf(String ddl, String table) {
        int at = ddl.indexOf("CREATE TABLE IF NOT EXISTS " + table + " (");
        assertTrue(at >= 0, () -> "no table " + table + " in\n" + ddl);
        return ddl.substring(at, ddl.indexOf(");", at) + 2);
    }
}
