package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Every misuse of @PartitionedByTenant: message, line and column. */
class PartitionDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";

    @Test
    void aPartitionedRowEntityCompilesAndItsDdlNamesEachPartition() throws java.io.IOException {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @PartitionedByTenant(hash = 3)",
                "public record A(@Id long id, String name) {}"));
        assertEquals(List.of(), errors(c));
        String ddl = c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t.A.sql").orElseThrow()
                .getCharContent(false).toString();
        assertTrue(ddl.contains(") PARTITION BY HASH (tenant_id);\n"
                + "CREATE TABLE IF NOT EXISTS a_p0 PARTITION OF a FOR VALUES WITH (MODULUS 3, REMAINDER 0);\n"
                + "CREATE TABLE IF NOT EXISTS a_p1 PARTITION OF a FOR VALUES WITH (MODULUS 3, REMAINDER 1);\n"
                + "CREATE TABLE IF NOT EXISTS a_p2 PARTITION OF a FOR VALUES WITH (MODULUS 3, REMAINDER 2);\n"), ddl);
        assertTrue(ddl.contains("ALTER TABLE a_p2 FORCE ROW LEVEL SECURITY;\n"), ddl);
    }

    @Test
    void onANonEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@PartitionedByTenant",
                "public record A(long id) {}"));
        assertDiagnostics(c, "ERROR 3:1: " + Message.PARTITIONED_NOT_ENTITY.format("A"));
    }

    @Test
    void onASchemaPerTenantEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                "  @PartitionedByTenant(hash = 8)",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:3: " + Message.PARTITIONED_NOT_ROW.format("A", "tenanted per SCHEMA"));
    }

    @Test
    void onADatabasePerTenantEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.DATABASE) @PartitionedByTenant",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 3:58: " + Message.PARTITIONED_NOT_ROW.format("A", "tenanted per DATABASE"));
    }

    @Test
    void onASharedEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @PartitionedByTenant",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 3:9: " + Message.PARTITIONED_NOT_ROW.format("A", "not @Tenanted"));
    }

    @Test
    void aPartitionCountOutOfRangeIsReportedOnTheValue() {
        Compilation one = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @PartitionedByTenant(hash = 1)",
                "public record A(@Id long id) {}"));
        assertDiagnostics(one, "ERROR 3:47: " + Message.PARTITION_COUNT.format(1, "A", 1024));
        Compilation many = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "@PartitionedByTenant(hash = 5000)",
                "public record A(@Id long id) {}"));
        assertDiagnostics(many, "ERROR 4:29: " + Message.PARTITION_COUNT.format(5000, "A", 1024));
    }

    @Test
    void aTableNameWithoutRoomForThePartitionSuffix() {
        String table = "t".repeat(60);
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity(table = \"" + table + "\") @Tenanted",
                "@PartitionedByTenant(hash = 16)",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:1: " + Message.PARTITION_NAME_TOO_LONG.format(table, "A", table + "_p15"));
    }

    @Test
    void onASubtypeOfAHierarchy() {
        Compilation c = compile(source("t.Shape", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface Shape permits Shape.Circle, Shape.Square {",
                "    @Id long id();",
                "    @PartitionedByTenant(hash = 4)",
                "    record Circle(long id, double radius) implements Shape {}",
                "    record Square(long id, double side) implements Shape {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.PARTITIONED_ON_SUBTYPE.format("Circle", "Shape"));
    }
}
