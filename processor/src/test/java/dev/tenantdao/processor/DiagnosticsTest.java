package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every misuse the processor rejects: the exact message, on the exact line, every error of the
 * compilation (never just the first), and no DAO written for an entity with errors.
 */
class DiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";


    @Test
    void noId() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(String name) {}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.NO_ID.format("A"));
    }

    @Test
    void twoIds() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @Id long other) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.TWO_IDS.format("A", "id"));
    }

    @Test
    void unsupportedFieldType() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    Object payload) {}"));
        assertDiagnostics(c, "ERROR 6:12: " + Message.UNSUPPORTED_TYPE.format("A.payload", "java.lang.Object", ValueType.SUPPORTED));
    }

    @Test
    void tenantColumnMappedAsOrdinaryField() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(",
                "    @Id long id,",
                "    @Column(name = \"tenant_id\") String owner) {}"));
        assertDiagnostics(c, "ERROR 6:20: " + Message.TENANT_COLUMN_AS_FIELD.format("A.owner", "tenant_id", "A"));
    }

    @Test
    void tenantColumnByDefaultName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(",
                "    @Id long id,",
                "    String tenantId) {}"));
        assertDiagnostics(c, "ERROR 6:12: " + Message.TENANT_COLUMN_AS_FIELD.format("A.tenantId", "tenant_id", "A"));
    }

    @Test
    void innerClass() {
        Compilation c = compile(source("t.Outer", "package t;", IMPORTS,
                "public class Outer {",
                "    @Entity",
                "    public class A { @Id Long id; }",
                "}"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.ENTITY_INNER_CLASS.format("A"));
    }

    @Test
    void staticNestedClassIsFine() {
        Compilation c = compile(source("t.Outer", "package t;", IMPORTS,
                "public class Outer {",
                "    @Entity",
                "    public static class A { @Id Long id; }",
                "}"));
        assertEquals(List.of(), errors(c));
        assertTrue(c.generatedSourceFile("t.Outer_ADao").isPresent());
    }

    @Test
    void privateNestedClass() {
        Compilation c = compile(source("t.Outer", "package t;", IMPORTS,
                "public class Outer {",
                "    @Entity",
                "    private static class A { @Id Long id; }",
                "}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.ENTITY_PRIVATE.format("A", "t"));
    }

    @Test
    void abstractEntityWithoutStrategy() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public abstract class A { @Id Long id; }"));
        assertDiagnostics(c, "ERROR 4:17: " + Message.ENTITY_ABSTRACT.format("A"));
    }

    @Test
    void interfaceIsNotAnEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public interface A {}"));
        assertDiagnostics(c, "ERROR 3:1: " + Message.ENTITY_NOT_CLASS.format("interface", "A"));
    }

    @Test
    void genericEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A<T>(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:17: " + Message.ENTITY_GENERIC.format("A"));
    }

    @Test
    void noUsableConstructor() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id final Long id;",
                "    final String name;",
                "    public A(Long id) { this.id = id; this.name = null; }",
                "}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.NO_CONSTRUCTOR.format("A", "id, name"));
    }

    @Test
    void privateFieldWithoutAccessor() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    private String name;",
                "    public void setName(String name) { this.name = name; }",
                "}"));
        assertDiagnostics(c, "ERROR 6:20: " + Message.NOT_READABLE.format("A.name", "getName", "isName", "name"));
    }

    @Test
    void fieldWithoutSetter() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    private String name;",
                "    public String getName() { return name; }",
                "}"));
        assertDiagnostics(c, "ERROR 6:20: " + Message.NOT_WRITABLE.format("A.name", "setName", "java.lang.String"));
    }

    @Test
    void generatedIdOfUnsupportedType() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id(generated = true) String code) {}"));
        assertDiagnostics(c, "ERROR 4:33: " + Message.GENERATED_ID_TYPE.format("java.lang.String"));
    }

    @Test
    void nullablePrimitive() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @Column(nullable = true) int quantity) {}"));
        assertDiagnostics(c, "ERROR 6:24: " + Message.NULLABLE_PRIMITIVE.format("A.quantity", "int", "Integer"));
    }

    @Test
    void nullableId() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id @Column(nullable = true) Long id) {}"));
        assertDiagnostics(c, "ERROR 4:40: " + Message.NULLABLE_ID.format("A.id"));
    }

    @Test
    void tenantIdOnSharedEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @TenantId String tenant) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.TENANT_ID_NOT_TENANTED.format("A.tenant", "A"));
    }

    @Test
    void tenantIdOfWrongType() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted(columnType = Tenanted.ColumnType.UUID)",
                "public record A(",
                "    @Id long id,",
                "    @TenantId String tenant) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.TENANT_ID_TYPE.format("A.tenant", "java.lang.String", "UUID", "java.util.UUID",
                "java.util.UUID"));
        assertTrue(Message.TENANT_ID_TYPE.format("A.tenant", "java.lang.String", "UUID", "java.util.UUID",
                "java.util.UUID").contains("has type java.lang.String, but the tenant column is UUID"),
                "the message names both the field's type and the column's");
    }

    @Test
    void tenantIdOnId() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id @TenantId String id) {}"));
        assertDiagnostics(c, "ERROR 4:21: " + Message.TENANT_ID_ON_ID.format("A.id"));
    }

    @Test
    void twoTenantIds() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(",
                "    @Id long id,",
                "    @TenantId String tenant,",
                "    @TenantId String owner) {}"));
        assertDiagnostics(c, "ERROR 7:5: " + Message.TWO_TENANT_IDS.format("A", "tenant"));
    }

    @Test
    void tenantIdWithoutTenantColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "@Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                "public record A(",
                "    @Id long id,",
                "    @TenantId String tenant) {}"));
        assertDiagnostics(c, "ERROR 7:5: " + Message.TENANT_ID_NEEDS_ROW.format("A.tenant", "A", "SCHEMA"));
    }

    @Test
    void referenceToANonEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @References(String.class) long other) {}"));
        assertDiagnostics(c, "ERROR 6:23: " + Message.REFERENCE_NOT_ENTITY.format("String", "A.other", "String"));
    }

    @Test
    void referenceOfTheWrongType() {
        Compilation c = compile(
                source("t.B", "package t;", IMPORTS, "@Entity", "public record B(@Id java.util.UUID id) {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public record A(",
                        "    @Id long id,",
                        "    @References(B.class) long b) {}"));
        assertDiagnostics(c, "ERROR 6:31: " + Message.REFERENCE_TYPE.format("A.b", "long", "B", "uuid"));
    }

    @Test
    void sharedRowCannotReferenceATenantsRow() {
        Compilation c = compile(
                source("t.B", "package t;", IMPORTS, "@Entity @Tenanted", "public record B(@Id long id) {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public record A(",
                        "    @Id long id,",
                        "    @References(B.class) long b) {}"));
        assertDiagnostics(c, "ERROR 6:18: " + Message.REFERENCE_FROM_SHARED.format("A.b", "B", "A"));
    }

    @Test
    void referenceAcrossTenancyStrategiesOrKeyTypes() {
        Compilation c = compile(
                source("t.B", "package t;", IMPORTS, "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                        "public record B(@Id long id) {}"),
                source("t.C", "package t;", IMPORTS, "@Entity @Tenanted(columnType = Tenanted.ColumnType.UUID)",
                        "public record C(@Id long id) {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Tenanted",
                        "public record A(",
                        "    @Id long id,",
                        "    @References(B.class) long b,",
                        "    @References(C.class) long c) {}"));
        assertDiagnostics(c,
                "ERROR 6:18: " + Message.REFERENCE_ACROSS_TENANCY.format("A.b", "B", "SCHEMA", "A", "ROW (tenant_id text)"),
                "ERROR 7:18: " + Message.REFERENCE_ACROSS_TENANCY.format("A.c", "C", "ROW (tenant_id uuid)", "A",
                        "ROW (tenant_id text)"));
    }

    @Test
    void duplicateColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    String vatId,",
                "    @Column(name = \"vat_id\") String other) {}"));
        assertDiagnostics(c, "ERROR 7:20: " + Message.DUPLICATE_COLUMN.format("vat_id", "A.vatId"));
    }

    @Test
    void invalidTableName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity(table = \"invoice; drop table x\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 3:17: " + Message.INVALID_IDENTIFIER.format("invoice; drop table x", "table"));
    }

    @Test
    void invalidColumnName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @Column(name = \"1st\") String first) {}"));
        assertDiagnostics(c, "ERROR 6:20: " + Message.INVALID_IDENTIFIER.format("1st", "column"));
    }

    @Test
    void invalidTenantColumnName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "@Tenanted(column = \"tenant id\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:20: " + Message.INVALID_IDENTIFIER.format("tenant id", "tenant column"));
    }

    @Test
    void transientRecordComponent() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id long id,",
                "    @Transient String cache) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.TRANSIENT_RECORD_COMPONENT.format("cache"));
    }

    @Test
    void everyErrorOfEveryEntityIsReported() {
        Compilation c = compile(
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Tenanted",
                        "public record A(",
                        "    Object payload,",
                        "    @Column(nullable = true) int quantity) {}"),
                source("t.B", "package t;", IMPORTS,
                        "@Entity",
                        "public record B(@Id(generated = true) String code) {}"));
        assertDiagnostics(c,
                "ERROR 4:8: " + Message.NO_ID.format("A"),
                "ERROR 5:12: " + Message.UNSUPPORTED_TYPE.format("A.payload", "java.lang.Object", ValueType.SUPPORTED),
                "ERROR 6:24: " + Message.NULLABLE_PRIMITIVE.format("A.quantity", "int", "Integer"),
                "ERROR 4:33: " + Message.GENERATED_ID_TYPE.format("java.lang.String"));
    }

    @Test
    void validEntityNextToInvalidOneStillGetsItsDao() {
        // C compiles only if BDao was generated; A's DAO is not written, so ADao would not resolve
        Compilation c = compile(
                source("t.A", "package t;", IMPORTS, "@Entity", "public record A(String name) {}"),
                source("t.B", "package t;", IMPORTS, "@Entity", "public record B(@Id long id) {}"),
                source("t.C", "package t;", "class C { BDao b; }"));
        assertEquals(List.of("ERROR 4:8: " + Message.NO_ID.format("A")), errors(c));
    }

    @Test
    void packageLevelTenancyApplies() throws java.io.IOException {
        Compilation c = compile(
                source("t.package-info", "@Tenanted(columnType = Tenanted.ColumnType.BIGINT)", "package t;",
                        "import dev.tenantdao.annotations.Tenanted;"),
                source("t.A", "package t;", IMPORTS, "@Entity", "public record A(@Id long id, @TenantId Long org) {}"));
        assertEquals(List.of(), errors(c));
        String dao = c.generatedSourceFile("t.ADao").orElseThrow().getCharContent(false).toString();
        assertTrue(dao.contains("Long tenantKey = TenantKeys.bigint(tenant);"), dao);
        assertTrue(dao.contains("WHERE tenant_id = ? AND id = ?"), dao);
    }
}
