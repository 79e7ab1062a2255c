package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compileWithOptions;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -Atenantdao.componentModel}: {@code cdi} makes every generated class an {@code @ApplicationScoped},
 * proxyable CDI bean (golden files of a DAO and a repository implementation, compiled without warnings
 * under {@code -Xlint:all -Werror}, hierarchies and listeners included); an unknown value is an error.
 */
class ComponentModelTest {

    private static Compilation cdi;

    @BeforeAll
    static void compileWithCdi() {
        cdi = compileWithOptions(List.of("-Atenantdao.componentModel=cdi"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoice.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Customer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Country.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Payment.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Subscription.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Plan.java"),
                JavaFileObjects.forResource("entities/com/example/billing/PlanConverter.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Cents.java"),
                JavaFileObjects.forResource("entities/com/example/billing/CentsConverter.java"),
                JavaFileObjects.forResource("entities/com/example/billing/SubscriptionListener.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoices.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Subscriptions.java"));
        assertEquals(List.of(), Sources.diagnostics(cdi), () -> cdi.diagnostics().toString());
        assertEquals(Compilation.Status.SUCCESS, cdi.status());
    }

    private static String generated(Compilation compilation, String type) throws IOException {
        return compilation.generatedSourceFile("com.example.billing." + type).orElseThrow()
                .getCharContent(false).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvoiceDao", "InvoicesImpl"})
    void cdiGoldenFiles(String type) throws IOException {
        GoldenFilesTest.assertGolden("cdi/" + type + ".java", generated(cdi, type));
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvoiceDao", "CustomerDao", "PaymentDao", "Payment_CardDao", "SubscriptionDao",
            "InvoicesImpl", "SubscriptionsImpl"})
    void everyGeneratedClassIsAnApplicationScopedProxyableBean(String type) throws IOException {
        String source = generated(cdi, type);
        assertTrue(source.contains("@ApplicationScoped\npublic class " + type + " "), source);
        assertTrue(source.contains("    @Inject\n    public " + type + "(Database database) {"), source);
        assertTrue(source.contains("    protected " + type + "() {"), source);
        assertTrue(!source.contains(" final " + type) && !source.matches("(?s).*\\n    (public |protected )?final \\w.*\\(.*"),
                "no final class or method: " + source);
    }

    @Test
    void jsr330IsTheDefaultsOutput() throws IOException {
        Compilation plain = compileWithOptions(List.of("-Atenantdao.componentModel=jsr330"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoice.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Customer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Country.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoices.java"));
        assertEquals(List.of(), Sources.diagnostics(plain));
        GoldenFilesTest.assertGolden("InvoiceDao.java", generated(plain, "InvoiceDao"));
        GoldenFilesTest.assertGolden("InvoicesImpl.java", generated(plain, "InvoicesImpl"));
    }

    /**
     * Without the option, every generated class can be replaced in a user's unit test: not final, no
     * final method, a protected no-argument constructor beside the {@code @Inject} one, and no CDI
     * annotation.
     */
    @ParameterizedTest
    @ValueSource(strings = {"InvoiceDao", "CustomerDao", "InvoicesImpl"})
    void byDefaultEveryGeneratedClassCanBeSubclassedByATestDouble(String type) throws IOException {
        Compilation plain = compileWithOptions(List.of(),
                JavaFileObjects.forResource("entities/com/example/billing/Invoice.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Customer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Country.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoices.java"));
        assertEquals(List.of(), Sources.diagnostics(plain));
        String source = generated(plain, type);
        assertTrue(source.contains("\npublic class " + type + " "), source);
        assertTrue(source.contains("    @Inject\n    public " + type + "(Database database) {"), source);
        assertTrue(source.contains("    protected " + type + "() {"), source);
        assertTrue(source.contains("For proxies and test doubles only"), source);
        assertTrue(!source.contains("ApplicationScoped"), source);
        assertTrue(!source.contains(" final " + type) && !source.matches("(?s).*\\n    (public |protected )?final \\w.*\\(.*"),
                "no final class or method: " + source);
    }

    private static final JavaFileObject ENTITY = source("t.A",
            "package t;",
            "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted",
            "public record A(@Id long id) {}");

    @Test
    void anUnknownValueIsAnErrorOnTheFirstEntityAndNothingIsGenerated() {
        Compilation c = compileWithOptions(List.of("-Atenantdao.componentModel=spring"), ENTITY,
                source("t.B", "package t;", "import dev.tenantdao.annotations.*;", "", "@Entity", "record B(@Id long id) {}"));
        Sources.assertDiagnostics(c, "ERROR 4:8: " + Message.COMPONENT_MODEL_UNKNOWN.format("spring", "jsr330, cdi"));
    }

    @Test
    void valuesAreCaseSensitiveAsMapStructs() {
        Compilation c = compileWithOptions(List.of("-Atenantdao.componentModel=CDI"), ENTITY);
        Sources.assertDiagnostics(c, "ERROR 4:8: " + Message.COMPONENT_MODEL_UNKNOWN.format("CDI", "jsr330, cdi"));
    }

    @Test
    void anUnknownValueWithoutEntitiesIsStillAnError() {
        // (the processor runs when a tenantdao annotation is present: here only the package's @Tenanted)
        Compilation c = compileWithOptions(List.of("-Atenantdao.componentModel=jsr-330"),
                source("t.package-info", "@dev.tenantdao.annotations.Tenanted", "package t;"));
        assertEquals(List.of("ERROR -1:-1: " + Message.COMPONENT_MODEL_UNKNOWN.format("jsr-330", "jsr330, cdi")),
                Sources.diagnostics(c));
    }
}
