package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Data repositories: every misuse the processor reports (message, line and column: on the
 * method, on the parameter or annotation value it concerns, or on the {@code @Query} value for an
 * error in JDQL, with a caret under the place in the query), and repositories of every query form that compile without a warning under -Xlint:all, with
 * the SQL they run.
 */
class RepositoryDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";
    private static final String DATA_IMPORTS = "import jakarta.data.*; import jakarta.data.page.*;"
            + " import jakarta.data.repository.*; import java.util.*; import java.util.stream.*;";

    /** Attributes of Item, as messages list them (the tenant is not one). */
    private static final String ITEM_ATTRIBUTES = "id, name, quantity, price, status, active, dueOn";

    /** A tenanted entity with an attribute of most kinds. */
    private static JavaFileObject item() {
        return source("t.Item", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Item(@Id(generated = true) Long id, @TenantId String tenant, String name, long quantity,",
                "    java.math.BigDecimal price, Status status, boolean active, java.time.LocalDate dueOn) {}");
    }

    private static JavaFileObject status() {
        return source("t.Status", "package t;", "public enum Status { OPEN, CLOSED }");
    }

    /**
     * {@code @Repository interface Items extends DataRepository<Item, Long>} (no inherited methods)
     * declaring {@code lines}: the first on line 5.
     */
    private static JavaFileObject items(String... lines) {
        return repository("DataRepository<Item, Long>", lines);
    }

    /** {@code @Repository interface Items extends <supertype>}; {@code lines} from line 5. */
    private static JavaFileObject repository(String supertype, String... lines) {
        List<String> all = new ArrayList<>(List.of("package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items extends " + supertype + " {"));
        all.addAll(List.of(lines));
        all.add("}");
        return source("t.Items", all.toArray(String[]::new));
    }

    /** Compiles Item, Status and {@code repository}. */
    private static Compilation compileItems(JavaFileObject repository) {
        return compile(item(), status(), repository);
    }

    /** The generated implementation of Items. */
    private static String impl(Compilation c) throws IOException {
        return c.generatedSourceFile("t.ItemsImpl").orElseThrow(() -> new AssertionError("no t.ItemsImpl: "
                + c.diagnostics())).getCharContent(false).toString();
    }

    /**
     * A problem in a query, as {@code QueryException.describe} says it: where, then the query (its
     * lines joined) with a caret under the first {@code token}.
     */
    private static String pointing(String problem, String query, String token) {
        int at = query.indexOf(token);
        assertTrue(at >= 0, token);
        return problem + " (column " + (at + 1) + " of the query)\n    " + query.replace('\n', ' ') + "\n    "
                + " ".repeat(at) + "^";
    }

    /** {@code message} as javac prints it: every line after the first indented by two more spaces. */
    private static String javac(String message) {
        return message.replace("\n", "\n  ");
    }

    private static void assertClean(Compilation c) {
        assertEquals(List.of(), Sources.diagnostics(c));
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    /**
     * Either the implementation is written and compiles without a warning, or the processor says why
     * on the user's source: never an error or a warning in generated code, and never silence.
     */
    private static void assertNothingWrongInGeneratedCode(Compilation c, String implementation) {
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            assertTrue(d.getSource() == null || !d.getSource().getName().endsWith("Impl.java"),
                    () -> "in generated code: " + d);
        }
        assertTrue(c.status() == Compilation.Status.FAILURE || c.generatedSourceFile(implementation).isPresent(),
                "neither an implementation nor an error");
    }

    /** The SQL text of the constant {@code name} in {@code impl}: a text block's lines joined, or a string. */
    private static String sql(String impl, String name) {
        String start = "static final String " + name + " = ";
        int at = impl.indexOf(start);
        assertTrue(at >= 0, () -> "no constant " + name + " in\n" + impl);
        at += start.length();
        if (impl.startsWith("\"\"\"", at)) {
            String body = impl.substring(at + 3, impl.indexOf("\"\"\";", at));
            return Arrays.stream(body.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                    .map(line -> line.endsWith("\\") ? line.substring(0, line.length() - 1) : line)
                    .collect(Collectors.joining());
        }
        return impl.substring(at + 1, impl.indexOf("\";", at));
    }

    /** What every statement on a tenanted entity starts with, under row-level security: the tenant setting. */
    private static final String SET_TENANT = "SELECT set_config('tenantdao.tenant', ?, true); ";

    /** Item's columns, as a select of whole entities reads them. */
    private static final String SELECT_ITEM = "SELECT id, tenant_id, name, quantity, price, status, active, due_on FROM item ";

    /** The SQL of {@code name} in {@code impl}: a select of whole Items of the tenant where {@code condition}. */
    private static void assertFinds(String impl, String name, String rest) {
        assertEquals(SET_TENANT + SELECT_ITEM + "WHERE tenant_id = ?" + rest, sql(impl, name), name);
    }

    // ---- the repository and its entity --------------------------------------------------------------------

    @Test
    void repositoryOnAClass() {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public abstract class Items implements DataRepository<Item, Long> {}"));
        assertDiagnostics(c, "ERROR 4:17: " + Message.REPOSITORY_NOT_INTERFACE.format("Items"));
    }

    @Test
    void repositoryWithoutEntity() {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items {",
                "    @Find List<String> all();",
                "}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.REPOSITORY_NO_ENTITY.format("Items"));
    }

    @Test
    void repositoryWhoseEntityItsMethodsName() {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items {",
                "    @Find List<Item> all();",
                "    @Query(\"UPDATE Item SET quantity = 0 WHERE name = :name\") long clear(String name);",
                "}"));
        assertClean(c);
    }

    @Test
    void repositoryOfTwoEntities() {
        Compilation c = compile(item(), status(), source("t.Other", "package t;", IMPORTS,
                "@Entity @Tenanted public record Other(@Id long id) {}"), source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items {",
                "    @Find List<Item> all();",
                "    @Find List<Other> others();",
                "}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.REPOSITORY_MANY_ENTITIES.format("Items", "Item, Other"));
    }

    @Test
    void repositoryOfANonEntity() {
        Compilation c = compile(source("t.Thing", "package t;", "public record Thing(long id, String name) {}"),
                source("t.Things", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Things extends BasicRepository<Thing, Long> {}"));
        assertDiagnostics(c, "ERROR 4:8: " + Message.REPOSITORY_NOT_ENTITY.format("Things", "t.Thing"));
    }

    @Test
    void repositoryOfAPolymorphicRootCompilesAndRefusesBulkDeletes() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id, String a) implements P {}",
                "    record B(long id, String b) implements P {}",
                "}"), source("t.Payments", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Payments extends BasicRepository<P, Long> {",
                        "    List<P> findByIdGreaterThan(long id);",
                        "    long deleteByIdGreaterThan(long id);",
                        "}"));
        assertDiagnostics(c, "ERROR 6:10: " + Message.QUERY_BULK_HIERARCHY.format("Payments.deleteByIdGreaterThan", "P",
                "the root of a @Polymorphic hierarchy (its rows are of every subtype)"));
    }

    /** A sealed hierarchy with an intermediate level {@code P.L} (of A and B, beside C); {@code @Audited} when asked. */
    private static JavaFileObject leveled(String annotations) {
        return source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic " + annotations,
                "public sealed interface P permits P.L, P.C {",
                "    @Id long id();",
                "    String name();",
                "    sealed interface L extends P permits A, B {}",
                "    record A(long id, String name, String a) implements L {}",
                "    record B(long id, String name, String b) implements L {}",
                "    record C(long id, String name, String c) implements P {}",
                "}");
    }

    @Test
    void repositoryOfAnIntermediateLevelReadsItsRowsAndRefusesBulkUpdates() throws IOException {
        Compilation c = compile(leveled(""), source("t.Ls", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Ls extends BasicRepository<P.L, Long> {",
                "    List<P.L> findByNameOrderById(String name);",
                "    @Query(\"UPDATE L SET name = :name WHERE id > :id\")",
                "    long rename(String name, long id);",
                "}"));
        assertDiagnostics(c, "ERROR 7:10: " + Message.QUERY_BULK_HIERARCHY.format("Ls.rename", "L",
                "an intermediate level of a @Polymorphic hierarchy (its rows are of several subtypes)"));
        c = compile(leveled(""), source("t.Ls", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Ls extends BasicRepository<P.L, Long> {",
                "    List<P.L> findByNameOrderById(String name);",
                "}"));
        assertClean(c);
        String impl = c.generatedSourceFile("t.LsImpl").orElseThrow().getCharContent(false).toString();
        assertTrue(impl.contains("WHERE tenant_id = ? AND type IN ('A', 'B') AND name = ?"), impl);
        assertTrue(impl.contains("this.dao = new P_LDao(database)"), impl);
    }

    @Test
    void findAllAsOfOfAHierarchyCallsItsDaoAndNeedsHistory() throws IOException {
        String method = "    CursoredPage<P.L> findAllAsOf(java.time.Instant at, PageRequest pageRequest);";
        Compilation c = compile(leveled("@Audited"), source("t.Ls", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Ls extends DataRepository<P.L, Long> {",
                method,
                "}"));
        assertClean(c);
        String impl = c.generatedSourceFile("t.LsImpl").orElseThrow().getCharContent(false).toString();
        assertTrue(impl.contains("(after, size) -> after == null ? dao.findAllAsOf(at, size)"
                + " : dao.findAllAsOf(at, after, size),"), impl);
        c = compile(leveled(""), source("t.Ls", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Ls extends DataRepository<P.L, Long> {",
                method,
                "}"));
        assertDiagnostics(c, "ERROR 5:23: " + Message.FIND_ALL_AS_OF_ENTITY.format("Ls.findAllAsOf", "L",
                "is not audited"));
    }

    @Test
    void repositoryOfAnInvalidEntityWaitsForIt() {
        Compilation c = compile(source("t.Thing", "package t;", IMPORTS,
                "@Entity",
                "public record Thing(long id, String name) {}"), source("t.Things", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Things extends BasicRepository<Thing, Long> {",
                        "    List<Thing> findByName(String name);",
                        "}"));
        // the entity's own error only: the repository is not judged over an entity that has none
        assertDiagnostics(c, "ERROR 4:8: " + Message.NO_ID.format("Thing"));
    }

    @Test
    void methodNotImplementable() {
        Compilation c = compileItems(items(
                "    List<Item> lookup(String name);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.REPOSITORY_METHOD_UNKNOWN.format("Items.lookup"));
    }

    @Test
    void inheritedMethodNotImplementableIsReportedWhereItIsDeclared() {
        Compilation c = compile(item(), status(), source("t.Base", "package t;", DATA_IMPORTS,
                "public interface Base<E> extends DataRepository<E, Long> {",
                "    List<E> lookup(String name);",
                "}"), source("t.Items", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Items extends Base<Item> {}"));
        assertDiagnostics(c, "ERROR 4:13: " + Message.REPOSITORY_METHOD_UNKNOWN.format("Items.lookup"));
        assertTrue(c.errors().get(0).getSource().getName().endsWith("t/Base.java"));
    }

    @Test
    void aDefaultMethodIsLeftAlone() throws IOException {
        Compilation c = compileItems(items(
                "    List<Item> findByName(String name);",
                "    default Optional<Item> named(String name) { return findByName(name).stream().findFirst(); }"));
        assertClean(c);
        assertTrue(!impl(c).contains("named("));
    }

    @Test
    void inheritedMethodsOfAKeyOfTheWrongTypeAreReportedOnTheRepository() {
        Compilation c = compileItems(repository("BasicRepository<Item, String>"));
        // the methods are BasicRepository's, in a class file: javac can only point at the repository
        assertDiagnostics(c,
                "ERROR 4:8: " + Message.QUERY_PARAMETER_TYPE.format("id", "Items.findById", "java.lang.String",
                        "Item.id, java.lang.Long"),
                "ERROR 4:8: " + Message.QUERY_PARAMETER_TYPE.format("id", "Items.deleteById", "java.lang.String",
                        "Item.id, java.lang.Long"));
    }

    // ---- QUERY_INVALID: JDQL -------------------------------------------------------------------------------

    @Test
    void jdqlSyntaxError() {
        String query = "SELECT name FORM Item";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<String> names();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.names",
                pointing("Unexpected 'FORM'", query, "FORM"))));
    }

    @Test
    void jdqlSyntaxErrorInATextBlock() {
        Compilation c = compileItems(items(
                "    @Query(\"\"\"",
                "        SELECT name",
                "        FORM Item",
                "        \"\"\")",
                "    List<String> names();"));
        // the text block's lines are joined, so the caret stays under the word
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.names",
                pointing("Unexpected 'FORM'", "SELECT name\nFORM Item\n", "FORM"))));
    }

    @Test
    void jdqlUnterminatedString() {
        String query = "WHERE name = 'x";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> named();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.named",
                pointing("Unterminated string literal", query, "'x"))));
    }

    @Test
    void jdqlIncomplete() {
        String query = "WHERE";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> all();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.all",
                "Expected an expression at the end of the query (column 6 of the query)\n    WHERE\n         ^")));
    }

    @Test
    void jdqlSelectStar() {
        String query = "SELECT * FROM Item";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> all();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.all",
                pointing("Expected an attribute, not '*'", query, "*"))));
    }

    @Test
    void jdqlUnknownAttribute() {
        String query = "WHERE nmae = :name";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> named(String name);"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.named",
                pointing("Item has no attribute 'nmae' (it has " + ITEM_ATTRIBUTES + ")", query, "nmae"))));
    }

    @Test
    void jdqlNamingTheTenant() {
        String query = "WHERE tenant = :tenant";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> ofTenant(String tenant);"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.ofTenant",
                pointing("Item.tenant is the tenant, which tenantdao adds to every query itself; a query cannot name it",
                        query, "tenant"))));
    }

    @Test
    void jdqlSelectingTheTenant() {
        String query = "SELECT tenant FROM Item";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<String> tenants();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.tenants",
                pointing("Item.tenant is the tenant, which tenantdao adds to every query itself; a query cannot name it",
                        query, "tenant"))));
    }

    @Test
    void jdqlEnumConstantNotOfTheAttributesEnum() {
        String query = "WHERE status = t.Status.DONE";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> done();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.done",
                pointing("DONE is not a constant of the type of Item.status (OPEN, CLOSED)", query, "t.Status"))));
    }

    @Test
    void jdqlEnumConstantQualifiedByItsSimpleNameNotOfTheAttributesEnum() {
        String query = "WHERE status = Status.DONE";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> done();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.done",
                pointing("DONE is not a constant of the type of Item.status (OPEN, CLOSED)", query, "Status.DONE"))));
    }

    @Test
    void jdqlEnumConstantQualifiedByItsSimpleName() {
        Compilation c = compileItems(items(
                "    @Query(\"UPDATE Item SET status = Status.CLOSED WHERE status = Status.OPEN\")",
                "    long close();",
                "    @Query(\"WHERE status IN (Status.OPEN, Status.CLOSED)\")",
                "    List<Item> any();"));
        assertClean(c);
    }

    @Test
    void jdqlEnumConstantComparedWithAString() {
        String query = "WHERE name = t.Status.OPEN";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> weird();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.weird",
                pointing("Item.name is not an enum; OPEN cannot be compared with it", query, "t.Status"))));
    }

    @Test
    void jdqlUpdateOfTheId() {
        String query = "UPDATE Item SET id = :id WHERE name = :name";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    long renumber(long id, String name);"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.renumber",
                pointing("Item.id is the id, which an update cannot change", query, "id ="))));
    }

    @Test
    void jdqlUpdateOfTheVersion() {
        String query = "UPDATE V SET version = 3";
        Compilation c = compile(source("t.V", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record V(@Id long id, String name, @Version long version) {}"), source("t.Vs", "package t;",
                        DATA_IMPORTS,
                        "@Repository",
                        "public interface Vs extends DataRepository<V, Long> {",
                        "    @Query(\"" + query + "\") long bump();",
                        "}"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Vs.bump",
                pointing("V.version cannot be changed by an update (it is the version, set once, or written by the"
                        + " database)", query, "version"))));
    }

    @Test
    void jdqlUpdateOfTheVendor() {
        String query = "UPDATE V SET name = :name, vendor = :name";
        Compilation c = compile(source("t.V", "package t;", "import dev.tenantdao.annotations.*;",
                "@Entity @Tenanted @VendorScoped",
                "public record V(@Id long id, String name, @VendorId String vendor) {}"), source("t.Vs", "package t;",
                        DATA_IMPORTS,
                        "@Repository",
                        "public interface Vs extends DataRepository<V, Long> {",
                        "    @Query(\"" + query + "\") long rename(String name);",
                        "}"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Vs.rename",
                pointing("V.vendor is the vendor (@VendorId), which an update never changes: a row stays its vendor's",
                        query, "vendor"))));
    }

    @Test
    void jdqlOfAnotherEntity() {
        String query = "FROM Order WHERE name = :name";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> named(String name);"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.named",
                pointing("Expected the entity Item, not 'Order'; a repository query works on one entity", query,
                        "Order"))));
    }

    @Test
    void jdqlLikeANumber() {
        String query = "WHERE name LIKE 5";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> weird();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.weird",
                pointing("LIKE takes a string pattern", query, "5"))));
    }

    @Test
    void jdqlOrderByAnExpression() {
        String query = "ORDER BY LOWER(name)";
        Compilation c = compileItems(items(
                "    @Query(\"" + query + "\")",
                "    List<Item> sorted();"));
        assertDiagnostics(c, "ERROR 5:12: " + javac(Message.QUERY_INVALID.format("Items.sorted",
                pointing("ORDER BY takes an attribute", query, "LOWER"))));
    }

    @Test
    void jdqlSelectOfTheId() throws IOException {
        Compilation c = compileItems(items(
                "    @Query(\"SELECT id(this) FROM Item WHERE name = :name\")",
                "    List<Long> ids(String name);"));
        assertClean(c);
        assertEquals(SET_TENANT + "SELECT id, id FROM item WHERE tenant_id = ? AND name = ?", sql(impl(c), "IDS"));
    }

    // ---- QUERY_INVALID: method names, @Find and @OrderBy -----------------------------------------------------

    @Test
    void derivedNameWithAnUnknownAttribute() {
        Compilation c = compileItems(items(
                "    List<Item> findByNmae(String name);"));
        // (the method's name twice: once as Repository.method, once as the parser quotes the name it reads)
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByNmae",
                "Item has no attribute 'nmae' (it has " + ITEM_ATTRIBUTES + ")"));
    }

    @Test
    void derivedNameNamingTheTenant() {
        Compilation c = compileItems(items(
                "    List<Item> findByTenant(String tenant);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByTenant",
                "Item.tenant is the tenant, which tenantdao adds to every query itself; a query cannot"
                        + " name it"));
    }

    @Test
    void derivedNameWithWordsLeftOver() {
        Compilation c = compileItems(items(
                "    List<Item> findByNameFoo(String name);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByNameFoo",
                "cannot read 'Foo' of the name"));
    }

    @Test
    void derivedNameWithNotLessThan() {
        Compilation c = compileItems(items(
                "    List<Item> findByQuantityNotLessThan(long quantity);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByQuantityNotLessThan",
                "NotLessThan is not a keyword; say the opposite comparison"));
    }

    @Test
    void derivedNameIgnoringTheCaseOfANumber() {
        Compilation c = compileItems(items(
                "    List<Item> findByQuantityIgnoreCase(long quantity);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByQuantityIgnoreCase",
                "IgnoreCase needs a String attribute, and Item.quantity is not one"));
    }

    @Test
    void derivedCountWithFirst() {
        Compilation c = compileItems(items(
                "    long countFirst3ByStatus(Status status);"));
        assertDiagnostics(c, "ERROR 5:10: " + Message.QUERY_INVALID.format("Items.countFirst3ByStatus",
                "First belongs to find methods"));
    }

    @Test
    void derivedCountWithOrderBy() {
        Compilation c = compileItems(items(
                "    long countByStatusOrderByName(Status status);"));
        assertDiagnostics(c, "ERROR 5:10: " + Message.QUERY_INVALID.format("Items.countByStatusOrderByName",
                "OrderBy belongs to find methods"));
    }

    @Test
    void derivedFirstZero() {
        Compilation c = compileItems(items(
                "    List<Item> findFirst0ByName(String name);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findFirst0ByName",
                "First0 must read at least one row"));
    }

    @Test
    void findParameterNamingNoAttribute() {
        Compilation c = compileItems(items(
                "    @Find List<Item> byNmae(String nmae);"));
        assertDiagnostics(c, "ERROR 5:36: " + Message.QUERY_INVALID.format("Items.byNmae",
                "Item has no attribute 'nmae' (it has " + ITEM_ATTRIBUTES + ")"));
    }

    @Test
    void findNamingTheTenant() {
        Compilation c = compileItems(items(
                "    @Find List<Item> ofTenant(String tenant);"));
        assertDiagnostics(c, "ERROR 5:38: " + Message.QUERY_INVALID.format("Items.ofTenant",
                "Item.tenant is the tenant, which tenantdao adds to every query itself; a query cannot name it"));
    }

    @Test
    void orderByOfAnUnknownAttribute() {
        Compilation c = compileItems(items(
                "    @Find @OrderBy(\"nmae\")",
                "    List<Item> all();"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.QUERY_INVALID.format("Items.all",
                "@OrderBy: Item has no attribute 'nmae' (it has " + ITEM_ATTRIBUTES + ")"));
    }

    @Test
    void byOfAnUnknownAttribute() {
        Compilation c = compileItems(items(
                "    @Find List<Item> all(@By(\"nmae\") String name);"));
        assertDiagnostics(c, "ERROR 5:30: " + Message.QUERY_INVALID.format("Items.all",
                "@By: Item has no attribute 'nmae' (it has " + ITEM_ATTRIBUTES + ")"));
    }

    // ---- parameters: reported on the method -------------------------------------------------------------------

    @Test
    void jdqlParameterUnused() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE name = :name\")",
                "    List<Item> named(String name, long quantity);"));
        assertDiagnostics(c, "ERROR 6:40: " + Message.QUERY_PARAMETER_UNUSED.format("quantity", "Items.named"));
    }

    @Test
    void jdqlParameterMissing() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE name = :nmae\")",
                "    List<Item> named(String name);"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.QUERY_PARAMETER_MISSING.format("Items.named", ":nmae", "name"));
    }

    @Test
    void jdqlPositionalParameterMissing() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE name = ?1 AND quantity = ?2\")",
                "    List<Item> named(String name);"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.QUERY_PARAMETER_MISSING.format("Items.named", "?2", "name"));
    }

    @Test
    void jdqlParameterMissingInAMethodWithoutParameters() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE name = :name\")",
                "    List<Item> named();"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.QUERY_PARAMETER_MISSING.format("Items.named", ":name", "none"));
    }

    @Test
    void derivedNameWithTooFewParameters() {
        Compilation c = compileItems(items(
                "    List<Item> findByNameAndQuantity(String name);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_PARAMETER_COUNT.format("Items.findByNameAndQuantity", 2, 1));
    }

    @Test
    void derivedNameWithTooManyParameters() {
        Compilation c = compileItems(items(
                "    List<Item> findByName(String name, long quantity);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_PARAMETER_COUNT.format("Items.findByName", 1, 2));
    }

    @Test
    void derivedParameterOfTheWrongType() {
        Compilation c = compileItems(items(
                "    List<Item> findByQuantity(String quantity);"));
        assertDiagnostics(c, "ERROR 5:38: " + Message.QUERY_PARAMETER_TYPE.format("quantity", "Items.findByQuantity",
                "java.lang.String", "Item.quantity, long"));
    }

    @Test
    void jdqlParameterOfTheWrongType() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE quantity > :min\")",
                "    List<Item> atLeast(String min);"));
        assertDiagnostics(c, "ERROR 6:31: " + Message.QUERY_PARAMETER_TYPE.format("min", "Items.atLeast",
                "java.lang.String", "Item.quantity, long"));
    }

    @Test
    void jdqlBetweenBoundOfTheWrongType() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE dueOn BETWEEN :from AND :to\")",
                "    List<Item> due(java.time.LocalDate from, String to);"));
        assertDiagnostics(c, "ERROR 6:53: " + Message.QUERY_PARAMETER_TYPE.format("to", "Items.due",
                "java.lang.String", "Item.dueOn, java.time.LocalDate"));
    }

    @Test
    void startsWithANumber() {
        Compilation c = compileItems(items(
                "    List<Item> findByNameStartsWith(long prefix);"));
        assertDiagnostics(c, "ERROR 5:42: " + Message.QUERY_PARAMETER_TYPE.format("prefix",
                "Items.findByNameStartsWith", "long", "a LIKE pattern, a String"));
    }

    @Test
    void jdqlLikeANumberParameter() {
        Compilation c = compileItems(items(
                "    @Query(\"WHERE name LIKE :pattern\")",
                "    List<Item> like(long pattern);"));
        assertDiagnostics(c, "ERROR 6:26: " + Message.QUERY_PARAMETER_TYPE.format("pattern", "Items.like", "long",
                "a LIKE pattern, a String"));
    }

    @Test
    void inListOfTheWrongElementType() {
        Compilation c = compileItems(items(
                "    List<Item> findByStatusIn(List<String> statuses);"));
        assertDiagnostics(c, "ERROR 5:44: " + Message.QUERY_PARAMETER_TYPE.format("statuses", "Items.findByStatusIn",
                "java.util.List<java.lang.String>", "a collection or array of Item.status, t.Status"));
    }

    @Test
    void findParameterOfTheWrongType() {
        Compilation c = compileItems(items(
                "    @Find List<Item> byStatus(String status);"));
        assertDiagnostics(c, "ERROR 5:38: " + Message.QUERY_PARAMETER_TYPE.format("status", "Items.byStatus",
                "java.lang.String", "Item.status, t.Status"));
    }

    // ---- findAllAsOf: the DAO's page of the past ------------------------------------------------------------

    /** An audited entity, and a repository of it declaring {@code lines} from line 5. */
    private static Compilation compileNotes(String... lines) {
        JavaFileObject note = source("t.Note", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited",
                "public record Note(@Id long id, String text) {}");
        return compile(note, repository("DataRepository<Note, Long>", lines));
    }

    @Test
    void findAllAsOfCompilesCleanAndCallsTheDao() throws IOException {
        Compilation c = compileNotes(
                "    CursoredPage<Note> findAllAsOf(java.time.Instant at, PageRequest pageRequest);");
        assertClean(c);
        String impl = c.generatedSourceFile("t.ItemsImpl").orElseThrow().getCharContent(false).toString();
        assertTrue(impl.contains("return Repositories.asOfPage(pageRequest, Long.class,"), impl);
        assertTrue(impl.contains("(after, size) -> after == null ? dao.findAllAsOf(at, size)"
                + " : dao.findAllAsOf(at, after, size),"), impl);
    }

    @Test
    void findAllAsOfOfAnEntityThatIsNotAudited() {
        Compilation c = compileItems(items(
                "    CursoredPage<Item> findAllAsOf(java.time.Instant at, PageRequest pageRequest);"));
        assertDiagnostics(c, "ERROR 5:24: " + Message.FIND_ALL_AS_OF_ENTITY.format("Items.findAllAsOf", "Item",
                "is not audited"));
    }

    @Test
    void findAllAsOfOfAnotherShape() {
        Compilation c = compileNotes(
                "    List<Note> findAllAsOf(java.time.Instant at, PageRequest pageRequest);");
        assertDiagnostics(c, "ERROR 5:16: " + Message.FIND_ALL_AS_OF_SHAPE.format("Items.findAllAsOf", "Note"));
        c = compileNotes(
                "",
                "    CursoredPage<Note> findAllAsOf(PageRequest pageRequest);");
        assertDiagnostics(c, "ERROR 6:24: " + Message.FIND_ALL_AS_OF_SHAPE.format("Items.findAllAsOf", "Note"));
    }

    // ---- results ----------------------------------------------------------------------------------------------

    @Test
    void findReturningAMap() {
        Compilation c = compileItems(items(
                "    @Find Map<Long, Item> all();"));
        assertDiagnostics(c, "ERROR 5:27: " + Message.QUERY_RETURN_TYPE.format("Items.all",
                "java.util.Map<java.lang.Long,t.Item>", "a find method of Item",
                "Item, a record of its attributes, or a container of them"));
    }

    @Test
    void findReturningVoid() {
        Compilation c = compileItems(items(
                "    @Find void all();"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_RETURN_TYPE.format("Items.all", "void", "a find method",
                "Item, Optional, List, an array, Stream or Page of it, or of a record of its attributes"));
    }

    @Test
    void findReturningARawList() {
        Compilation c = compileItems(items(
                "    @Find @SuppressWarnings(\"rawtypes\") List all();"));
        assertDiagnostics(c, "ERROR 5:46: " + Message.QUERY_RETURN_TYPE.format("Items.all", "java.util.List",
                "a find method (a raw type)", "List<Item>"));
    }

    @Test
    void countReturningAString() {
        Compilation c = compileItems(items(
                "    String countByStatus(Status status);"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.QUERY_RETURN_TYPE.format("Items.countByStatus",
                "java.lang.String", "a count", "long or int"));
    }

    @Test
    void jdqlCountReturningAList() {
        Compilation c = compileItems(items(
                "    @Query(\"SELECT count(this) FROM Item\")",
                "    List<Long> counts();"));
        assertDiagnostics(c, "ERROR 6:16: " + Message.QUERY_RETURN_TYPE.format("Items.counts",
                "java.util.List<java.lang.Long>", "a count", "long or int"));
    }

    @Test
    void bulkUpdateReturningAList() {
        Compilation c = compileItems(items(
                "    @Query(\"UPDATE Item SET active = false WHERE status = :status\")",
                "    List<Item> deactivate(Status status);"));
        assertDiagnostics(c, "ERROR 6:16: " + Message.QUERY_RETURN_TYPE.format("Items.deactivate",
                "java.util.List<t.Item>", "a bulk update", "void, int, long or boolean"));
    }

    @Test
    void selectOfOneAttributeReturningAnother() {
        Compilation c = compileItems(items(
                "    @Query(\"SELECT quantity FROM Item\")",
                "    List<String> quantities();"));
        assertDiagnostics(c, "ERROR 6:18: " + Message.QUERY_RETURN_TYPE.format("Items.quantities",
                "java.lang.String", "a select of Item.quantity", "long (or a container of it)"));
    }

    @Test
    void jdqlSelectNotMatchingTheProjection() {
        Compilation c = compileItems(items(
                "    record Stock(String name, long quantity) {}",
                "    @Query(\"SELECT quantity, name FROM Item\")",
                "    List<Stock> stock();"));
        assertDiagnostics(c, "ERROR 7:17: " + Message.QUERY_RETURN_TYPE.format("Items.stock", "t.Items.Stock",
                "a select of quantity, name", "a record whose components are those attributes, in that order"));
    }

    @Test
    void selectOfOneAttributeAsAPrimitiveArray() {
        Compilation c = compileItems(items(
                "    @Query(\"SELECT quantity FROM Item ORDER BY quantity\")",
                "    long[] quantities();"));
        assertNothingWrongInGeneratedCode(c, "t.ItemsImpl");
        assertClean(c);
    }

    @Test
    void selectOfOneConvertedAttributeOfARecordType() {
        Compilation c = compile(source("t.Cents", "package t;", "public record Cents(long value) {}"),
                source("t.CentsConverter", "package t;",
                        "public final class CentsConverter implements dev.tenantdao.runtime.Converter<Cents, Long> {",
                        "    public Long toDatabase(Cents c) { return c == null ? null : c.value(); }",
                        "    public Cents fromDatabase(Long v) { return v == null ? null : new Cents(v); }",
                        "}"),
                source("t.Item", "package t;", IMPORTS,
                        "@Entity",
                        "public record Item(@Id long id, @Convert(CentsConverter.class) Cents price) {}"),
                source("t.Items", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Items extends DataRepository<Item, Long> {",
                        "    @Query(\"SELECT price FROM Item ORDER BY price\")",
                        "    List<Cents> prices();",
                        "}"));
        assertClean(c);
    }

    @Test
    void genericFindMethod() {
        Compilation c = compileItems(items(
                "    @Find <T extends Item> List<T> named(String name);"));
        assertDiagnostics(c, "ERROR 5:36: " + Message.QUERY_GENERIC.format("Items.named", "T", "Item"));
    }

    // ---- Limit, PageRequest, Order and Sort -----------------------------------------------------------------

    @Test
    void limitOnASingleResult() {
        Compilation c = compileItems(items(
                "    @Find Optional<Item> first(Status status, Limit limit);"));
        assertDiagnostics(c, "ERROR 5:26: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.first", "Limit",
                "a method returning a single result cannot use"));
    }

    @Test
    void pageRequestOnASingleResult() {
        Compilation c = compileItems(items(
                "    @Find Item first(Status status, PageRequest pageRequest);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.first", "PageRequest",
                "a method returning a single result cannot use"));
    }

    @Test
    void pageWithoutPageRequest() {
        Compilation c = compileItems(items(
                "    @Find Page<Item> page(Status status);"));
        assertDiagnostics(c, "ERROR 5:22: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.page", "Page",
                "needs a PageRequest parameter; it"));
    }

    @Test
    void pageRequestOnAList() {
        Compilation c = compileItems(items(
                "    @Find List<Item> all(PageRequest pageRequest);"));
        assertDiagnostics(c, "ERROR 5:22: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.all", "PageRequest",
                "needs a Page result; a list result cannot use"));
    }

    @Test
    void twoSorts() {
        Compilation c = compileItems(items(
                "    @Find List<Item> all(Order<Item> order, Sort<Item> sort);"));
        assertDiagnostics(c, "ERROR 5:22: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.all",
                "second Order or Sort", "is one more than a method can take; put every criterion in one Order"));
    }

    @Test
    void limitOnACount() {
        Compilation c = compileItems(items(
                "    long countByStatus(Status status, Limit limit);"));
        assertDiagnostics(c, "ERROR 5:10: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.countByStatus", "Limit",
                "a count cannot use"));
    }

    @Test
    void orderOnABulkDelete() {
        Compilation c = compileItems(items(
                "    long deleteByStatus(Status status, Sort<Item> sort);"));
        assertDiagnostics(c, "ERROR 5:10: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.deleteByStatus", "Sort",
                "a bulk delete cannot use"));
    }

    // ---- projections ------------------------------------------------------------------------------------------

    @Test
    void projectionComponentMatchingNoAttribute() {
        Compilation c = compileItems(items(
                "    record Label(String name, String colour) {}",
                "    @Find List<Label> labels(Status status);"));
        assertDiagnostics(c, "ERROR 6:23: " + Message.QUERY_PROJECTION_COMPONENT.format("colour", "Label", "Item",
                ITEM_ATTRIBUTES));
    }

    @Test
    void projectionOfTheTenant() {
        Compilation c = compileItems(items(
                "    record Owned(String name, String tenant) {}",
                "    @Find List<Owned> owned();"));
        assertDiagnostics(c, "ERROR 6:23: " + Message.QUERY_PROJECTION_COMPONENT.format("tenant", "Owned", "Item",
                ITEM_ATTRIBUTES));
    }

    @Test
    void projectionComponentOfTheWrongType() {
        Compilation c = compileItems(items(
                "    record Stock(String name, int quantity) {}",
                "    @Find List<Stock> stock(Status status);"));
        assertDiagnostics(c, "ERROR 6:23: " + Message.QUERY_PROJECTION_TYPE.format("quantity", "Stock", "int", "Item",
                "quantity", "long"));
    }

    // ---- bulk statements ------------------------------------------------------------------------------------

    /** Item with an update hook and a delete hook. */
    private static JavaFileObject hookedItem() {
        return source("t.Item", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Item(@Id(generated = true) Long id, String name, long quantity, Status status) {",
                "    @BeforeUpdate Item touch() { return this; }",
                "    @AfterDelete void deleted() {}",
                "}");
    }

    @Test
    void bulkUpdateOfAnEntityWithUpdateHooks() {
        Compilation c = compile(hookedItem(), status(), items(
                "    @Query(\"UPDATE Item SET quantity = 0 WHERE status = :status\")",
                "    long empty(Status status);"));
        assertDiagnostics(c, "ERROR 6:10: " + Message.QUERY_BULK_HOOKS.format("Items.empty", "updates", "Item", "Item",
                "update", "@BeforeUpdate", "update"));
    }

    @Test
    void bulkDeleteOfAnEntityWithDeleteHooks() {
        Compilation c = compile(hookedItem(), status(), items(
                "    long deleteByStatus(Status status);"));
        assertDiagnostics(c, "ERROR 5:10: " + Message.QUERY_BULK_HOOKS.format("Items.deleteByStatus", "deletes", "Item",
                "Item", "delete", "@AfterDelete", "delete"));
    }

    @Test
    void bulkStatementsOfAnEntityWithAfterUpdateAndBeforeDeleteHooks() {
        Compilation c = compile(source("t.Item", "package t;", IMPORTS,
                "@Entity",
                "public record Item(@Id long id, String name) {",
                "    @AfterUpdate void updated() {}",
                "    @BeforeDelete void deleting() {}",
                "}"), items(
                        "    @Query(\"UPDATE Item SET name = :name\") void renameAll(String name);",
                        "    @Delete void remove(String name);"));
        assertDiagnostics(c,
                "ERROR 5:49: " + Message.QUERY_BULK_HOOKS.format("Items.renameAll", "updates", "Item", "Item", "update",
                        "@AfterUpdate", "update"),
                "ERROR 6:18: " + Message.QUERY_BULK_HOOKS.format("Items.remove", "deletes", "Item", "Item", "delete",
                        "@BeforeDelete", "delete"));
    }

    @Test
    void entityWithHooksHasFindsAndLifecycleMethods() {
        Compilation c = compile(hookedItem(), status(), items(
                "    List<Item> findByStatus(Status status);",
                "    @Update Item change(Item item);",
                "    @Delete void remove(Item item);"));
        assertClean(c);
    }

    @Test
    void crudRepositoryOfAnEntityWithDeleteHooks() {
        Compilation c = compile(hookedItem(), status(), repository("CrudRepository<Item, Long>",
                "    List<Item> findByStatus(Status status);"));
        assertClean(c);
    }

    /** A joined hierarchy, P, whose subtype A has its own table. */
    private static JavaFileObject joined() {
        return source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id, String a) implements P {}",
                "    record B(long id, String b) implements P {}",
                "}");
    }

    @Test
    void bulkDeleteOfAJoinedSubtype() {
        Compilation c = compile(joined(), source("t.As", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface As extends DataRepository<P.A, Long> {",
                "    List<P.A> findByA(String a);",
                "    long deleteByA(String a);",
                "}"));
        assertDiagnostics(c, "ERROR 6:10: " + Message.QUERY_BULK_HIERARCHY.format("As.deleteByA", "A",
                "a subtype of a joined hierarchy (its rows span several tables)"));
    }

    @Test
    void basicRepositoryOfAJoinedSubtype() {
        Compilation c = compile(joined(), source("t.As", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface As extends BasicRepository<P.A, Long> {",
                "    List<P.A> findByA(String a);",
                "}"));
        assertClean(c);
    }

    // ---- lifecycle methods --------------------------------------------------------------------------------

    @Test
    void insertOfTwoEntities() {
        Compilation c = compileItems(items(
                "    @Insert void add(Item first, Item second);"));
        assertDiagnostics(c, "ERROR 5:18: " + Message.LIFECYCLE_PARAMETER.format("Items.add", "Item", "Item", "Item"));
    }

    @Test
    void updateOfAString() {
        Compilation c = compileItems(items(
                "    @Update void change(String name);"));
        assertDiagnostics(c, "ERROR 5:18: " + Message.LIFECYCLE_PARAMETER.format("Items.change", "Item", "Item", "Item"));
    }

    @Test
    void insertOfAnIterable() {
        Compilation c = compileItems(items(
                "    @Insert void addAll(Iterable<Item> items);"));
        assertDiagnostics(c, "ERROR 5:18: " + Message.LIFECYCLE_PARAMETER.format("Items.addAll", "Item", "Item", "Item"));
    }

    @Test
    void insertOfAMap() {
        Compilation c = compileItems(items(
                "    @Insert void addAll(Map<Item, String> items);"));
        assertDiagnostics(c, "ERROR 5:18: " + Message.LIFECYCLE_PARAMETER.format("Items.addAll", "Item", "Item", "Item"));
    }

    @Test
    void insertOfAnOptional() {
        Compilation c = compileItems(items(
                "    @Insert void add(Optional<Item> item);"));
        assertDiagnostics(c, "ERROR 5:18: " + Message.LIFECYCLE_PARAMETER.format("Items.add", "Item", "Item", "Item"));
    }

    @Test
    void insertReturningAnotherType() {
        Compilation c = compileItems(items(
                "    @Insert String add(Item item);"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.QUERY_RETURN_TYPE.format("Items.add", "java.lang.String",
                "an @Insert method", "void or t.Item"));
    }

    @Test
    void updateOfAListReturningAnArray() {
        Compilation c = compileItems(items(
                "    @Update Item[] changeAll(List<Item> items);"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.QUERY_RETURN_TYPE.format("Items.changeAll", "t.Item[]",
                "an @Update method", "void or java.util.List<t.Item>"));
    }

    @Test
    void lifecycleMethodsReturningAListOfTheEntity() {
        Compilation c = compileItems(items(
                "    @Insert List<Item> addAll(List<Item> items);",
                "    @Update List<Item> changeAll(List<Item> items);",
                "    @Save List<Item> storeAll(List<Item> items);"));
        assertClean(c);
    }

    @Test
    void repositoryInAnotherPackageThanAClassWithPackagePrivateFields() {
        Compilation c = compile(source("t.Thing", "package t;", IMPORTS,
                "@Entity",
                "public class Thing {",
                "    @Id long id;",
                "    String name;",
                "}"), source("u.Things", "package u;", DATA_IMPORTS, "import t.Thing;",
                        "@Repository",
                        "public interface Things extends DataRepository<Thing, Long> {",
                        "    List<Thing> findByName(String name);",
                        "}"));
        assertDiagnostics(c, "ERROR 5:8: " + Message.REPOSITORY_PACKAGE.format("Things", "u", "Thing.id", "t"));
    }

    // ---- repositories that compile, without a warning under -Xlint:all, and the SQL they run -----------------

    @Test
    void findMethods() throws IOException {
        Compilation c = compileItems(items(
                "    record Stock(String name, long quantity) {}",
                "    @Find @OrderBy(\"name\") List<Item> byStatus(Status status);",
                "    @Find @OrderBy(value = \"quantity\", descending = true) @OrderBy(\"id\")",
                "    Stream<Item> streamed(Status status, boolean active);",
                "    @Find Optional<Item> byName(String name);",
                "    @Find Item one(@By(\"id(this)\") long key);",
                "    @Find Item[] array(@By(\"status\") Status wanted);",
                "    @Find Page<Item> page(Status status, PageRequest pageRequest);",
                "    @Find List<Item> limited(Status status, Limit limit);",
                "    @Find List<Item> sorted(Status status, Order<Item> order);",
                "    @Find List<Item> sortedBy(Status status, Sort<Item> sort);",
                "    @Find @OrderBy(value = \"name\", ignoreCase = true) List<Item> all();",
                "    @Find @OrderBy(\"name\") List<Stock> stock(Status status);",
                "    @Delete long remove(Status status);"));
        assertClean(c);
        String impl = impl(c);
        assertFinds(impl, "BY_STATUS", " AND status = ? ORDER BY name");
        // a stream sets the tenant once, for its cursor's transaction
        assertEquals(SELECT_ITEM + "WHERE tenant_id = ? AND (status = ? AND active = ?) ORDER BY quantity DESC, id",
                sql(impl, "STREAMED"));
        assertFinds(impl, "BY_NAME", " AND name = ?");
        assertFinds(impl, "ONE", " AND id = ?");
        assertFinds(impl, "ARRAY", " AND status = ?");
        // pages are ordered by the id at least, so they do not overlap
        assertFinds(impl, "PAGE", " AND status = ? ORDER BY id LIMIT ? OFFSET ?");
        assertEquals(SET_TENANT + "SELECT count(*) FROM item WHERE tenant_id = ? AND status = ?",
                sql(impl, "PAGE_COUNT"));
        assertFinds(impl, "LIMITED", " AND status = ? ORDER BY id LIMIT ? OFFSET ?");
        assertFinds(impl, "SORTED", " AND status = ? /*order*/");
        assertFinds(impl, "SORTED_BY", " AND status = ? /*order*/");
        assertFinds(impl, "ALL", " ORDER BY lower(name)");
        assertEquals(SET_TENANT + "SELECT name, quantity, id FROM item WHERE tenant_id = ? AND status = ? ORDER BY name",
                sql(impl, "STOCK"));
        assertEquals(SET_TENANT + "DELETE FROM item WHERE tenant_id = ? AND id IN (SELECT id FROM item WHERE tenant_id = ? AND status = ? ORDER BY id FOR UPDATE)", sql(impl, "REMOVE"));
    }

    @Test
    void derivedNamesWithEveryKeyword() throws IOException {
        Compilation c = compileItems(items(
                "    List<Item> findByNameAndQuantity(String name, long quantity);",
                "    List<Item> findByNameOrStatus(String name, Status status);",
                "    List<Item> findByNameNot(String name);",
                "    List<Item> findByQuantityBetween(long low, long high);",
                "    List<Item> findByQuantityNotBetween(long low, long high);",
                "    List<Item> findByQuantityLessThan(long max);",
                "    List<Item> findByQuantityLessThanEqual(long max);",
                "    List<Item> findByQuantityGreaterThan(long min);",
                "    List<Item> findByQuantityGreaterThanEqual(long min);",
                "    List<Item> findByNameLike(String pattern);",
                "    List<Item> findByNameNotLike(String pattern);",
                "    List<Item> findByNameStartsWith(String prefix);",
                "    List<Item> findByNameEndsWith(String suffix);",
                "    List<Item> findByNameContains(String part);",
                "    List<Item> findByStatusIn(List<Status> statuses);",
                "    List<Item> findByStatusNotIn(Set<Status> statuses);",
                "    List<Item> findByNameIn(String[] names);",
                "    List<Item> findByDueOnNull();",
                "    List<Item> findByDueOnNotNull();",
                "    List<Item> findByActiveTrue();",
                "    List<Item> findByActiveFalse();",
                "    List<Item> findByNameIgnoreCase(String name);",
                "    List<Item> findByNameIgnoreCaseStartsWith(String prefix);",
                "    List<Item> findFirst3ByStatusOrderByQuantityDescNameAsc(Status status);",
                "    Optional<Item> findFirstByOrderByPriceDesc();",
                "    List<Item> findByOrderByDueOnAscIdDesc();",
                "    long countByStatus(Status status);",
                "    int countByActiveTrue();",
                "    boolean existsByName(String name);",
                "    long deleteByStatus(Status status);",
                "    void deleteByDueOnNull();"));
        assertClean(c);
        String impl = impl(c);
        assertFinds(impl, "FIND_BY_NAME_AND_QUANTITY", " AND (name = ? AND quantity = ?)");
        assertFinds(impl, "FIND_BY_NAME_OR_STATUS", " AND (name = ? OR status = ?)");
        assertFinds(impl, "FIND_BY_NAME_NOT", " AND name <> ?");
        assertFinds(impl, "FIND_BY_QUANTITY_BETWEEN", " AND quantity BETWEEN ? AND ?");
        assertFinds(impl, "FIND_BY_QUANTITY_NOT_BETWEEN", " AND quantity NOT BETWEEN ? AND ?");
        assertFinds(impl, "FIND_BY_QUANTITY_LESS_THAN", " AND quantity < ?");
        assertFinds(impl, "FIND_BY_QUANTITY_LESS_THAN_EQUAL", " AND quantity <= ?");
        assertFinds(impl, "FIND_BY_QUANTITY_GREATER_THAN", " AND quantity > ?");
        assertFinds(impl, "FIND_BY_QUANTITY_GREATER_THAN_EQUAL", " AND quantity >= ?");
        assertFinds(impl, "FIND_BY_NAME_LIKE", " AND name LIKE ?");
        assertFinds(impl, "FIND_BY_NAME_NOT_LIKE", " AND name NOT LIKE ?");
        assertFinds(impl, "FIND_BY_NAME_STARTS_WITH", " AND name LIKE ?");
        assertFinds(impl, "FIND_BY_NAME_ENDS_WITH", " AND name LIKE ?");
        assertFinds(impl, "FIND_BY_NAME_CONTAINS", " AND name LIKE ?");
        assertFinds(impl, "FIND_BY_STATUS_IN", " AND status = ANY(CAST(? AS text[]))");
        assertFinds(impl, "FIND_BY_STATUS_NOT_IN", " AND NOT (status = ANY(CAST(? AS text[])))");
        assertFinds(impl, "FIND_BY_NAME_IN", " AND name = ANY(CAST(? AS text[]))");
        assertFinds(impl, "FIND_BY_DUE_ON_NULL", " AND due_on IS NULL");
        assertFinds(impl, "FIND_BY_DUE_ON_NOT_NULL", " AND due_on IS NOT NULL");
        assertFinds(impl, "FIND_BY_ACTIVE_TRUE", " AND active = TRUE");
        assertFinds(impl, "FIND_BY_ACTIVE_FALSE", " AND active = FALSE");
        assertFinds(impl, "FIND_BY_NAME_IGNORE_CASE", " AND lower(name) = lower(?)");
        assertFinds(impl, "FIND_BY_NAME_IGNORE_CASE_STARTS_WITH", " AND lower(name) LIKE lower(?)");
        assertFinds(impl, "FIND_FIRST3_BY_STATUS_ORDER_BY_QUANTITY_DESC_NAME_ASC",
                " AND status = ? ORDER BY quantity DESC, name LIMIT 3");
        assertFinds(impl, "FIND_FIRST_BY_ORDER_BY_PRICE_DESC", " ORDER BY price DESC LIMIT 1");
        assertFinds(impl, "FIND_BY_ORDER_BY_DUE_ON_ASC_ID_DESC", " ORDER BY due_on, id DESC");
        assertEquals(SET_TENANT + "SELECT count(*) FROM item WHERE tenant_id = ? AND status = ?",
                sql(impl, "COUNT_BY_STATUS"));
        assertEquals(SET_TENANT + "SELECT count(*) FROM item WHERE tenant_id = ? AND active = TRUE",
                sql(impl, "COUNT_BY_ACTIVE_TRUE"));
        assertEquals(SET_TENANT + "SELECT EXISTS (SELECT 1 FROM item WHERE tenant_id = ? AND name = ?)",
                sql(impl, "EXISTS_BY_NAME"));
        assertEquals(SET_TENANT + "DELETE FROM item WHERE tenant_id = ? AND id IN (SELECT id FROM item WHERE tenant_id = ? AND status = ? ORDER BY id FOR UPDATE)", sql(impl, "DELETE_BY_STATUS"));
        assertEquals(SET_TENANT + "DELETE FROM item WHERE tenant_id = ? AND id IN (SELECT id FROM item WHERE tenant_id = ? AND due_on IS NULL"
                + " ORDER BY id FOR UPDATE)",
                sql(impl, "DELETE_BY_DUE_ON_NULL"));
        // StartsWith, EndsWith and Contains match their value literally
        assertTrue(impl.contains("Repositories.like(prefix, Repositories.Match.STARTS_WITH)"), impl);
        assertTrue(impl.contains("Repositories.like(suffix, Repositories.Match.ENDS_WITH)"), impl);
        assertTrue(impl.contains("Repositories.like(part, Repositories.Match.CONTAINS)"), impl);
        assertTrue(impl.contains("Repositories.like(pattern, Repositories.Match.PATTERN)"), impl);
    }

    @Test
    void jdql() throws IOException {
        Compilation c = compileItems(items(
                "    record Stock(String name, long quantity) {}",
                "    @Query(\"SELECT name, quantity FROM Item WHERE status = :status ORDER BY name\")",
                "    List<Stock> stock(Status status);",
                "    @Query(\"select name from Item where quantity > :min order by name desc\")",
                "    List<String> names(long min);",
                "    @Query(\"SELECT count(this) FROM Item WHERE active = true\")",
                "    long activeCount();",
                "    @Query(\"WHERE quantity BETWEEN ?1 AND ?2 AND name NOT LIKE 'x%' AND status IN (t.Status.OPEN,"
                        + " t.Status.CLOSED) ORDER BY id(this) DESC\")",
                "    List<Item> range(long low, long high);",
                "    @Query(\"WHERE LOWER(name) = LOWER(:name) OR dueOn < LOCAL DATE\")",
                "    Optional<Item> named(@Param(\"name\") String label);",
                "    @Query(\"WHERE status NOT IN (:statuses) AND dueOn IS NOT NULL\")",
                "    Item[] notIn(Set<Status> statuses);",
                "    @Query(\"UPDATE Item SET quantity = quantity + :delta WHERE id = :id\")",
                "    boolean add(long id, long delta);",
                "    @Query(\"UPDATE Item SET name = CONCAT(name, :suffix), status = t.Status.CLOSED WHERE id(this) IN (:ids)\")",
                "    int close(String suffix, List<Long> ids);",
                "    @Query(\"DELETE FROM Item WHERE status = t.Status.CLOSED\")",
                "    long purge();",
                "    @Query(\"FROM Item WHERE (quantity + 1) * 2 > :min AND NOT (name = 'a' OR name = 'b')\")",
                "    Stream<Item> streamed(long min);",
                "    @Query(\"\"\"",
                "        WHERE name = :name",
                "        ORDER BY quantity DESC",
                "        \"\"\")",
                "    Page<Item> page(String name, PageRequest pageRequest);"));
        assertClean(c);
        String impl = impl(c);
        assertEquals(SET_TENANT + "SELECT name, quantity, id FROM item WHERE tenant_id = ? AND status = ? ORDER BY name",
                sql(impl, "STOCK"));
        assertEquals(SET_TENANT + "SELECT name, id FROM item WHERE tenant_id = ? AND quantity > ? ORDER BY name DESC",
                sql(impl, "NAMES"));
        assertEquals(SET_TENANT + "SELECT count(*) FROM item WHERE tenant_id = ? AND active = TRUE",
                sql(impl, "ACTIVE_COUNT"));
        assertFinds(impl, "RANGE", " AND (quantity BETWEEN ? AND ? AND name NOT LIKE 'x%' AND status IN ('OPEN',"
                + " 'CLOSED')) ORDER BY id DESC");
        assertFinds(impl, "NAMED", " AND (lower(name) = lower(?) OR due_on < CURRENT_DATE)");
        assertFinds(impl, "NOT_IN", " AND (NOT (status = ANY(CAST(? AS text[]))) AND due_on IS NOT NULL)");
        assertEquals(SET_TENANT + "UPDATE item SET quantity = (quantity + ?) WHERE tenant_id = ? AND id = ?",
                sql(impl, "ADD"));
        // bulk statements lock their rows in id order first; one pinned to an id does not need to
        assertEquals(SET_TENANT + "UPDATE item SET name = concat(name, ?), status = 'CLOSED' WHERE tenant_id = ? AND"
                + " id IN (SELECT id FROM item WHERE tenant_id = ? AND id = ANY(CAST(? AS bigint[])) ORDER BY id FOR"
                + " UPDATE)", sql(impl, "CLOSE"));
        assertEquals(SET_TENANT + "DELETE FROM item WHERE tenant_id = ? AND id IN (SELECT id FROM item WHERE"
                + " tenant_id = ? AND status = 'CLOSED' ORDER BY id FOR UPDATE)", sql(impl, "PURGE"));
        assertEquals(SELECT_ITEM + "WHERE tenant_id = ? AND (((quantity + 1) * 2) > ? AND NOT ((name = 'a' OR name ="
                + " 'b')))", sql(impl, "STREAMED"));
        assertFinds(impl, "PAGE", " AND name = ? ORDER BY quantity DESC, id LIMIT ? OFFSET ?");
    }

    @Test
    void projectionsAndSingleAttributes() throws IOException {
        Compilation c = compileItems(items(
                "    record Due(String name, java.time.LocalDate due_on) {}",
                "    record Counted(Long quantity, Boolean active) {}",
                "    @Find List<Due> due();",
                "    @Find Optional<Counted> counted(long id);",
                "    @Find Stream<Counted> streamed();",
                "    @Find Page<Counted> page(PageRequest pageRequest);",
                "    @Query(\"SELECT quantity FROM Item WHERE id = :id\")",
                "    Optional<Long> quantity(long id);",
                "    @Query(\"SELECT active FROM Item WHERE id = :id\")",
                "    boolean active(long id);",
                "    @Query(\"SELECT name FROM Item ORDER BY name\")",
                "    String[] names();"));
        assertClean(c);
        String impl = impl(c);
        // a component is an attribute, or its column; the id comes last
        assertEquals(SET_TENANT + "SELECT name, due_on, id FROM item WHERE tenant_id = ?", sql(impl, "DUE"));
        assertEquals(SET_TENANT + "SELECT quantity, active, id FROM item WHERE tenant_id = ? AND id = ?",
                sql(impl, "COUNTED"));
        assertEquals(SET_TENANT + "SELECT quantity, id FROM item WHERE tenant_id = ? AND id = ?", sql(impl, "QUANTITY"));
        assertEquals(SET_TENANT + "SELECT name, id FROM item WHERE tenant_id = ? ORDER BY name", sql(impl, "NAMES"));
    }

    @Test
    void parametersNamedLikeTheGeneratedLocals() {
        Compilation c = compileItems(items(
                "    @Find List<Item> clash(@By(\"name\") String statement, @By(\"quantity\") long rows,",
                "        @By(\"status\") Status found, @By(\"active\") boolean connection, Limit tenant);",
                "    @Find Page<Item> page(@By(\"quantity\") long limit, @By(\"name\") String offset,",
                "        @By(\"status\") Status total, PageRequest order);",
                "    @Find List<Item> sorted(@By(\"quantity\") long order, Limit limit, Order<Item> sort);",
                "    @Query(\"UPDATE Item SET name = :support WHERE quantity = :database\")",
                "    long rename(String support, long database);"));
        assertClean(c);
    }

    @Test
    void basicRepository() throws IOException {
        Compilation c = compileItems(repository("BasicRepository<Item, Long>",
                "    List<Item> findByName(String name);"));
        assertClean(c);
        String impl = impl(c);
        assertTrue(impl.contains("public <S extends Item> S save(S entity)"), impl);
        assertTrue(impl.contains("public <S extends Item> List<S> saveAll(List<S> entities)"), impl);
        assertTrue(impl.contains("public Optional<Item> findById(Long id)"), impl);
        assertTrue(impl.contains("public Stream<Item> findAll()"), impl);
        assertTrue(impl.contains("public Page<Item> findAll(PageRequest pageRequest, Order<Item> sortBy)"), impl);
        assertTrue(impl.contains("public void deleteById(Long id)"), impl);
        assertTrue(impl.contains("dao.deleteById(id);"), impl);
        assertTrue(impl.contains("public void delete(Item entity)"), impl);
        assertTrue(impl.contains("public void deleteAll(List<? extends Item> entities)"), impl);
        // a generated id: saved by an insert without one, by an update with one
        assertTrue(impl.contains("(entity.id() == null ? dao.insert(entity) : dao.update(entity))"), impl);
        assertFinds(impl, "FIND_BY_NAME", " AND name = ?");
    }

    @Test
    void crudRepository() throws IOException {
        Compilation c = compileItems(repository("CrudRepository<Item, Long>",
                "    @Insert Item[] addAll(Item[] items);",
                "    @Update Item change(Item item);",
                "    @Update void changeAll(List<Item> items);",
                "    @Save Item store(Item item);",
                "    @Delete void removeAll(Item... items);"));
        assertClean(c);
        String impl = impl(c);
        assertTrue(impl.contains("public <S extends Item> S insert(S entity)"), impl);
        assertTrue(impl.contains("public <S extends Item> List<S> insertAll(List<S> entities)"), impl);
        assertTrue(impl.contains("public <S extends Item> S update(S entity)"), impl);
        assertTrue(impl.contains("public <S extends Item> List<S> updateAll(List<S> entities)"), impl);
        assertTrue(impl.contains("dao.insertAll(List.<Item>copyOf(Arrays.asList(items)))"), impl);
    }

    @Test
    void lifecycleMethodsTellTheEntityWithoutADataRepository() {
        Compilation c = compileItems(source("t.Items", "package t;", DATA_IMPORTS,
                "@Repository",
                "public interface Items {",
                "    @Insert Item add(Item item);",
                "    List<Item> findByName(String name);",
                "}"));
        assertClean(c);
    }

    @Test
    void repositoryOfAnotherPackage() {
        Compilation c = compile(item(), status(), source("u.Things", "package u;", DATA_IMPORTS, "import t.*;",
                "@Repository",
                "public interface Things extends CrudRepository<Item, Long> {",
                "    List<Item> findByStatus(Status status);",
                "}"));
        assertClean(c);
        assertTrue(c.generatedSourceFile("u.ThingsImpl").isPresent());
    }

    @Test
    void nestedRepository() {
        Compilation c = compile(item(), status(), source("t.Outer", "package t;", DATA_IMPORTS,
                "public class Outer {",
                "    @Repository",
                "    public interface Items extends DataRepository<Item, Long> {",
                "        List<Item> findByName(String name);",
                "    }",
                "}"));
        assertClean(c);
        assertTrue(c.generatedSourceFile("t.Outer_ItemsImpl").isPresent());
    }

    @Test
    void subtypeOfASingleTableHierarchy() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    record A(long id, String a) implements P {}",
                "    record B(long id, String b) implements P {}",
                "}"), source("t.As", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface As extends CrudRepository<P.A, Long> {",
                        "    List<P.A> findByA(String a);",
                        "    long deleteByA(String a);",
                        "    @Query(\"UPDATE A SET a = :a WHERE id = :id\") boolean rename(long id, String a);",
                        "}"));
        assertClean(c);
    }

    @Test
    void auditedSharedAndSchemaTenantedEntities() {
        Compilation c = compile(
                source("t.V", "package t;", IMPORTS,
                        "@Entity @Tenanted @Audited",
                        "public record V(@Id long id, String name, @Version long version) {}"),
                source("t.Vs", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Vs extends CrudRepository<V, Long> {",
                        "    @Query(\"UPDATE V SET name = :name WHERE id = :id\") boolean rename(long id, String name);",
                        "    long deleteByName(String name);",
                        "}"),
                source("t.S", "package t;", IMPORTS,
                        "@Entity",
                        "public record S(@Id long id, String name) {}"),
                source("t.Ss", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Ss extends CrudRepository<S, Long> {",
                        "    Stream<S> findByIdGreaterThan(long id);",
                        "    long deleteByName(String name);",
                        "}"),
                source("t.T", "package t;", IMPORTS,
                        "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                        "public record T(@Id long id, String name) {}"),
                source("t.Ts", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Ts extends CrudRepository<T, Long> {",
                        "    Stream<T> findByIdGreaterThan(long id);",
                        "    Page<T> findByName(String name, PageRequest pageRequest);",
                        "    long deleteByName(String name);",
                        "}"));
        assertClean(c);
    }

    @Test
    void firstWithALimit() {
        Compilation c = compileItems(items(
                "    List<Item> findFirst2ByName(String name, Limit limit);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findFirst2ByName", "Limit",
                "a method reading First2 rows cannot also take; drop one of them"));
    }

    @Test
    void likeOnANumber() {
        Compilation c = compileItems(items(
                "    List<Item> findByQuantityLike(String pattern);"));
        assertDiagnostics(c, "ERROR 5:16: " + Message.QUERY_INVALID.format("Items.findByQuantityLike",
                "Like needs a String attribute, and Item.quantity is not one"));
    }

    @Test
    void aListenerThatDoesNotHandleUpdatesAllowsBulkUpdates() {
        Compilation c = compile(status(), source("t.Audit", "package t;",
                        "public class Audit implements dev.tenantdao.runtime.EntityListener<Item> {",
                        "    @Override public void afterLoad(Item item) {}",
                        "}"),
                source("t.Item", "package t;", IMPORTS,
                        "@Entity @Tenanted @Listeners(Audit.class)",
                        "public record Item(@Id(generated = true) Long id, String name) {}"),
                source("t.Items", "package t;", DATA_IMPORTS,
                        "@Repository",
                        "public interface Items extends DataRepository<Item, Long> {",
                        "    @Query(\"UPDATE Item SET name = :name WHERE name IS NULL\") long name(String name);",
                        "}"));
        assertClean(c);
    }

    // ---- native SQL ------------------------------------------------------------------------------------

    private static JavaFileObject owner() {
        return source("t.Owner", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "public record Owner(@Id long id, String name) {}");
    }

    @Test
    void nativeSqlWithAJoinThatIsNotConfined() {
        String sql = "SELECT i.* FROM item i JOIN owner o ON o.id = i.quantity WHERE i.tenant_id = :tenant";
        Compilation c = compile(item(), status(), owner(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"" + sql + "\")",
                "    List<Item> owned();",
                "}"));
        assertDiagnostics(c, "ERROR 6:10: " + javac(Message.SQL_NOT_CONFINED.format("Items.owned", pointing(
                "owner o is not confined to the tenant: its block has no o.tenant_id = :tenant (or o.tenant_id = <a"
                        + " confined table>.tenant_id) as a condition of its WHERE or of its join's ON, outside any OR"
                        + " or NOT", sql, "owner o"))));
    }

    @Test
    void nativeSqlConfinedCompilesAndBindsTheTenant() throws IOException {
        Compilation c = compile(item(), status(), owner(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"SELECT i.* FROM item i JOIN owner o ON o.tenant_id = i.tenant_id AND o.id = i.quantity"
                        + " WHERE i.tenant_id = :tenant AND o.name = :name\")",
                "    List<Item> ownedBy(String name);",
                "    record Total(String name, long items) {}",
                "    @Sql(\"SELECT o.name, count(*) AS items FROM owner o JOIN item i ON i.tenant_id = o.tenant_id"
                        + " WHERE o.tenant_id = :tenant GROUP BY o.name\")",
                "    List<Total> totals();",
                "}"));
        assertClean(c);
        String impl = impl(c);
        assertTrue(impl.contains("statement.setString(2, tenant);"), impl);
        // the entity's columns read by name from the statement's rows; :tenant and :name bound in their places
        assertTrue(impl.contains("SELECT rows.id, rows.tenant_id, rows.name, rows.quantity"), impl);
        assertTrue(impl.contains("WHERE i.tenant_id = ? AND o.name = ?) AS rows"), impl);
    }

    @Test
    void nativeSqlThatDoesNotParse() {
        String sql = "SELECT * FORM item WHERE tenant_id = :tenant";
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"" + sql + "\")",
                "    List<Item> all();",
                "}"));
        assertEquals(1, errors(c).size());
        assertTrue(errors(c).get(0).startsWith("ERROR 6:10: Items.all: The SQL does not parse as PostgreSQL"),
                errors(c).toString());
    }

    @Test
    void nativeSqlNamingATenantParameter() {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"SELECT * FROM item WHERE tenant_id = :tenant\")",
                "    List<Item> of(String tenant);",
                "}"));
        assertDiagnostics(c, "ERROR 7:26: " + Message.SQL_TENANT_PARAMETER.format("Items.of"));
    }

    @Test
    void crossTenantNeedsAReasonAndIsReported() throws IOException {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.*;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @CrossTenant(reason = \"operators' totals\") @Sql(\"SELECT count(*) FROM item\")",
                "    long countAll();",
                "}"));
        assertClean(c);
        String report = c.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/cross-tenant.txt")
                .orElseThrow().getCharContent(false).toString();
        assertTrue(report.contains("t.Items.countAll: operators' totals\n"), report);
        Compilation blank = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.*;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @CrossTenant(reason = \" \") @Sql(\"SELECT count(*) FROM item\")",
                "    long countAll();",
                "}"));
        assertDiagnostics(blank, "ERROR 6:27: " + Message.CROSS_TENANT_REASON.format("Items.countAll"));
    }

    @Test
    void cursoredPageOrderedByANullableAttribute() {
        Compilation c = compileItems(items(
                "    @Find @OrderBy(\"dueOn\") CursoredPage<Item> due(Status status, PageRequest pageRequest);"));
        assertDiagnostics(c, "ERROR 5:48: " + Message.QUERY_CURSOR_ORDER.format("Items.due", "Item.dueOn",
                "may be NULL (declare it @Column(nullable = false))"));
    }

    @Test
    void nativeSqlNamingASchemaPerTenantTableFromARowTenantedRepository() {
        Compilation c = compile(item(), status(), source("t.Entry", "package t;", IMPORTS,
                "@Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)",
                "public record Entry(@Id long id, long amount) {}"), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"SELECT count(*) FROM entry\")",
                "    long entries();",
                "}"));
        assertDiagnostics(c, "ERROR 6:10: " + Message.SQL_SCHEMA_TABLES.format("Items.entries", "Item"));
    }

    @Test
    void aDeclaredViewIsJudgedLikeItsEntitysTable() {
        String sql = "SELECT count(*) FROM open_items";
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.*;",
                "@TenantedView(name = \"open_items\", entity = Item.class)",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    @Sql(\"" + sql + "\")",
                "    long open();",
                "    @Sql(\"SELECT count(*) FROM open_items WHERE tenant_id = :tenant\")",
                "    long mine();",
                "}"));
        assertDiagnostics(c, "ERROR 7:10: " + javac(Message.SQL_NOT_CONFINED.format("Items.open", pointing(
                "open_items is not confined to the tenant: its block has no open_items.tenant_id = :tenant (or"
                        + " open_items.tenant_id = <a confined table>.tenant_id) as a condition of its WHERE or of its"
                        + " join's ON, outside any OR or NOT", sql, "open_items"))));
    }

    @Test
    void nativeSqlWhoseSelectListLacksARecordsComponent() {
        Compilation c = compile(item(), status(), source("t.Items", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {",
                "    record Total(String name, long items) {}",
                "    @Sql(\"SELECT name, count(*) AS total FROM item WHERE tenant_id = :tenant GROUP BY name\")",
                "    List<Total> totals();",
                "}"));
        assertDiagnostics(c, "ERROR 7:10: " + Message.SQL_NO_COLUMN.format("Items.totals", "Total", "items",
                "name, total"));
    }
}
