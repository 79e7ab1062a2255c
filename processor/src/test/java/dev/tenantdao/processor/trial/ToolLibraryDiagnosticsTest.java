package dev.tenantdao.processor.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.processor.GeneratedDaoAnnotations;
import dev.tenantdao.processor.TenantDaoProcessor;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An outside trial (a network of community tool libraries): misuses a new user of embedded values,
 * hierarchies with levels, bulk statements, native SQL and operator access would make, each a compile
 * error (or warning) on the offending element: kind, line, column and the message's first line (a JDQL or
 * SQL error goes on with the query and a caret).
 */
class ToolLibraryDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import java.math.*; import java.time.*;";
    private static final String DATA = "import jakarta.data.repository.*; import jakarta.data.page.*; import java.time.*;"
            + " import java.util.*; import java.math.*; import dev.tenantdao.annotations.*; import dev.tenantdao.runtime.*;";

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new TenantDaoProcessor(), new GeneratedDaoAnnotations())
                .withOptions("-Xlint:all", "-Werror", "-Atenantdao.operatorRole=tools_operator")
                .compile(sources);
    }

    private static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    private static List<String> diagnostics(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE && d.getLineNumber() > 0)
                .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                        + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
    }

    private static final JavaFileObject MONEY = source("tools.Money", "package tools;", IMPORTS,
            "public record Money(BigDecimal amount, String currency) {}");
    private static final JavaFileObject LOAN = source("tools.Loan", "package tools;", IMPORTS,
            "@Entity @Tenanted @Audited",
            "public record Loan(@Id(generated = true) Long id, String toolCode, LocalDate dueOn, @Embedded Money lateFee) {}");
    private static final JavaFileObject TOOL = source("tools.Tool", "package tools;", IMPORTS,
            "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
            "public abstract sealed class Tool permits Tool.PowerTool, Tool.Ladder {",
            "    @Id(generated = true) public Long id;",
            "    public String name;",
            "    @Subtype(table = \"power_tool\") public abstract static sealed class PowerTool extends Tool permits Tool.Drill {",
            "        public int watts;",
            "    }",
            "    @Subtype(\"drill\") public static final class Drill extends PowerTool { public boolean hammer; }",
            "    @Subtype(\"ladder\") public static final class Ladder extends Tool { public int rungs; }",
            "}");

    private static JavaFileObject loans(String... methods) {
        String[] lines = new String[methods.length + 4];
        lines[0] = "package tools;";
        lines[1] = DATA;
        lines[2] = "@Repository";
        lines[3] = "public interface Loans extends DataRepository<Loan, Long> {";
        System.arraycopy(methods, 0, lines, 4, methods.length);
        String[] all = java.util.Arrays.copyOf(lines, lines.length + 1);
        all[all.length - 1] = "}";
        return source("tools.Loans", all);
    }

    @Test
    void theShapesATrialUsedCompile() {
        Compilation c = compile(MONEY, LOAN, TOOL, loans(
                "    List<Loan> findByLateFee_AmountNull();",
                "    @Find List<Loan> withFeeIn(@By(\"lateFee.currency\") String currency);",
                "    @Query(\"UPDATE Loan SET lateFee.amount = :amount WHERE toolCode = :code\")",
                "    long charge(BigDecimal amount, String code);"),
                source("tools.Drills", "package tools;", DATA,
                "@Repository",
                "public interface Drills extends DataRepository<Tool.Drill, Long> {",
                "    List<Tool.Drill> findByWattsGreaterThan(int watts);",
                "    @Query(\"WHERE watts > :w AND hammer = true\")",
                "    List<Tool.Drill> strong(int w);",
                "}"),
                source("tools.PowerTools", "package tools;", DATA,
                "@Repository",
                "public interface PowerTools extends DataRepository<Tool.PowerTool, Long> {",
                "    List<Tool.PowerTool> findByNameStartsWith(String prefix);",
                "}"));
        assertEquals(List.of(), diagnostics(c), "a subtype's repository queries the level's column");
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void aWholeLateFeeInJdqlAndInOrderBy() {
        Compilation c = compile(MONEY, LOAN, loans(
                "    @Query(\"WHERE lateFee IS NULL\")",
                "    List<Loan> unpaid();",
                "    @OrderBy(\"lateFee\")",
                "    List<Loan> findByToolCode(String toolCode);"));
        assertEquals(List.of(
                "ERROR 5:12: Loans.unpaid: Loan.lateFee is an embedded value over several columns, which a query cannot compare or"
                        + " sort as a whole; name its components (lateFee.amount, lateFee.currency) (column 7 of the query)",
                "ERROR 7:14: Loans.findByToolCode: @OrderBy: Loan.lateFee is an embedded value over several columns, which a query"
                        + " cannot compare or sort as a whole; name its components (lateFee.amount, lateFee.currency)"), diagnostics(c));
    }

    @Test
    void aWholeLateFeeInADerivedFinder() {
        Compilation c = compile(MONEY, LOAN, loans(
                "    List<Loan> findByLateFee(Money fee);",
                "    List<Loan> findByLateFeeNull();"));
        assertEquals(List.of(
                "ERROR 5:16: Loans.findByLateFee: Loan.lateFee is an embedded value over several columns, which a query cannot"
                        + " compare or sort as a whole; name its components (lateFee.amount, lateFee.currency)",
                "ERROR 6:16: Loans.findByLateFeeNull: Loan.lateFee is an embedded value over several columns, which a query cannot"
                        + " compare or sort as a whole; name its components (lateFee.amount, lateFee.currency)"), diagnostics(c));
    }

    @Test
    void aWholeOneWordEmbeddedInADerivedFinderIsExplained() {
        Compilation c = compile(MONEY, source("tools.Loan", "package tools;", IMPORTS,
                "@Entity @Tenanted",
                "public record Loan(@Id(generated = true) Long id, @Embedded Money fee) {}"), loans(
                "    List<Loan> findByFeeNull();"));
        assertEquals(List.of("ERROR 5:16: Loans.findByFeeNull: Loan.fee is an embedded value over several columns, which a query"
                + " cannot compare or sort as a whole; name its components (fee.amount, fee.currency)"), diagnostics(c));
    }

    @Test
    void aLevelsRepositoryQueriesTheLevelsOwnColumn() {
        Compilation c = compile(TOOL, source("tools.PowerTools", "package tools;", DATA,
                "@Repository",
                "public interface PowerTools extends DataRepository<Tool.PowerTool, Long> {",
                "    @Query(\"WHERE watts > :watts ORDER BY watts DESC\")",
                "    List<Tool.PowerTool> atLeast(int watts);",
                "    List<Tool.PowerTool> findByWattsGreaterThan(int watts);",
                "}"));
        assertEquals(List.of(), diagnostics(c));
    }

    @Test
    void aBulkRenameOfMembersWithAnUpdateHook() {
        Compilation c = compile(source("tools.Member", "package tools;", IMPORTS,
                "@Entity @Tenanted",
                "public record Member(@Id long id, String name) {",
                "    @BeforeUpdate Member tidy() { return this; }",
                "}"),
                source("tools.Members", "package tools;", DATA,
                "@Repository",
                "public interface Members extends DataRepository<Member, Long> {",
                "    @Query(\"UPDATE Member SET name = :name WHERE id = :id\")",
                "    long rename(long id, String name);",
                "}"));
        assertEquals(List.of("ERROR 6:10: Members.rename updates many Member rows in one statement, but Member has update hooks"
                + " (@BeforeUpdate), which run per entity; a bulk statement cannot run them, so it is not generated: use the DAO's"
                + " update per entity"), diagnostics(c));
    }

    @Test
    void aBulkDeleteOfEveryCharge() {
        Compilation c = compile(source("tools.Charge", "package tools;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface Charge permits Charge.Late, Charge.Ban {",
                "    @Id long id(); String note();",
                "    record Late(long id, String note) implements Charge {}",
                "    record Ban(long id, String note) implements Charge {}",
                "}"),
                source("tools.Charges", "package tools;", DATA,
                "@Repository",
                "public interface Charges extends DataRepository<Charge, Long> {",
                "    @Query(\"DELETE FROM Charge WHERE note = :note\")",
                "    long forget(String note);",
                "}"));
        assertEquals(List.of("ERROR 6:10: Charges.forget: bulk updates and deletes of Charge, the root of a @Polymorphic hierarchy"
                + " (its rows are of every subtype), are not supported yet; change its rows through its DAO"), diagnostics(c));
    }

    @Test
    void aDiscriminatorValueOnThePenaltiesLevel() {
        Compilation c = compile(source("tools.Charge", "package tools;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface Charge permits Charge.Late, Charge.Penalty {",
                "    @Id long id();",
                "    record Late(long id) implements Charge {}",
                "    @Subtype(\"penalty\") sealed interface Penalty extends Charge permits Charge.Ban {}",
                "    record Ban(long id) implements Penalty {}",
                "}"));
        assertEquals(List.of("ERROR 7:14: @Subtype on Penalty, an intermediate level of @Polymorphic Charge; a level has no"
                + " discriminator value of its own: its rows are those of its concrete subtypes"), diagnostics(c));
    }

    @Test
    void nativeSqlMisuses() {
        Compilation c = compile(MONEY, LOAN, loans(
                "    @Sql(\"SELECT * FROM loan WHERE tool_code = :code OR tenant_id = :tenant\")",
                "    List<Loan> byCode(String code);",
                "    @Sql(\"SELECT * FROM loan WHERE tenant_id = :tenant\")",
                "    List<Loan> mine(String tenant);"));
        assertEquals(List.of(
                "ERROR 5:10: Loans.byCode is not proven confined to the tenant: loan is not confined to the tenant: its block has no"
                        + " loan.tenant_id = :tenant (or loan.tenant_id = <a confined table>.tenant_id) as a condition of its WHERE or of"
                        + " its join's ON, outside any OR or NOT (column 15 of the query)",
                "ERROR 8:28: Loans.mine has a parameter named tenant: :tenant in @Sql is the current tenant, which the generated code"
                        + " binds; rename the parameter"), diagnostics(c));
    }

    @Test
    void nativeSqlOverSoftDeletedMembersWithoutDeletedAtIsAWarning() {
        Compilation c = compile(source("tools.Member", "package tools;", IMPORTS,
                "@Entity @Tenanted @SoftDelete",
                "public record Member(@Id long id, String name) {}"),
                source("tools.Members", "package tools;", DATA,
                "@Repository",
                "public interface Members extends DataRepository<Member, Long> {",
                "    @Sql(\"SELECT * FROM member WHERE tenant_id = :tenant\")",
                "    List<Member> all();",
                "}"));
        assertEquals(List.of("WARNING 5:10: Members.all reads member, whose rows are soft-deleted, but its SQL never names deleted_at:"
                + " it sees deleted rows too. Add deleted_at IS NULL where it should see live rows only"), diagnostics(c));
        assertEquals(Compilation.Status.FAILURE, c.status(), "under -Werror the warning stops the build");
    }

    @Test
    void acrossTenantsMisuses() {
        Compilation c = compile(MONEY, LOAN, loans(
                "    @AcrossTenants",
                "    List<TenantRow<Loan>> findByToolCode(String toolCode, PageRequest pageRequest);",
                "    @AcrossTenants",
                "    long countByToolCode(String toolCode);",
                "    @AcrossTenants",
                "    List<Loan> findByDueOn(LocalDate dueOn);"));
        assertEquals(List.of(
                // (counts, paging and projections across tenants exist since: these are the misuses left)
                "ERROR 6:27: Loans.findByToolCode takes a PageRequest, which needs a Page result; a list result cannot use",
                "ERROR 8:10: Loans.countByToolCode returns long, which an @AcrossTenants count cannot: return Map<String, Long>"
                        + " (each tenant's count)",
                "ERROR 10:16: Loans.findByDueOn returns java.util.List<tools.Loan>, which an @AcrossTenants method cannot: return"
                        + " List<TenantRow<X>>, Page<TenantRow<X>> or CursoredPage<TenantRow<Loan>>, X Loan or a record of its"
                        + " attributes"), diagnostics(c));
    }

    @Test
    void theLibraryIsNotAnAttribute() {
        Compilation c = compile(source("tools.Loan", "package tools;", IMPORTS,
                "@Entity @Tenanted",
                "public record Loan(@Id(generated = true) Long id, @TenantId String library, String toolCode) {}"), loans(
                "    @Query(\"WHERE library = :library\")",
                "    List<Loan> ofLibrary(String library);"));
        assertEquals(List.of("ERROR 5:12: Loans.ofLibrary: Loan.library is the tenant, which tenantdao adds to every query itself;"
                + " a query cannot name it (column 7 of the query)"), diagnostics(c));
    }

    @Test
    void everyMethodNamingTheLibraryIsReportedAtOnce() {
        Compilation c = compile(source("tools.Loan", "package tools;", IMPORTS,
                "@Entity @Tenanted",
                "public record Loan(@Id(generated = true) Long id, @TenantId String library, String toolCode) {}"), loans(
                "    List<Loan> findByLibrary(String library);",
                "    @Query(\"WHERE tenant_id = :t\") List<Loan> byColumn(String t);",
                "    @Find List<Loan> byFind(String library);",
                "    @OrderBy(\"library\") List<Loan> findByToolCode(String toolCode);"));
        assertEquals(List.of(
                "ERROR 5:16: Loans.findByLibrary: Loan.library is the tenant, which tenantdao adds to every query itself; a query"
                        + " cannot name it",
                "ERROR 6:12: Loans.byColumn: Loan has no attribute 'tenant_id' (it has id, toolCode) (column 7 of the query)",
                "ERROR 7:36: Loans.byFind: Loan.library is the tenant, which tenantdao adds to every query itself; a query cannot name it",
                "ERROR 8:14: Loans.findByToolCode: @OrderBy: Loan.library is the tenant, which tenantdao adds to every query itself;"
                        + " a query cannot name it"), diagnostics(c));
    }

    @Test
    void nativeSqlWithADataModifyingCte() {
        Compilation c = compile(MONEY, LOAN, loans(
                "    @Sql(\"WITH lost AS (UPDATE loan SET tool_code = 'LOST' WHERE tenant_id = :tenant RETURNING id) SELECT count(*) FROM lost\")",
                "    long loseAll();",
                "    @Sql(\"WITH moved AS (DELETE FROM loan WHERE tenant_id = :tenant AND tool_code = 'X' RETURNING *) SELECT count(*) FROM moved\")",
                "    long forgetX();"));
        assertEquals(List.of(), diagnostics(c));
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void aTenantIdOfTheWrongType() {
        Compilation c = compile(source("tools.Member", "package tools;", IMPORTS,
                "@Entity @Tenanted",
                "public record Member(@Id long id, @TenantId Long library, String name) {}"));
        assertEquals(List.of("ERROR 4:35: @TenantId Member.library has type java.lang.Long, but the tenant column is TEXT, whose Java"
                + " type is java.lang.String: declare it as java.lang.String"), diagnostics(c));
    }
}
