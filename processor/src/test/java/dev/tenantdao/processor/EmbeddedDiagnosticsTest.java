package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import org.junit.jupiter.api.Test;

/** Every misuse of @Embedded, and queries naming an embedded value as a whole: message, line and column. */
class EmbeddedDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import java.math.*;";
    private static final String DATA_IMPORTS = "import jakarta.data.repository.*; import java.util.*;";
    private static final String MONEY = "record Money(BigDecimal amount, String currency) {}";

    @Test
    void embeddedValuesCompile() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited",
                "public record A(@Id long id, @Embedded Money price, @Embedded(prefix = \"was_\") Money was,",
                "        @Embedded Code code) {",
                "    public " + MONEY,
                "    public record Code(String prefix, @Column(unique = true) Integer number) {}",
                "}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
        // a unique component has its upsert, named by its path
        String dao = generated(c, "t.ADao");
        assertTrue(dao.contains("public A upsertByCodeNumber(A a)"), dao);
        assertTrue(dao.contains("ON CONFLICT (tenant_id, code_number) DO UPDATE"), dao);
    }

    private static String generated(Compilation c, String name) {
        try {
            return c.generatedSourceFile(name).orElseThrow().getCharContent(false).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRepositoryInAnotherPackageUsesTheValuesPublicMembers() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Embedded Money price, @Embedded Size size) {",
                "    public " + MONEY,
                "    public static class Size {",
                "        private int width;",
                "        public int getWidth() { return width; }",
                "        public void setWidth(int width) { this.width = width; }",
                "    }",
                "}"), source("r.As", "package r;", DATA_IMPORTS,
                "@Repository",
                "public interface As {",
                "    @Query(\"WHERE price.amount > :min ORDER BY size.width\")",
                "    List<t.A> above(java.math.BigDecimal min);",
                "    List<t.A> findBySize_WidthLessThan(int width);",
                "}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void aRepositoryInAnotherPackageCannotUseAHiddenValue() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Embedded Money price) {",
                "    " + MONEY,
                "}"), source("r.As", "package r;", DATA_IMPORTS,
                "@Repository",
                "public interface As {",
                "    List<t.A> findByPrice_CurrencyIgnoreCase(String currency);",
                "}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.REPOSITORY_PACKAGE.format("As", "r", "t.A.Money", "t"));
    }

    @Test
    void embeddedOnTheId() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id @Embedded Money id, String name) {",
                "    public " + MONEY,
                "}"));
        // one mistake, one error: not also "no @Id"
        assertDiagnostics(c, "ERROR 4:17: " + Message.EMBEDDED_ON_KEY.format("A.id", "Id"));
    }

    @Test
    void theEntitysRolesInsideAValue() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Embedded Stamp stamp) {",
                "    public record Stamp(@Id String code, @Version long version, @TenantId String tenant) {}",
                "}"));
        assertDiagnostics(c,
                "ERROR 5:25: " + Message.EMBEDDED_COMPONENT_KEY.format("Stamp.code", "Id", "Stamp", "id"),
                "ERROR 5:42: " + Message.EMBEDDED_COMPONENT_KEY.format("Stamp.version", "Version", "Stamp", "version"),
                "ERROR 5:65: " + Message.EMBEDDED_COMPONENT_KEY.format("Stamp.tenant", "TenantId", "Stamp", "tenant"));
    }

    @Test
    void aValueInAnotherPackageWithMembersTheDaoCannotUse() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded v.Place place) {}"), source("v.Place", "package v;",
                "public class Place {",
                "    String city;",
                "    public Place() {}",
                "    String getCity() { return city; }",
                "    void setCity(String city) { this.city = city; }",
                "}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_HIDDEN.format("A.place", "v.Place", "Place.getCity()", "A", "t",
                "v.Place", "t"));
    }

    @Test
    void aComponentTheDaoCannotReadIsReportedOnTheProperty() {
        // java.time.Duration's fields have no accessor of their name: reported where the entity names the type
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded java.time.Duration d) {}"));
        assertDiagnostics(c,
                "ERROR 4:30: " + Message.EMBEDDED_NO_CONSTRUCTOR.format("A.d", "java.time.Duration", "seconds, nanos"),
                "ERROR 4:30: " + Message.NOT_READABLE.format("A.d.nanos", "getNanos", "isNanos", "nanos"));
    }

    @Test
    void prefixesMakingColumnsTheEntityReserves() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited @SoftDelete",
                "public record A(@Id long id, @Embedded(prefix = \"tenant_\") Ref owner,",
                "        @Embedded(prefix = \"deleted_\") When when, @Embedded(prefix = \"history_\") Ref op,",
                "        @Embedded Ref tenant) {",
                "    public record Ref(String id) {}",
                "    public record When(java.time.Instant at) {}",
                "}"));
        // on the prefix the user wrote, else (a default prefix) on the @Embedded annotation
        assertDiagnostics(c,
                "ERROR 4:49: " + Message.EMBEDDED_COLUMN_RESERVED.format("A.owner.id", "tenant_id", "the tenant column of A"),
                "ERROR 6:9: " + Message.EMBEDDED_COLUMN_RESERVED.format("A.tenant.id", "tenant_id", "the tenant column of A"),
                "ERROR 5:70: " + Message.EMBEDDED_COLUMN_RESERVED.format("A.op.id", "history_id",
                        "but columns starting with history_ are the history's own in an @Audited entity"),
                "ERROR 5:28: " + Message.EMBEDDED_COLUMN_RESERVED.format("A.when.at", "deleted_at",
                        "the soft-delete column of A"));
    }

    @Test
    void embeddedOnTheVersionAndTheTenant() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Version @Embedded Money v, @TenantId @Embedded Money t) {",
                "    public " + MONEY,
                "}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_ON_KEY.format("A.v", "Version"),
                "ERROR 4:58: " + Message.EMBEDDED_ON_KEY.format("A.t", "TenantId"));
    }

    @Test
    void embeddedEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded B b) {",
                "    @Entity public record B(@Id long id) {}",
                "}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_ENTITY.format("A.b", "t.A.B"));
    }

    @Test
    void embeddedTypeWithoutComponents() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded Empty e, @Embedded String s) {",
                "    public record Empty() {}",
                "}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_NO_COMPONENTS.format("A.e", "t.A.Empty"),
                "ERROR 4:49: " + Message.EMBEDDED_NOT_VALUE.format("A.s", "java.lang.String"));
    }

    @Test
    void embeddedNotAClass() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded int n) {}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_NOT_VALUE.format("A.n", "int"));
    }

    @Test
    void converterOnTheWholeValue() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS + " import dev.tenantdao.runtime.Converter;",
                "@Entity",
                "public record A(@Id long id, @Embedded @Convert(MoneyText.class) Money price) {",
                "    public " + MONEY,
                "    public static final class MoneyText implements Converter<Money, String> {",
                "        public String toDatabase(Money m) { return m.toString(); }",
                "        public Money fromDatabase(String s) { return null; }",
                "    }",
                "}"));
        assertDiagnostics(c, "ERROR 4:40: " + Message.EMBEDDED_CONVERTER.format("A.price", "t.A.Money"));
    }

    @Test
    void columnAttributesOfAComponentOnTheWholeValue() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "        @Embedded @Column(name = \"cost\", nullable = false, unique = true, type = \"text\") Money price) {",
                "    public " + MONEY,
                "}"));
        assertDiagnostics(c, "ERROR 5:69: " + Message.EMBEDDED_COLUMN_ATTRIBUTE.format("unique", "A.price", "unique",
                        "t.A.Money"),
                "ERROR 5:82: " + Message.EMBEDDED_COLUMN_ATTRIBUTE.format("type", "A.price", "type", "t.A.Money"));
    }

    @Test
    void nestedEmbedded() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded Line line) {",
                "    public " + MONEY,
                "    public record Line(String text, @Embedded Money price) {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:37: " + Message.EMBEDDED_NESTED.format("Line.price", "Line", "Line"));
    }

    @Test
    void valueTheDaoCannotCreate() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded Price price) {",
                "    public static final class Price {",
                "        public final BigDecimal amount;",
                "        public Price(BigDecimal amount, int unused) { this.amount = amount; }",
                "    }",
                "}"));
        assertDiagnostics(c, "ERROR 4:30: " + Message.EMBEDDED_NO_CONSTRUCTOR.format("A.price", "t.A.Price", "amount"));
    }

    @Test
    void componentWithoutSetter() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, @Embedded Price price) {",
                "    public static final class Price {",
                "        private BigDecimal amount;",
                "        public BigDecimal getAmount() { return amount; }",
                "    }",
                "}"));
        assertDiagnostics(c, "ERROR 6:28: " + Message.EMBEDDED_NOT_WRITABLE.format("Price.amount", "Price",
                "setAmount", "java.math.BigDecimal"));
    }

    @Test
    void prefixesMakeColumnsCollide() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id, String priceAmount, @Embedded Money price,",
                "        @Embedded(prefix = \"price_\") Money other) {",
                "    public " + MONEY,
                "}"));
        assertDiagnostics(c,
                "ERROR 4:50: " + Message.EMBEDDED_COLUMN_TAKEN.format("A.price.amount", "price_amount", "A.priceAmount"),
                "ERROR 5:9: " + Message.EMBEDDED_COLUMN_TAKEN.format("A.other.amount", "price_amount", "A.priceAmount"),
                "ERROR 5:9: " + Message.EMBEDDED_COLUMN_TAKEN.format("A.other.currency", "price_currency",
                        "A.price.currency"));
    }

    @Test
    void queriesCannotCompareAWholeValue() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Embedded Money price) {",
                "    public " + MONEY,
                "}"), source("t.As", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface As {",
                "    @Query(\"WHERE price = :price\")",
                "    List<A> priced(A.Money price);",
                "    List<A> findByPrice(A.Money price);",
                "}"));
        String message = "A.price is an embedded value over several columns, which a query cannot compare or sort as"
                + " a whole; name its components (price.amount, price.currency)";
        assertDiagnostics(c, "ERROR 5:12: " + Message.QUERY_INVALID.format("As.priced", message
                        + " (column 7 of the query)\n      WHERE price = :price\n            ^"),
                "ERROR 7:13: " + Message.QUERY_INVALID.format("As.findByPrice", message));
    }

    @Test
    void aMisspelledComponentInADerivedNameIsNamedAsWritten() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record A(@Id long id, @Embedded Money price) {",
                "    public " + MONEY,
                "}"), source("t.As", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface As {",
                "    List<A> findByPrice_Amont(java.math.BigDecimal amount);",
                "}"));
        assertDiagnostics(c, "ERROR 5:13: " + Message.QUERY_INVALID.format("As.findByPrice_Amont",
                "A has no attribute 'price.amont' (it has id, price.amount, price.currency)"));
    }
}
