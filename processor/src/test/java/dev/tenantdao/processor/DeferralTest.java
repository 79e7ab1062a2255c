package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An entity that depends on a type another annotation processor generates is deferred to the round
 * after the type exists, whatever the dependency: a field's type, a converter, a listener, a
 * referenced entity, a supertype, a subtype of a hierarchy. Only a type that never comes is reported.
 */
class DeferralTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";

    /** Another annotation processor: writes its sources in the first round, as a code generator would. */
    private static final class Generator extends AbstractProcessor {

        private final Map<String, String> sources = new LinkedHashMap<>();
        private boolean done;

        /** @param sources qualified name, then its source text, and so on */
        Generator(String... sources) {
            for (int i = 0; i < sources.length; i += 2) {
                this.sources.put(sources[i], sources[i + 1]);
            }
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            for (Map.Entry<String, String> source : sources.entrySet()) {
                try (Writer writer = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
                    writer.write(source.getValue());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return false;
        }
    }

    private static Compilation compile(Generator generator, JavaFileObject... sources) {
        // first: a processor claiming every tenantdao annotation would hide them from one after it
        return Sources.compile(List.of(generator, new TenantDaoProcessor()), List.of(), sources);
    }

    private static String dao(Compilation compilation, String name) throws IOException {
        return compilation.generatedSourceFile(name).orElseThrow().getCharContent(false).toString();
    }

    private static final String MONEY = "package t; public record Money(java.math.BigDecimal amount) {}";
    private static final String MONEY_CONVERTER = "package t;"
            + " public class MoneyConverter implements dev.tenantdao.runtime.Converter<Money, java.math.BigDecimal> {"
            + "   public java.math.BigDecimal toDatabase(Money m) { return m.amount(); }"
            + "   public Money fromDatabase(java.math.BigDecimal d) { return new Money(d); }"
            + " }";

    @Test
    void aGeneratedFieldTypeAndConverter() throws IOException {
        Compilation c = compile(new Generator("t.Money", MONEY, "t.MoneyConverter", MONEY_CONVERTER),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public record A(@Id long id, @Convert(MoneyConverter.class) Money price) {}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
        assertTrue(dao(c, "t.ADao").contains("MoneyConverter"));
    }

    @Test
    void aGeneratedConverterRegisteredOnTheEntity() throws IOException {
        Compilation c = compile(new Generator("t.MoneyConverter", MONEY_CONVERTER),
                source("t.Money", MONEY),
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Converters(MoneyConverter.class)",
                        "public record A(@Id long id, Money price) {}"));
        assertDiagnostics(c);
        assertTrue(dao(c, "t.ADao").contains("MoneyConverter"));
    }

    @Test
    void aGeneratedConverterRegisteredOnThePackage() throws IOException {
        Compilation c = compile(new Generator("t.MoneyConverter", MONEY_CONVERTER),
                source("t.Money", MONEY),
                source("t.package-info", "@Converters(MoneyConverter.class)", "package t;", IMPORTS),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public record A(@Id long id, Money price) {}"));
        assertDiagnostics(c);
        assertTrue(dao(c, "t.ADao").contains("MoneyConverter"));
    }

    @Test
    void aGeneratedListener() throws IOException {
        Compilation c = compile(new Generator("t.Stamp", "package t;"
                        + " public class Stamp implements dev.tenantdao.runtime.EntityListener<A> {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Listeners(Stamp.class)",
                        "public record A(@Id long id) {}"));
        assertDiagnostics(c);
        assertTrue(dao(c, "t.ADao").contains("Stamp"));
    }

    @Test
    void aGeneratedReferencedEntity() throws IOException {
        Compilation c = compile(new Generator("t.B", "package t; import dev.tenantdao.annotations.*;"
                        + " @Entity @Tenanted public record B(@Id long id) {}"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity @Tenanted",
                        "public record A(@Id long id, @References(B.class) long b) {}"));
        assertDiagnostics(c);
        assertTrue(c.generatedSourceFile("t.BDao").isPresent());
        String ddl = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t.A.sql")
                .orElseThrow().getCharContent(false).toString();
        assertTrue(ddl.contains("REFERENCES b (tenant_id, id)"), ddl);
    }

    @Test
    void aGeneratedSuperclass() throws IOException {
        Compilation c = compile(new Generator("t.Base", "package t; public abstract class Base {"
                        + " private String name; public String getName() { return name; }"
                        + " public void setName(String name) { this.name = name; } }"),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public class A extends Base {",
                        "    @Id public Long id;",
                        "}"));
        assertDiagnostics(c);
        assertTrue(c.generatedSourceFile("t.ADao").isPresent());
    }

    @Test
    void aGeneratedSubtypeAndAGeneratedInterfaceOfASubtype() throws IOException {
        Compilation c = compile(new Generator(
                        "t.B", "package t; public final class B extends P { public String b; }",
                        "t.Named", "package t; public interface Named {}"),
                source("t.P", "package t;", IMPORTS,
                        "@Entity @Polymorphic(subtypes = {A.class, B.class})",
                        "public abstract class P {",
                        "    @Id public long id;",
                        "}"),
                source("t.A", "package t;", "public final class A extends P implements Named { public String a; }"));
        assertDiagnostics(c);
        assertTrue(c.generatedSourceFile("t.PDao").isPresent());
        assertTrue(c.generatedSourceFile("t.BDao").isPresent());
    }

    @Test
    void aTypeThatNeverComesIsReportedWhereItIsNamed() {
        Compilation c = compile(new Generator(),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public record A(@Id long id,",
                        "    @Convert(Missing.class) String name) {}"));
        // javac's own "cannot find symbol" (at 5:14), then ours on the annotation value (javac puts a
        // class literal's position at its dot)
        assertEquals(Compilation.Status.FAILURE, c.status());
        assertEquals(2, Sources.errors(c).size(), Sources.errors(c).toString());
        assertTrue(Sources.errors(c).get(0).startsWith("ERROR 5:14: cannot find symbol"), Sources.errors(c).toString());
        assertEquals("ERROR 5:21: " + Message.UNRESOLVED_TYPE.format("A", "Missing"), Sources.errors(c).get(1));
    }

    @Test
    void aSupertypeOrFieldTypeThatNeverComesIsReportedOnTheTypeOrField() {
        Compilation c = compile(new Generator(),
                source("t.A", "package t;", IMPORTS,
                        "@Entity",
                        "public class A extends Base {",
                        "    @Id public Long id;",
                        "    public java.util.List<Gone> gone;",
                        "}"));
        List<String> ours = Sources.errors(c).stream().filter(e -> !e.contains("cannot find symbol")).toList();
        assertEquals(List.of(
                "ERROR 4:8: " + Message.UNRESOLVED_TYPE.format("A", "Base"),
                "ERROR 6:33: " + Message.UNRESOLVED_TYPE.format("A", "java.util.List<Gone>")), ours);
    }
}
