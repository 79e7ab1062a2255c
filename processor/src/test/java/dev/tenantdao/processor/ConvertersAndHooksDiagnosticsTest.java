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
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every misuse of converters, column types, hooks and listeners: message and line. */
class ConvertersAndHooksDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import dev.tenantdao.runtime.*;";

    private static final JavaFileObject MONEY = source("t.Money", "package t;",
            "public record Money(java.math.BigDecimal amount) {}");
    private static final JavaFileObject MONEY_CONVERTER = source("t.MoneyConverter", "package t;",
            "import dev.tenantdao.runtime.Converter;",
            "public class MoneyConverter implements Converter<Money, java.math.BigDecimal> {",
            "    public java.math.BigDecimal toDatabase(Money m) { return m.amount(); }",
            "    public Money fromDatabase(java.math.BigDecimal d) { return new Money(d); }",
            "}");


    @Test
    void convertedFieldsCompile() {
        Compilation c = compile(MONEY, MONEY_CONVERTER, source("t.A", "package t;", IMPORTS,
                "@Entity @Converters(MoneyConverter.class)",
                "public record A(@Id long id, Money price, @Convert(MoneyConverter.class) Money other) {}"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void aRawConverterOrListenerIsAnErrorNotACrash() {
        Compilation c = compile(MONEY,
                source("t.RawConverter", "package t;",
                        "@SuppressWarnings(\"rawtypes\")",
                        "public class RawConverter implements dev.tenantdao.runtime.Converter {",
                        "    public Object toDatabase(Object value) { return value; }",
                        "    public Object fromDatabase(Object value) { return value; }",
                        "}"),
                source("t.RawListener", "package t;",
                        "@SuppressWarnings(\"rawtypes\")",
                        "public class RawListener implements dev.tenantdao.runtime.EntityListener {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Listeners(RawListener.class)",
                        "public record A(@Id long id,",
                        "    @Convert(RawConverter.class) Money price) {}"));
        assertDiagnostics(c,
                "ERROR 5:26: " + Message.NOT_A_CONVERTER.format("RawConverter"),
                "ERROR 3:31: " + Message.NOT_A_LISTENER.format("RawListener"));
    }

    @Test
    void notAConverter() {
        Compilation c = compile(MONEY, source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Convert(String.class) Money price) {}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.NOT_A_CONVERTER.format("String"));
    }

    @Test
    void converterOfAnotherType() {
        Compilation c = compile(MONEY, MONEY_CONVERTER, source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Convert(MoneyConverter.class) String price) {}"));
        assertDiagnostics(c, "ERROR 5:28: " + Message.CONVERTER_TYPE.format("MoneyConverter", "t.Money", "A.price",
                "java.lang.String"));
    }

    @Test
    void converterToAnUnstorableType() {
        Compilation c = compile(MONEY, source("t.C", "package t;",
                "public class C implements dev.tenantdao.runtime.Converter<Money, Object> {",
                "    public Object toDatabase(Money m) { return m; }",
                "    public Money fromDatabase(Object o) { return (Money) o; }",
                "}"), source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Convert(C.class) Money price) {}"));
        assertDiagnostics(c, "ERROR 5:15: " + Message.CONVERTER_COLUMN_TYPE.format("C", "java.lang.Object", ValueType.SUPPORTED));
    }

    @Test
    void converterThatCannotBeCreated() {
        Compilation c = compile(MONEY, source("t.C", "package t;",
                "public class C implements dev.tenantdao.runtime.Converter<Money, String> {",
                "    private C() {}",
                "    public String toDatabase(Money m) { return m.toString(); }",
                "    public Money fromDatabase(String s) { return null; }",
                "}"), source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Convert(C.class) Money price) {}"));
        assertDiagnostics(c, "ERROR 5:15: " + Message.CONVERTER_NOT_INSTANTIABLE.format("C"));
    }

    @Test
    void converterOnTheId() {
        Compilation c = compile(MONEY, MONEY_CONVERTER, source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(",
                "    @Id @Convert(MoneyConverter.class) Money id) {}"));
        assertDiagnostics(c, "ERROR 5:9: " + Message.CONVERTER_ON_ID.format("A.id"));
    }

    @Test
    void customTypeOnANonTextColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Column(type = \"jsonb\") int count) {}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.CUSTOM_TYPE_NEEDS_TEXT.format("jsonb", "A.count", "int"));
    }

    @Test
    void enumInABuiltInTypeThatCannotHoldNames() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Column(type = \"integer\") Size size,",
                "    @Column(type = \"timestamp with time zone\") Size since) {",
                "    public enum Size { S, M }",
                "}"));
        assertDiagnostics(c,
                "ERROR 5:20: " + Message.ENUM_IN_BUILT_IN_TYPE.format("integer", "A.size", "t.A.Size"),
                "ERROR 6:20: " + Message.ENUM_IN_BUILT_IN_TYPE.format("timestamp with time zone", "A.since", "t.A.Size"));
    }

    @Test
    void customTypeThatIsNotATypeName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Column(type = \"jsonb); drop table a; --\") String doc) {}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.INVALID_SQL_TYPE.format("jsonb); drop table a; --"));
    }

    private static final JavaFileObject LONG_CONVERTER = source("t.LongConverter", "package t;",
            "import dev.tenantdao.runtime.Converter;",
            "public class LongConverter implements Converter<Long, String> {",
            "    public String toDatabase(Long n) { return \"#\" + n; }",
            "    public Long fromDatabase(String d) { return Long.valueOf(d.substring(1)); }",
            "}");

    @Test
    void aTypeWideConverterSkipsTheIdAndTheVersion() throws java.io.IOException {
        Compilation c = compile(LONG_CONVERTER, source("t.A", "package t;", IMPORTS,
                "@Entity @Converters(LongConverter.class)",
                "public record A(@Id Long id,",
                "    @Version Long version,",
                "    Long amount) {}"));
        assertEquals(java.util.List.of(), errors(c), "a converter registered for Long means the other Long values");
        String dao = c.generatedSourceFile("t.ADao").orElseThrow().getCharContent(false).toString();
        assertTrue(dao.contains("Conversions.toDatabase(LONG_CONVERTER, a.amount()"), dao);
        assertTrue(!dao.contains("LONG_CONVERTER, a.id()") && !dao.contains("LONG_CONVERTER, a.version()"), dao);
    }

    @Test
    void aVersionWithItsOwnConverterSaysWhy() {
        Compilation c = compile(LONG_CONVERTER, source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Version @Convert(LongConverter.class) Long version) {}"));
        assertDiagnostics(c, "ERROR 5:14: " + Message.VERSION_CONVERTER.format("A.version", "t.LongConverter"));
    }

    @Test
    void notInsertableNotNullWithoutDefault() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Column(insertable = false, nullable = false) String code) {}"));
        assertDiagnostics(c, "ERROR 5:26: " + Message.NOT_INSERTABLE_WITHOUT_DEFAULT.format("A.code"));
    }

    @Test
    void defaultAndGenerated() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Column(defaultSql = \"0\", generatedAs = \"id * 2\") Long twice) {}"));
        assertDiagnostics(c, "ERROR 5:45: " + Message.DEFAULT_AND_GENERATED.format("A.twice"));
    }

    @Test
    void listOfUnsupportedElements() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    java.util.List<Object> things) {}"));
        assertDiagnostics(c, "ERROR 5:28: " + Message.UNSUPPORTED_TYPE.format("A.things", "java.util.List<java.lang.Object>",
                ValueType.SUPPORTED));
    }

    @Test
    void hookOutsideAnEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "public class A {",
                "    @BeforeInsert void stamp() {}",
                "}"));
        assertDiagnostics(c, "ERROR 4:5: " + Message.HOOK_NOT_IN_ENTITY.format("BeforeInsert", "stamp", "A"));
    }

    @Test
    void privateOrStaticHooks() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    @AfterLoad private void loaded() {}",
                "    @AfterInsert static void inserted() {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 6:5: " + Message.HOOK_MODIFIERS.format("AfterLoad", "loaded"),
                "ERROR 7:5: " + Message.HOOK_MODIFIERS.format("AfterInsert", "inserted"));
    }

    @Test
    void hookSignatures() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    @BeforeInsert A stamp() { return this; }",
                "    @AfterUpdate void updated(String why) {}",
                "}"), source("t.R", "package t;", IMPORTS,
                "@Entity",
                "public record R(@Id long id) {",
                "    @BeforeUpdate void touch() {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 6:21: " + Message.HOOK_SIGNATURE.format("BeforeInsert", "stamp", "void"),
                "ERROR 7:38: " + Message.HOOK_SIGNATURE.format("AfterUpdate", "updated", "void"),
                "ERROR 5:24: " + Message.HOOK_SIGNATURE.format("BeforeUpdate", "touch",
                        "R (a record is changed by returning a new one)"));
    }

    @Test
    void hookWithCheckedException() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    @AfterDelete void deleted() throws java.io.IOException {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.HOOK_THROWS.format("AfterDelete", "deleted", "java.io.IOException"));
    }

    @Test
    void twoHooksOfOneKind() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public class A {",
                "    @Id Long id;",
                "    @BeforeDelete void first() {}",
                "    @BeforeDelete void second() {}",
                "}"));
        assertDiagnostics(c, "ERROR 7:5: " + Message.HOOK_DUPLICATE.format("A", "BeforeDelete", "first"));
    }

    @Test
    void listeners() {
        Compilation c = compile(
                source("t.NotListener", "package t;", "public class NotListener {}"),
                source("t.Other", "package t;", "public record Other(long id) {}"),
                source("t.ForOther", "package t;",
                        "public class ForOther implements dev.tenantdao.runtime.EntityListener<Other> {}"),
                source("t.Hidden", "package t;",
                        "public class Hidden implements dev.tenantdao.runtime.EntityListener<Object> {",
                        "    Hidden(int x) {}",
                        "}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "@Listeners({NotListener.class, ForOther.class, Hidden.class})",
                        "public record A(@Id long id) {}"));
        assertDiagnostics(c,
                "ERROR 4:24: " + Message.NOT_A_LISTENER.format("NotListener"),
                "ERROR 4:40: " + Message.LISTENER_TYPE.format("ForOther", "t.Other", "A"),
                "ERROR 4:54: " + Message.LISTENER_NOT_INSTANTIABLE.format("Hidden"));
    }
}
