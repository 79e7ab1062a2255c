package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The build-time verification of repositories' SQL against the test PostgreSQL (its own scratch
 * schema, dropped afterwards): a misspelt column and a record whose component has no column of its
 * label are compile errors on their methods; sound SQL compiles; without the option, a note says so.
 */
class VerificationTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";
    private static final String DATA_IMPORTS = "import jakarta.data.repository.*; import java.util.List;"
            + " import dev.tenantdao.annotations.Sql;";

    private static JavaFileObject item() {
        return source("t.Item", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Item(@Id(generated = true) Long id, String name, long quantity) {}");
    }

    private static Compilation verified(JavaFileObject... sources) {
        Postgres server = Postgres.shared();
        return Sources.compileWithOptions(List.of("-Atenantdao.verify.url=" + server.url(),
                "-Atenantdao.verify.user=" + server.user()), sources);
    }

    @Test
    void aMisspeltColumnAndARecordWithoutItsColumnAreErrorsOnTheirMethods() {
        // (SELECT * hides the labels from the compile-time check: only the database can tell)
        Compilation c = verified(item(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"SELECT nmae FROM item WHERE tenant_id = :tenant\")",
                "    List<String> names();",
                "    record Total(String name, long items) {}",
                "    @Sql(\"SELECT * FROM item WHERE tenant_id = :tenant\")",
                "    List<Total> totals();",
                "    List<Item> findByQuantityGreaterThan(long quantity);",
                "}"));
        List<String> errors = Sources.errors(c);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("ERROR 6:18: " + Message.VERIFY_STATEMENT.format("Items.names",
                "ERROR: column \"nmae\" does not exist"), errors.get(0).replaceAll("  Position: \\d+", "").strip());
        assertTrue(errors.get(1).startsWith("ERROR 9:17: " + Message.VERIFY_STATEMENT.format("Items.totals",
                "ERROR: column rows.items does not exist")), errors.get(1));
    }

    @Test
    void soundSqlCompiles() {
        Compilation c = verified(item(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    record Total(String name, long items) {}",
                "    @Sql(\"SELECT name, count(*) AS items FROM item WHERE tenant_id = :tenant GROUP BY name\")",
                "    List<Total> totals();",
                "    List<Item> findByQuantityGreaterThanOrderByName(long quantity);",
                "    @Query(\"UPDATE Item SET quantity = quantity + 1 WHERE name = :name\")",
                "    long bump(String name);",
                "}"));
        assertEquals(List.of(), Sources.errors(c));
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void withoutTheOptionANoteSaysSoOnce() {
        Compilation c = compile(item(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    List<Item> findByName(String name);",
                "}"));
        List<String> notes = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
        assertEquals(List.of(Message.VERIFY_SKIPPED.format()), notes);
    }
}
