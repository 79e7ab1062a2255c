package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compileWithOptions;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code -Atenantdao.operatorRole}: the DDL of a row-tenanted entity creates the operators' group role,
 * the access log and, beside each tenant policy (history and partitions included), the operator's read
 * policy and restrictive write policies (golden file); the DAO gains the reads across tenants (golden file), a
 * hierarchy root's too, its joins on the row's own tenant; a value that is no plain role name is an error on the
 * first entity.
 */
class OperatorRoleTest {

    private static final JavaFileObject AUDITED = source("t.Fee",
            "package t;",
            "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted @Audited @PartitionedByTenant(hash = 2)",
            "public record Fee(@Id(generated = true) Long id, String what, long cents) {}");

    private static final JavaFileObject PER_SCHEMA = source("t.Note",
            "package t;",
            "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @Audited",
            "public record Note(@Id long id, String body) {}");

    private static final JavaFileObject PER_DATABASE = source("t.Memo",
            "package t;",
            "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted(strategy = Tenanted.Strategy.DATABASE)",
            "public record Memo(@Id long id, String body) {}");

    private static String generated(Compilation compilation, String file) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/" + file).orElseThrow()
                .getCharContent(false).toString();
    }

    @Test
    void theDdlOfARowTenantedEntityGrantsTheOperatorsRoleEveryTenantsRowsAudited() throws IOException {
        Compilation with = compileWithOptions(List.of("-Atenantdao.operatorRole=support_staff"), AUDITED, PER_SCHEMA);
        assertEquals(List.of(), Sources.diagnostics(with), () -> with.diagnostics().toString());
        GoldenFilesTest.assertGolden("operator/Fee.sql", generated(with, "t.Fee.sql"));

        Compilation without = compileWithOptions(List.of(), AUDITED, PER_SCHEMA);
        String plain = generated(without, "t.Fee.sql");
        assertTrue(generated(with, "t.Fee.sql").startsWith(plain), "the option only adds, after the tenant policy");
        // the DAO gains findAllAcrossTenants (its statement through TenancyPass in operator mode) and nothing else
        GoldenFilesTest.assertGolden("operator/FeeDao.java",
                with.generatedSourceFile("t.FeeDao").orElseThrow().getCharContent(false).toString());
        assertFalse(without.generatedSourceFile("t.FeeDao").orElseThrow().getCharContent(false).toString()
                .contains("AcrossTenants"));
    }

    @Test
    void theDdlOfASchemaOrDatabasePerTenantEntityKeepsItsLogBesideItsRowsAndLetsEveryoneAtThemButOperatorsWrites()
            throws IOException {
        Compilation with = compileWithOptions(List.of("-Atenantdao.operatorRole=support_staff"), PER_SCHEMA, PER_DATABASE);
        assertEquals(List.of(), Sources.diagnostics(with), () -> with.diagnostics().toString());
        // in the tenant's schema: the log, the use of the schema, a policy letting every role at every row (the
        // schema keeps tenants apart) and the operators' restrictive write policies beside it
        GoldenFilesTest.assertGolden("operator/Note.sql", generated(with, "t.Note.sql"));
        // in the tenant's database: the same, unqualified
        GoldenFilesTest.assertGolden("operator/Memo.sql", generated(with, "t.Memo.sql"));
        Compilation without = compileWithOptions(List.of(), PER_SCHEMA, PER_DATABASE);
        for (String entity : List.of("Note", "Memo")) {
            assertFalse(generated(without, "t." + entity + ".sql").contains("ROW LEVEL SECURITY"), entity);
            // the DAOs are the same: a call names the tenant's schema or database whoever makes it
            assertEquals(without.generatedSourceFile("t." + entity + "Dao").orElseThrow().getCharContent(false).toString(),
                    with.generatedSourceFile("t." + entity + "Dao").orElseThrow().getCharContent(false).toString(), entity);
        }
    }

    @Test
    void aJoinedHierarchysRootReadsAcrossTenantsJoiningEachSubtypeRowOfTheRowsOwnTenant() throws IOException {
        JavaFileObject asset = source("t.Asset",
                "package t;",
                "import dev.tenantdao.annotations.*;",
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface Asset permits Asset.Laptop, Asset.Phone {",
                "    @Id long id();",
                "    @Subtype(value = \"laptop\", table = \"laptop\") record Laptop(long id, String model) implements Asset {}",
                "    @Subtype(value = \"phone\", table = \"phone\") record Phone(long id, String number) implements Asset {}",
                "}");
        Compilation c = compileWithOptions(List.of("-Atenantdao.operatorRole=support_staff"), asset);
        assertEquals(List.of(), Sources.diagnostics(c), () -> c.diagnostics().toString());
        String dao = c.generatedSourceFile("t.AssetDao").orElseThrow().getCharContent(false).toString();
        // ids are a tenant's: without the tenant predicate, a join on the id alone would pair another tenant's row
        assertTrue(dao.contains("FROM asset LEFT JOIN laptop ON laptop.tenant_id = asset.tenant_id AND laptop.id = asset.id"
                + " LEFT JOIN phone ON phone.tenant_id = asset.tenant_id AND phone.id = asset.id \\\n"
                + "            ORDER BY asset.tenant_id, asset.id \\\n"
                + "            LIMIT ? OFFSET ?\"\"\";"), dao);
        for (String method : List.of("findAllAcrossTenants(int limit, long offset)",
                "findAllAcrossTenantsAfter(String afterTenant, long afterId,", "findByIdAcrossTenants(long id)",
                "Map<String, Long> countAcrossTenants()")) {
            assertTrue(dao.contains(method), method);
        }
        Compilation without = compileWithOptions(List.of(), asset);
        assertFalse(without.generatedSourceFile("t.AssetDao").orElseThrow().getCharContent(false).toString()
                .contains("AcrossTenants"));
    }

    @Test
    void aValueThatIsNoPlainRoleNameIsAnErrorOnTheFirstEntity() {
        for (String role : List.of("Support", "x\"; DROP TABLE fee; --", "1st", "a".repeat(64))) {
            Compilation c = compileWithOptions(List.of("-Atenantdao.operatorRole=" + role), AUDITED);
            Sources.assertDiagnostics(c, "ERROR 4:8: " + Message.OPERATOR_ROLE_INVALID.format(role));
            assertEquals(Compilation.Status.FAILURE, c.status(), role);
        }
    }
}
