package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Names in generated code never collide with user names: a listener named like a local of the
 * generated methods gets a field of its own, a local made from a property's name that a field
 * already has gets a name of its own; and a converted value bound twice is converted once.
 */
class GeneratedNamesTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import dev.tenantdao.runtime.*;";

    private static JavaFileObject listener(String name) {
        return source("t." + name, "package t;",
                "public class " + name + " implements dev.tenantdao.runtime.EntityListener<A> {",
                "    @Override public void afterLoad(A a) {}",
                "}");
    }

    private static String dao(Compilation c) throws IOException {
        assertEquals(List.of(), errors(c));
        assertTrue(c.warnings().isEmpty(), () -> "warnings under -Xlint:all: " + c.warnings());
        return c.generatedSourceFile("t.ADao").orElseThrow().getCharContent(false).toString();
    }

    @Test
    void aListenerNamedLikeALocalGetsAFieldOfItsOwn() throws IOException {
        String dao = dao(compile(listener("Statement"), listener("Rows"), source("t.A", "package t;", IMPORTS,
                "@Entity @Listeners({Statement.class, Rows.class})",
                "public record A(@Id long id, String name) {}")));
        assertTrue(dao.contains("private final Statement statement_ = new Statement();"), dao);
        assertTrue(dao.contains("private final Rows rows_ = new Rows();"), dao);
        assertTrue(dao.contains("statement_.afterLoad(a);"), dao);
        assertTrue(dao.contains("try (PreparedStatement statement = connection.prepareStatement(FIND_BY_ID))"), dao);
    }

    @Test
    void aLocalMadeFromAPropertyNeverTakesAFieldsName() throws IOException {
        // the set-based insertAll gathers each column in <property>Column: a field already has totalColumn
        String dao = dao(compile(listener("TotalColumn"), source("t.A", "package t;", IMPORTS,
                "@Entity @Listeners(TotalColumn.class)",
                "public record A(@Id long id, long total, String name) {}")));
        assertTrue(dao.contains("private final TotalColumn totalColumn = new TotalColumn();"), dao);
        assertTrue(dao.contains("Object[] totalColumn_ = new Object[size];"), dao);
        assertTrue(dao.contains("totalColumn_[i] = toInsert.total();"), dao);
        assertTrue(dao.contains("Object[] nameColumn = new Object[size];"), dao);   // no collision, no new name
    }

    @Test
    void aConvertedValueBoundTwiceIsConvertedOnce() throws IOException {
        JavaFileObject money = source("t.Money", "package t;", "public record Money(java.math.BigDecimal amount) {}");
        JavaFileObject converter = source("t.MoneyConverter", "package t;",
                "public class MoneyConverter implements dev.tenantdao.runtime.Converter<Money, java.math.BigDecimal> {",
                "    public java.math.BigDecimal toDatabase(Money m) { return m.amount(); }",
                "    public Money fromDatabase(java.math.BigDecimal d) { return new Money(d); }",
                "}");
        // an audited update binds each column twice: to set it, and to test whether the row changed
        String dao = dao(compile(money, converter, source("t.A", "package t;", IMPORTS,
                "@Entity @Audited @Converters(MoneyConverter.class)",
                "public record A(@Id long id, Money price, @Version int version) {}")));
        String update = method(dao, "public A update(A a)");
        assertEquals(1, count(update, "Conversions.toDatabase("), update);
        assertTrue(update.contains("BigDecimal priceValue = Conversions.toDatabase(MONEY_CONVERTER, a.price(), "), update);
        // (set, and compared twice: for the history version and the changed flag)
        assertEquals(3, count(update, ", priceValue);"), update);
        assertFalse(dao.contains("Conversions.toDatabase(MONEY_CONVERTER, priceValue"), dao);
    }

    /** The text of the method whose declaration is {@code declaration}, to its closing brace. */
    private static String method(String source, String declaration) {
        int start = source.indexOf(declaration);
        assertTrue(start >= 0, source);
        return source.substring(start, source.indexOf("\n    }\n", start));
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    @Test
    void aRepositoryParameterNamedVendorIsRenamedBesideTheGeneratedVendor() throws IOException {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                        "@Entity @Tenanted @VendorScoped",
                        "public record A(@Id long id, @VendorId String vendor, String name) {}"),
                source("t.As", "package t;", "import java.util.List;",
                        "@jakarta.data.repository.Repository",
                        "public interface As extends jakarta.data.repository.BasicRepository<A, Long> {",
                        "    List<A> findByVendor(String vendor);",
                        "    @jakarta.data.repository.Query(\"WHERE vendor = :vendor OR name = :vendorKey\")",
                        "    List<A> named(String vendor, String vendorKey);",
                        "}"));
        assertEquals(List.of(), errors(c));
        assertTrue(c.warnings().isEmpty(), () -> "warnings under -Xlint:all: " + c.warnings());
        String repository = c.generatedSourceFile("t.AsImpl").orElseThrow().getCharContent(false).toString();
        assertTrue(repository.contains("public List<A> findByVendor(String vendor_)"), repository);
        assertTrue(repository.contains("String vendor = support.requireVendor(tenant);"), repository);
        assertTrue(repository.contains("statement.setString(6, vendor_);"), repository);
    }
}
