package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every misuse of @Polymorphic and @Subtype: message and line. */
class PolymorphicDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";

    @Test
    void aSealedInterfaceOfRecordsCompiles() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id(generated = true) long id();",
                "    String name();",
                "    record A(long id, String name, String a) implements P {}",
                "    @Subtype(\"bee\") record B(long id, String name, int b) implements P {}",
                "}"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void anAbstractClassWithListedSubtypesCompiles() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                "@Polymorphic(strategy = Polymorphic.Strategy.JOINED, subtypes = {A.class, B.class})",
                "public abstract class P {",
                "    @Id public long id;",
                "}"), source("t.A", "package t;", "public final class A extends P { public String a; }"),
                source("t.B", "package t;", "public final class B extends P { public Integer b; }"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void aSealedAbstractClassOfFinalClassesCompiles() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public abstract sealed class P permits P.A, P.B {",
                "    @Id(generated = true) public Long id;",
                "    @BeforeInsert void check() {}",
                "    public static final class A extends P { public String a; }",
                "    public static final class B extends P { public int b; }",
                "}"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void anEntityMayReferenceAHierarchy() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    record A(long id) implements P {}",
                "}"), source("t.Refund", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Refund(@Id long id, @References(P.class) long payment) {}"));
        assertEquals(List.of(), errors(c));
        String ddl = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t.Refund.sql")
                .orElseThrow().getCharContent(false).toString();
        assertEquals(true, ddl.contains("FOREIGN KEY (tenant_id, payment) REFERENCES p (tenant_id, id)"), ddl);
    }

    @Test
    void duplicateDiscriminatorValues() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    @Subtype(\"x\") record A(long id) implements P {}",
                "    @Subtype(\"x\") record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:14: " + Message.DUPLICATE_DISCRIMINATOR.format("x", "B", "A"));
    }

    @Test
    void aDefaultDiscriminatorCanCollideToo() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id) implements P {}",
                "    @Subtype(\"A\") record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:14: " + Message.DUPLICATE_DISCRIMINATOR.format("A", "B", "A"));
    }

    @Test
    void aSubtypeRedeclaringTheId() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id) implements P {}",
                "    record B(@Id long id,",
                "        String b) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:14: " + Message.SUBTYPE_REDECLARES_ID.format("B.id", "P"));
    }

    @Test
    void aClassSubtypeRedeclaringTheId() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(subtypes = A.class)",
                "public abstract class P {",
                "    @Id public long id;",
                "}"), source("t.A", "package t;", IMPORTS,
                "public final class A extends P {",
                "    @Id public long key;",
                "}"));
        assertDiagnostics(c, "ERROR 4:5: " + Message.SUBTYPE_REDECLARES_ID.format("A.key", "P"));
    }

    @Test
    void aStrategyOnASubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id) implements P {}",
                "    @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "    record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:5: " + Message.STRATEGY_ON_SUBTYPE.format("B", "P"));
    }

    @Test
    void twoSubtypesMappingOneColumnWithDifferentTypesInASingleTable() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id, String reference) implements P {}",
                "    record B(long id,",
                "        @Column(name = \"reference\") long ref) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 8:24: " + Message.SUBTYPE_COLUMN_TYPE.format("B.ref", "reference", "bigint", "A.reference", "text"));
    }

    @Test
    void twoSubtypesMayShareAColumnOfOneType() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id, String reference) implements P {}",
                "    record B(long id, String reference, int b) implements P {}",
                "}"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void aSubtypeTheProcessorCannotSee() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(subtypes = A.class)",
                "public abstract class P {",
                "    @Id public long id;",
                "}"), source("t.A", "package t;", "public final class A extends P {}"),
                source("t.B", "package t;",
                        "public final class B extends P {}"));
        assertDiagnostics(c, "ERROR 2:14: " + Message.SUBTYPE_NOT_LISTED.format("B", "P", "P"));
    }

    @Test
    void aListedTypeThatIsNoSubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(subtypes = {A.class, String.class})",
                "public abstract class P {",
                "    @Id public long id;",
                "}"), source("t.A", "package t;", "public final class A extends P {}"));
        assertDiagnostics(c, "ERROR 3:49: " + Message.NOT_A_SUBTYPE.format("String", "P"));
    }

    @Test
    void aRootWithoutSubtypes() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public abstract class P {",
                "    @Id public long id;",
                "}"));
        assertDiagnostics(c, "ERROR 3:9: " + Message.NO_SUBTYPES.format("P"));
    }

    @Test
    void aConcreteRoot() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public class P {",
                "    @Id public long id;",
                "}"));
        assertDiagnostics(c, "ERROR 3:9: " + Message.POLYMORPHIC_ROOT_SHAPE.format("P", "a concrete class"));
    }

    @Test
    void anInterfaceRootThatIsNotSealed() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public interface P {",
                "    @Id long id();",
                "}"));
        assertDiagnostics(c, "ERROR 3:9: " + Message.POLYMORPHIC_ROOT_SHAPE.format("P", "an interface that is not sealed"));
    }

    @Test
    void anAbstractSubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public abstract sealed class P permits P.A, P.B {",
                "    @Id public long id;",
                "    public static final class A extends P {}",
                "    public abstract static non-sealed class B extends P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:39: " + Message.SUBTYPE_SHAPE.format("B", "P"));
    }

    @Test
    void aSubtypeMarkedAsEntity() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    @Entity record A(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.SUBTYPE_IS_ENTITY.format("A", "P"));
    }

    @Test
    void polymorphicWithoutEntity() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Polymorphic",
                "public sealed interface P permits P.A {",
                "    record A(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 3:1: " + Message.POLYMORPHIC_NOT_ENTITY.format("P"));
    }

    @Test
    void aColumnNamedLikeTheDiscriminator() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    record A(long id,",
                "        String type) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:16: " + Message.DISCRIMINATOR_COLUMN_TAKEN.format("A.type", "type", "P"));
    }

    @Test
    void aColumnNamedLikeTheDiscriminatorInColumnIsReportedOnTheName() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    record A(long id,",
                "        @Column(name = \"type\") String kind) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:24: " + Message.DISCRIMINATOR_COLUMN_TAKEN.format("A.kind", "type", "P"));
    }

    @Test
    void anInvalidJoinedSubtypeTable() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    @Subtype(table = \"a-table\") record A(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:22: " + Message.INVALID_IDENTIFIER.format("a-table", "table"));
    }

    @Test
    void twoJoinedSubtypesWithOneTable() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    @Subtype(table = \"sub\") record A(long id) implements P {}",
                "    @Subtype(table = \"sub\") record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:22: " + Message.DUPLICATE_SUBTYPE_TABLE.format("sub", "B", "A"));
    }

    @Test
    void anInvalidDiscriminatorColumn() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic(discriminator = \"kind; drop table x\")",
                "public sealed interface P permits P.A {",
                "    @Id long id();",
                "    record A(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 3:38: " + Message.INVALID_IDENTIFIER.format("kind; drop table x", "discriminator column"));
    }

    @Test
    void aRootErrorIsReportedOnceNotOncePerSubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B, P.C {",
                "    @Id long id();",
                "    Object blob();",
                "    record A(long id, Object blob) implements P {}",
                "    record B(long id, Object blob) implements P {}",
                "    record C(long id, Object blob) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:12: " + Message.UNSUPPORTED_TYPE.format("P.blob", "java.lang.Object", dev.tenantdao.processor.model.ValueType.SUPPORTED));
    }

    @Test
    void everyRootPropertyErrorIsReportedOnceOnTheRoot() {
        // validated once by construction: Diagnostics filters nothing, so a second report would show
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public abstract sealed class P permits P.A, P.B {",
                "    @Id public long id;",
                "    @Column(nullable = true) public int count;",
                "    @TenantId public String tenant;",
                "    @Version public String version;",
                "    public static final class A extends P { public String a; }",
                "    public static final class B extends P { public String b; }",
                "}"));
        assertDiagnostics(c,
                "ERROR 7:5: " + Message.TENANT_ID_NOT_TENANTED.format("P.tenant", "P"),
                "ERROR 6:24: " + Message.NULLABLE_PRIMITIVE.format("P.count", "int", "Integer"),
                "ERROR 8:5: " + Message.VERSION_TYPE.format("P.version", "java.lang.String"));
    }

    @Test
    void aRootWithoutIdIsReportedOnceOnTheRoot() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    String name();",
                "    record A(String name) implements P {}",
                "    record B(String name) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 4:15: " + Message.NO_ID.format("P"));
    }

    @Test
    void aSubtypeThatCannotSetARootPropertyIsToldOnItself() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public abstract sealed class P permits P.A, P.B {",
                "    @Id public long id;",
                "    private String name;",
                "    public String getName() { return name; }",
                "    public static final class A extends P {}",
                "    public static final class B extends P {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 8:25: " + Message.NOT_WRITABLE.format("A.name", "setName", "java.lang.String"),
                "ERROR 9:25: " + Message.NOT_WRITABLE.format("B.name", "setName", "java.lang.String"));
    }

    @Test
    void aSubtypeColumnClashingWithTheRootsIsReportedOnTheSubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    String name();",
                "    record A(long id, String name, @Column(name = \"name\") String other) implements P {}",
                "    record B(long id, String name) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:51: " + Message.DUPLICATE_COLUMN.format("name", "P.name"));
    }

    @Test
    void hooksAndListenersOnASubtypeCompileAndRunAfterTheRoots() throws java.io.IOException {
        Compilation c = compile(source("t.L", "package t;",
                        "public class L implements dev.tenantdao.runtime.EntityListener<P> {}"),
                source("t.AL", "package t;",
                        "public class AL implements dev.tenantdao.runtime.EntityListener<P.A> {}"),
                source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic @Listeners(L.class)",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    @AfterLoad default void rootLoaded() {}",
                "    @BeforeInsert default P rootInserting() { return this; }",
                "    @Listeners(AL.class)",
                "    record A(long id) implements P {",
                "        @AfterLoad public void loaded() {}",
                "        @BeforeInsert public A inserting() { return this; }",
                "    }",
                "    record B(long id) implements P {}",
                "}"));
        assertEquals(List.of(), errors(c));
        String subtypeDao = c.generatedSourceFile("t.P_ADao").orElseThrow().getCharContent(false).toString();
        String rootDao = c.generatedSourceFile("t.PDao").orElseThrow().getCharContent(false).toString();
        // the subtype's DAO: the root's method, the root's listeners, then the subtype's own
        assertTrue(subtypeDao.contains("""
                        P.A hooked = a;
                        hooked = (P.A) hooked.rootInserting();
                        hooked = (P.A) l.beforeInsert(hooked);
                        hooked = hooked.inserting();
                        hooked = aL.beforeInsert(hooked);
                        return hooked;
                """), subtypeDao);
        // the root's DAO: a row of the subtype gets the subtype's load hooks after the root's
        assertTrue(rootDao.contains("""
                    private void afterLoad(P p) {
                        p.rootLoaded();
                        l.afterLoad(p);
                        if (p instanceof P.A a) {
                            a.loaded();
                            aL.afterLoad(a);
                        }
                    }
                """), rootDao);
    }

    @Test
    void aSubtypesHooksAreJudgedLikeAnyEntitys() {
        Compilation c = compile(source("t.Other", "package t;", "public record Other(long id) {}"),
                source("t.ForOther", "package t;",
                        "public class ForOther implements dev.tenantdao.runtime.EntityListener<Other> {}"),
                source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id) implements P {",
                "        @AfterLoad void loaded(String why) {}",
                "        @BeforeInsert void inserting() {}",
                "        @AfterDelete void deleted() {}",
                "        @AfterDelete void alsoDeleted() {}",
                "    }",
                "    @Listeners(ForOther.class)",
                "    record B(long id) implements P {",
                "        @AfterInsert private void inserted() {}",
                "    }",
                "}"));
        assertDiagnostics(c,
                "ERROR 7:39: " + Message.HOOK_SIGNATURE.format("AfterLoad", "loaded", "void"),
                "ERROR 8:28: " + Message.HOOK_SIGNATURE.format("BeforeInsert", "inserting",
                        "A (a record is changed by returning a new one)"),
                "ERROR 10:9: " + Message.HOOK_DUPLICATE.format("A", "AfterDelete", "deleted"),
                "ERROR 14:9: " + Message.HOOK_MODIFIERS.format("AfterInsert", "inserted"),
                "ERROR 12:24: " + Message.LISTENER_TYPE.format("ForOther", "t.Other", "B"));
    }

    @Test
    void aFallbackSubtypeCompilesAndLoadsEveryValueNoOtherSubtypeClaims() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(discriminator = \"kind\")",
                "public sealed interface P permits P.A, P.Other {",
                "    @Id(generated = true) long id();",
                "    record A(long id, String a) implements P {}",
                "    @Subtype(value = \"other\", fallback = true)",
                "    record Other(long id, @Column(name = \"kind\", insertable = false) String kind, String note)",
                "            implements P {}",
                "}"));
        assertEquals(List.of(), errors(c));
        String rootDao = c.generatedSourceFile("t.PDao").orElseThrow().getCharContent(false).toString();
        assertTrue(rootDao.contains("default:\n" + " ".repeat(20) + "return mapP_Other(rows);"), rootDao);
        String fallbackDao = c.generatedSourceFile("t.P_OtherDao").orElseThrow().getCharContent(false).toString();
        assertTrue(fallbackDao.contains("WHERE tenant_id = ? AND kind NOT IN ('A') \\"), fallbackDao);
        assertTrue(fallbackDao.contains("VALUES (?, 'other', ?) \\"), "its own inserts write its own value: " + fallbackDao);
    }

    @Test
    void aSecondFallbackAndAMisusedDiscriminatorView() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.A, P.B, P.C {",
                "    @Id long id();",
                "    @Subtype(fallback = true)",
                "    record A(long id, @Column(name = \"type\") String type) implements P {}",
                "    @Subtype(value = \"bee\", fallback = true)",
                "    record B(long id, int count) implements P {}",
                "    record C(long id, @Column(name = \"type\", insertable = false) String type) implements P {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 10:38: " + Message.DISCRIMINATOR_COLUMN_TAKEN.format("C.type", "type", "P"),
                "ERROR 7:23: " + Message.FALLBACK_DISCRIMINATOR.format("A.type", "type", "type"),
                "ERROR 8:40: " + Message.TWO_FALLBACKS.format("B", "P", "A"),
                "ERROR 9:27: " + Message.FALLBACK_PRIMITIVE.format("B.count", "int", "Integer"));
    }

    @Test
    void intermediateLevelsHaveNoValuesOfTheirOwnAndTheirHooksAreJudged() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface P permits P.L, P.C {",
                "    @Id long id();",
                "    @Subtype(\"level\")",
                "    sealed interface L extends P permits P.A {}",
                "    record A(long id) implements L {}",
                "    record C(long id) implements P {}",
                "}"), source("t.R", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public sealed interface R permits R.L {",
                "    @Id long id();",
                "    sealed interface L extends R permits R.A {",
                "        @BeforeInsert default void checked() {}",
                "    }",
                "    record A(long id) implements L {}",
                "}"), source("t.Q", "package t;", IMPORTS,
                "@Entity @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public abstract sealed class Q permits Q.M {",
                "    @Id public long id;",
                "    public abstract static sealed class M extends Q permits Q.B {",
                "        public String shared;",
                "        public static final int LIMIT = 3;",
                "        @Transient public String scratch;",
                "    }",
                "    public static final class B extends M {}",
                "}"));
        // (a field of a joined level, M.shared, is a column of the level's own table: no error)
        assertDiagnostics(c,
                "ERROR 6:14: " + Message.SUBTYPE_ON_LEVEL.format("L", "P",
                        "a level has no discriminator value of its own: its rows are those of its concrete subtypes"),
                "ERROR 7:36: " + Message.HOOK_SIGNATURE.format("BeforeInsert", "checked",
                        "L (a record is changed by returning a new one)"));
    }

    @Test
    void onlyAJoinedLevelWithFieldsNamesItsTable() {
        Compilation c = compile(source("t.S", "package t;", IMPORTS,
                "@Entity @Polymorphic",
                "public abstract sealed class S permits S.L {",
                "    @Id public long id;",
                "    @Subtype(table = \"l\")",
                "    public abstract static sealed class L extends S permits S.A { public String x; }",
                "    public static final class A extends L {}",
                "}"), source("t.J", "package t;", IMPORTS,
                "@Entity @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface J permits J.N, J.K {",
                "    @Id long id();",
                "    @Subtype(table = \"n\")",
                "    sealed interface N extends J permits J.A {}",
                "    @Subtype",
                "    sealed interface K extends J permits J.C { String k(); }",
                "    record A(long id) implements N {}",
                "    record C(long id, String k) implements K {}",
                "}"), source("t.D", "package t;", IMPORTS,
                "@Entity @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface D permits D.M {",
                "    @Id long id();",
                "    @Subtype(table = \"d\")",
                "    sealed interface M extends D permits D.B { String m(); }",
                "    record B(long id, String m) implements M {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 6:22: " + Message.SUBTYPE_ON_LEVEL.format("L", "S", "in a SINGLE_TABLE hierarchy a level has no"
                        + " table of its own: its fields are columns of the root's table"),
                "ERROR 6:22: " + Message.SUBTYPE_ON_LEVEL.format("N", "J",
                        "it maps no fields, so it has no table of its own to name"),
                "ERROR 8:5: " + Message.SUBTYPE_ON_LEVEL.format("K", "J",
                        "on a level it only names the level's table, @Subtype(table = ...)"),
                "ERROR 6:22: " + Message.DUPLICATE_SUBTYPE_TABLE.format("d", "M", "D"));
    }

    @Test
    void aSubtypeFieldHidingAFieldOfItsLevelOrRoot() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public abstract sealed class P permits P.L, P.C {",
                "    @Id public long id;",
                "    public String note;",
                "    public abstract static sealed class L extends P permits P.A { public String place; }",
                "    public static final class A extends L { public String place; }",
                "    public static final class C extends P { public String note; @Transient public String id; }",
                "}"));
        assertDiagnostics(c,
                "ERROR 8:59: " + Message.SUBTYPE_HIDES_FIELD.format("A", "place", "L"),
                "ERROR 9:59: " + Message.SUBTYPE_HIDES_FIELD.format("C", "note", "P"));
    }

    @Test
    void aLevelsDaoReadsItsSubtypesOnly() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.L, P.C {",
                "    @Id long id();",
                "    sealed interface L extends P permits P.A, P.B {}",
                "    record A(long id, String a) implements L {}",
                "    record B(long id, String b) implements L {}",
                "    record C(long id) implements P {}",
                "}"));
        assertEquals(List.of(), errors(c));
        String levelDao = c.generatedSourceFile("t.P_LDao").orElseThrow().getCharContent(false).toString();
        assertTrue(levelDao.contains("WHERE tenant_id = ? AND type IN ('A', 'B') \\"), levelDao);
        assertTrue(levelDao.contains("return aDao.insert(a);"), levelDao);
    }

    @Test
    void aJoinedLevelGroupsSubtypesAndItsDaoJoinsTheirTablesOnly() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public abstract sealed class P permits P.L, P.C {",
                "    @Id public long id;",
                "    public abstract static sealed class L extends P permits P.A, P.B {}",
                "    public static final class A extends L { public String a; }",
                "    public static final class B extends L { public String b; }",
                "    public static final class C extends P { public String c; }",
                "}"));
        assertEquals(List.of(), errors(c));
        String levelDao = c.generatedSourceFile("t.P_LDao").orElseThrow().getCharContent(false).toString();
        assertTrue(levelDao.contains("FROM p LEFT JOIN a ON a.tenant_id = ? AND a.id = p.id"
                + " LEFT JOIN b ON b.tenant_id = ? AND b.id = p.id \\\n"
                + "            WHERE p.tenant_id = ? AND p.type IN ('A', 'B') \\\n"), levelDao);
        assertFalse(levelDao.contains("LEFT JOIN c "), levelDao);
        assertTrue(levelDao.contains("return aDao.insert(a);"), levelDao);
    }

    @Test
    void anInterfaceLevelsAccessorsAreColumnsOfItsTableForClassAndRecordSubtypes() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface P permits P.L {",
                "    @Id long id();",
                "    sealed interface L extends P permits P.A, P.B {",
                "        @Column(name = \"place\", nullable = false) String room();",
                "    }",
                "    final class A implements L {",
                "        private long id;",
                "        private String room;",
                "        private int seats;",
                "        public long id() { return id; }",
                "        public void setId(long id) { this.id = id; }",
                "        public String room() { return room; }",
                "        public void setRoom(String room) { this.room = room; }",
                "        public int getSeats() { return seats; }",
                "        public void setSeats(int seats) { this.seats = seats; }",
                "    }",
                "    record B(long id, String room, String speaker) implements L {}",
                "}"));
        assertEquals(List.of(), errors(c));
        String a = c.generatedSourceFile("t.P_ADao").orElseThrow().getCharContent(false).toString();
        assertTrue(a.contains("SELECT p.id, l.place, a.seats \\\n"
                + "            FROM p JOIN l ON l.tenant_id = ? AND l.id = p.id JOIN a ON a.tenant_id = ? AND a.id = p.id \\\n"), a);
        assertTrue(a.contains("a.setRoom(rows.getString(2));"), a);
        String b = c.generatedSourceFile("t.P_BDao").orElseThrow().getCharContent(false).toString();
        assertTrue(b.contains("level1 AS (INSERT INTO l (tenant_id, id, place) \\\n"), b);
        assertTrue(b.contains("sub AS (INSERT INTO b (tenant_id, id, speaker) \\\n"), b);
        String level = c.generatedSourceFile("t.P_LDao").orElseThrow().getCharContent(false).toString();
        assertTrue(level.contains("SELECT p.id, p.type, l.place, a.seats, b.speaker \\\n"), level);
        assertTrue(level.contains("FROM p LEFT JOIN l ON l.tenant_id = ? AND l.id = p.id LEFT JOIN a ON"), level);
    }

    @Test
    void aFallbackBelowAJoinedLevelWidensItsRowsAndItsTableIsLeftJoined() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public abstract sealed class P permits P.L, P.C {",
                "    @Id public long id;",
                "    public abstract static sealed class L extends P permits P.A, P.Other {}",
                "    public static final class A extends L { public String a; }",
                "    @Subtype(fallback = true)",
                "    public static final class Other extends L { public String note; }",
                "    public static final class C extends P { public String c; }",
                "}"));
        assertEquals(List.of(), errors(c));
        String levelDao = c.generatedSourceFile("t.P_LDao").orElseThrow().getCharContent(false).toString();
        assertTrue(levelDao.contains("LEFT JOIN other ON other.tenant_id = ? AND other.id = p.id \\\n"
                + "            WHERE p.tenant_id = ? AND p.type NOT IN ('C') \\\n"), levelDao);
        assertTrue(levelDao.contains("default:\n" + " ".repeat(20) + "return mapP_Other(rows);"), levelDao);
    }

    @Test
    void anAbstractClassLevelsFieldsAreColumnsOfItsSubtypesAndAFallbackBelowALevelWidensIt() throws java.io.IOException {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public abstract sealed class P permits P.L, P.C {",
                "    @Id public long id;",
                "    public abstract static sealed class L extends P permits P.A, P.Other {",
                "        public String shared;",
                "    }",
                "    public static final class A extends L { public String a; }",
                "    @Subtype(fallback = true)",
                "    public static final class Other extends L {}",
                "    public static final class C extends P {}",
                "}"));
        assertEquals(List.of(), errors(c));
        String subtypeDao = c.generatedSourceFile("t.P_ADao").orElseThrow().getCharContent(false).toString();
        assertTrue(subtypeDao.contains("SELECT id, shared, a \\"), subtypeDao);
        String levelDao = c.generatedSourceFile("t.P_LDao").orElseThrow().getCharContent(false).toString();
        assertTrue(levelDao.contains("WHERE tenant_id = ? AND type NOT IN ('C') \\"), levelDao);
        assertTrue(levelDao.contains("default:\n" + " ".repeat(20) + "return mapP_Other(rows);"), levelDao);
    }

    @Test
    void aMappingAnnotationOnAGetterMeansNothing() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id public long id;",
                "    private String name;",
                "    @Column(name = \"full_name\") public String getName() { return name; }",
                "    public void setName(String name) { this.name = name; }",
                "}"));
        assertDiagnostics(c, "ERROR 7:5: " + Message.MAPPING_ON_METHOD.format("Column", "getName"));
    }

    @Test
    void recordComponentAnnotationsCopiedToAccessorsAreFine() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Column(name = \"full_name\") String name, @NotAudited String note) {}"));
        assertEquals(List.of(), errors(c));
    }
}
