package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compileWithOptions;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @AcrossTenants} repository methods (operator access): the statement each runs (no tenant predicate,
 * each row's tenant selected last, in tenant order), and every misuse as a compile error with message, line and
 * column: no operator role option, an entity without a tenant column, a write, an exists, another return type, a
 * cursor, misused paging. Counts ({@code Map<String, Long>}), {@code Limit}, offset pages with their total, sort
 * criteria given at run time (after the tenant) and records of attributes are read across tenants.
 */
class AcrossTenantsRepositoryTest {

    private static final List<String> ROLE = List.of("-Atenantdao.operatorRole=support_staff");

    private static JavaFileObject item(String tenancy) {
        return source("t.Item", "package t;", "import dev.tenantdao.annotations.*;",
                "@Entity " + tenancy,
                "public record Item(@Id(generated = true) Long id, String name, long quantity) {}");
    }

    /** {@code @Repository interface Items extends DataRepository<Item, Long>} declaring {@code lines}, from line 5. */
    private static JavaFileObject items(String... lines) {
        List<String> all = new ArrayList<>(List.of("package t;", "import jakarta.data.repository.*; import java.util.*;"
                        + " import jakarta.data.*; import jakarta.data.page.*; import dev.tenantdao.annotations.AcrossTenants;"
                        + " import dev.tenantdao.runtime.TenantRow;",
                "@Repository",
                "public interface Items extends DataRepository<Item, Long> {"));
        all.addAll(List.of(lines));
        all.add("}");
        return source("t.Items", all.toArray(String[]::new));
    }

    private static String impl(Compilation c) throws IOException {
        return c.generatedSourceFile("t.ItemsImpl").orElseThrow(() -> new AssertionError("no t.ItemsImpl: "
                + c.diagnostics())).getCharContent(false).toString();
    }

    @Test
    void derivedAndJdqlMethodsReadEveryTenantsRowsInTenantOrderOnlyInsideAnOperatorBlock() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByQuantityGreaterThan(long quantity);",
                "    @AcrossTenants @Query(\"WHERE name = :name ORDER BY quantity DESC\")",
                "    List<TenantRow<Item>> named(String name);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String FIND_BY_QUANTITY_GREATER_THAN = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity > ? \\
                            ORDER BY tenant_id, id\""";
                """), impl);
        assertTrue(impl.contains("""
                    static final String NAMED = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name = ? \\
                            ORDER BY tenant_id, quantity DESC, id\""";
                """), impl);
        assertTrue(impl.contains("DaoCall call = support.beginAcrossTenants(\"Items.named\", NAMED);"), impl);
        assertTrue(impl.contains("return call.rowsOfTenants(found);"), impl);
        assertTrue(impl.contains("(every method but the @AcrossTenants ones, which only {@code Database.asOperator} serves,"),
                impl);
    }

    @Test
    void aHierarchyRootsRepositoryMethodReadsEveryTenantsRowsOfEverySubtype() throws IOException {
        Compilation c = compileWithOptions(ROLE, source("t.Item", "package t;", "import dev.tenantdao.annotations.*;",
                        "@Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.JOINED)",
                        "public sealed interface Item permits Item.Box {",
                        "    @Id long id();",
                        "    String name();",
                        "    @Subtype(value = \"box\", table = \"box\") record Box(long id, String name, int size) implements Item {}",
                        "}"),
                items("    @AcrossTenants List<TenantRow<Item>> findByName(String name);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                            FROM item LEFT JOIN box ON box.tenant_id = item.tenant_id AND box.id = item.id \\
                            WHERE item.name = ? \\
                            ORDER BY item.tenant_id, item.id\"\"\";
                """), impl);
    }

    @Test
    void withoutTheOperatorRoleOptionItIsAnErrorOnTheMethod() {
        Compilation c = compileWithOptions(List.of(), item("@Tenanted"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByName(String name);"));
        assertDiagnostics(c, "ERROR 5:42: " + Message.ACROSS_TENANTS_MISUSE.format("Items.findByName",
                "needs a row-tenanted entity and the processor option -Atenantdao.operatorRole: Item is row-tenanted,"
                        + " but the option is not given"));
    }

    @Test
    void anEntityWithoutATenantColumnIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted(strategy = Tenanted.Strategy.SCHEMA)"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByName(String name);"));
        assertDiagnostics(c, "ERROR 5:42: " + Message.ACROSS_TENANTS_MISUSE.format("Items.findByName",
                "needs a row-tenanted entity and the processor option -Atenantdao.operatorRole: Item has no tenant"
                        + " column"));
    }

    @Test
    void aCountCountsEachTenantsRowsGroupedByTenantInTenantOrder() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants Map<String, Long> countByName(String name);",
                "    @AcrossTenants @Query(\"SELECT count(this) WHERE quantity > :least\") Map<String, Long> above(long least);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String COUNT_BY_NAME = \"""
                            SELECT count(*), tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name = ? \\
                            GROUP BY tenant_id \\
                            ORDER BY tenant_id\""";
                """), impl);
        assertTrue(impl.contains("""
                    static final String ABOVE = \"""
                            SELECT count(*), tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity > ? \\
                            GROUP BY tenant_id \\
                            ORDER BY tenant_id\""";
                """), impl);
        assertTrue(impl.contains("""
                        DaoCall call = support.beginAcrossTenants("Items.above", ABOVE);
                        try {
                            Connection connection = call.connection();
                            try (PreparedStatement statement = connection.prepareStatement(ABOVE)) {
                                statement.setLong(1, least);
                                try (ResultSet rows = statement.executeQuery()) {
                                    Map<String, Long> counts = new LinkedHashMap<>();
                                    while (rows.next()) {
                                        counts.put(rows.getString("tenantdao_row_tenant"), rows.getLong(1));
                                    }
                                    return call.countsOfTenants(counts);
                """), impl);
    }

    @Test
    void aLimitReadsAPageOfEveryTenantsRowsInTenantOrder() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByQuantityGreaterThan(long quantity, Limit limit);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String FIND_BY_QUANTITY_GREATER_THAN = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity > ? \\
                            ORDER BY tenant_id, id \\
                            LIMIT ? OFFSET ?\""";
                """), impl);
        assertTrue(impl.contains("""
                        int limit = limit_.maxResults();
                        long offset = Repositories.offset(limit_);
                        DaoCall call = support.beginAcrossTenants("Items.findByQuantityGreaterThan", FIND_BY_QUANTITY_GREATER_THAN);
                """), impl);
    }

    @Test
    void aPageCountsItsTotalPerTenantWithTheSamePredicate() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @OrderBy(\"name\")",
                "    Page<TenantRow<Item>> findByQuantityLessThan(long quantity, PageRequest request);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String FIND_BY_QUANTITY_LESS_THAN = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity < ? \\
                            ORDER BY tenant_id, name, id \\
                            LIMIT ? OFFSET ?\""";

                    static final String FIND_BY_QUANTITY_LESS_THAN_COUNT = \"""
                            SELECT count(*), tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity < ? \\
                            GROUP BY tenant_id \\
                            ORDER BY tenant_id\""";
                """), impl);
        assertTrue(impl.contains("""
                            Map<String, Long> counted = new LinkedHashMap<>();
                            long total = -1;
                            if (request.requestTotal()) {
                                call.next(FIND_BY_QUANTITY_LESS_THAN_COUNT);
                """), impl);
        assertTrue(impl.contains("""
                            Page<TenantRow<Item>> page = Repositories.page(request, found, total);
                            return call.pageOfTenants(page, page.content(), counted);
                """), impl);
    }

    @Test
    void aCursoredPageIsKeyedByTheTenantThenTheOrderThenTheId() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @OrderBy(value = \"quantity\", descending = true)",
                "    CursoredPage<TenantRow<Item>> findByNameNot(String name, PageRequest request);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String FIND_BY_NAME_NOT_AFTER = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name <> ? AND ((tenant_id > ?) OR (tenant_id = ? AND quantity < ?) OR (tenant_id = ? AND quantity = ? AND id > ?)) \\
                            ORDER BY tenant_id, quantity DESC, id \\
                            LIMIT ?\""";

                    static final String FIND_BY_NAME_NOT_BEFORE = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name <> ? AND ((tenant_id < ?) OR (tenant_id = ? AND quantity > ?) OR (tenant_id = ? AND quantity = ? AND id < ?)) \\
                            ORDER BY tenant_id DESC, quantity, id DESC \\
                            LIMIT ?\""";

                    static final String FIND_BY_NAME_NOT_COUNT = \"""
                            SELECT count(*), tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name <> ? \\
                            GROUP BY tenant_id \\
                            ORDER BY tenant_id\""";
                """), impl);
        assertTrue(impl.contains("""
                        String tenantKey_ = Repositories.key(request, 0, 3, String.class);
                        Long quantityKey = Repositories.key(request, 1, 3, Long.class);
                        Long idKey = Repositories.key(request, 2, 3, Long.class);
                """), impl);
        assertTrue(impl.contains("""
                            CursoredPage<TenantRow<Item>> page = Repositories.cursoredPage(request, found, row -> PageRequest.Cursor.forKey(row.tenant(), row.entity().quantity(), row.entity().id()), total);
                            return call.pageOfTenants(page, page.content(), counted);
                """), impl);
    }

    @Test
    void aCursorInIdOrderComparesTheTenantAndTheIdAsOneRowAndATenantOfAnotherTypeAsThatType() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted(columnType = Tenanted.ColumnType.UUID)"), items(
                "    @AcrossTenants CursoredPage<TenantRow<Item>> findByNameNot(String name, PageRequest request);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                            WHERE name <> ? AND (tenant_id, id) > (?::uuid, ?) \\
                            ORDER BY tenant_id, id \\
                            LIMIT ?\""";
                """), impl);
        assertTrue(impl.contains("""
                            WHERE name <> ? AND (tenant_id, id) < (?::uuid, ?) \\
                            ORDER BY tenant_id DESC, id DESC \\
                            LIMIT ?\""";
                """), impl);
    }

    @Test
    void aVendorScopedEntitysRowsAreOrderedByTenantAndIdAUniqueKeyOfItsTableAndMayHaveACursor() throws IOException {
        // (a vendor-scoped table is unique on its tenant and id too: its tenant-wide lookup)
        Compilation c = compileWithOptions(ROLE, item("@Tenanted @VendorScoped"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByName(String name, Limit limit);",
                "    @AcrossTenants List<TenantRow<Item>> findByQuantity(long quantity, Sort<Item> sort);",
                "    @AcrossTenants CursoredPage<TenantRow<Item>> findByNameNot(String name, PageRequest request);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                            WHERE name = ? \\
                            ORDER BY tenant_id, id \\
                            LIMIT ? OFFSET ?\""";
                """), impl);
        assertTrue(impl.contains("Repositories.orderBy(\"tenant_id\", List.of(sort), SORTABLE, \"Item\", \"id\")"),
                impl);
        assertTrue(impl.contains("(tenant_id, id) > (?, ?)"), impl);
    }

    @Test
    void anOrderGivenAtRunTimeComesAfterTheTenantAndBeforeTheId() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants List<TenantRow<Item>> findByName(String name, Order<Item> order);",
                "    @AcrossTenants @OrderBy(\"quantity\") List<TenantRow<Item>> findByQuantityGreaterThan(long quantity, Sort<Item> sort, Limit limit);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String FIND_BY_NAME = \"""
                            SELECT id, name, quantity, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name = ? /*order*/\""";
                """), impl);
        assertTrue(impl.contains("String order = Repositories.orderBy(\"tenant_id\", order_, SORTABLE, \"Item\", \"id\");"),
                impl);
        assertTrue(impl.contains("prepareStatement(Repositories.ordered(FIND_BY_NAME, order))"), impl);
        assertTrue(impl.contains("""
                            WHERE quantity > ? /*order*/ \\
                            LIMIT ? OFFSET ?\""";
                """), impl);
        assertTrue(impl.contains("String order = Repositories.orderBy(\"tenant_id, quantity\", List.of(sort), SORTABLE,"
                + " \"Item\", \"id\");"), impl);
    }

    @Test
    void aRecordOfAttributesReadsItsColumnsAndEachRowsTenant() throws IOException {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), source("t.NameAndQuantity", "package t;",
                        "public record NameAndQuantity(String name, long quantity) {}"), items(
                "    @AcrossTenants @Query(\"SELECT name, quantity WHERE quantity > :least ORDER BY name\")",
                "    List<TenantRow<NameAndQuantity>> stock(long least);",
                "    @AcrossTenants @Find List<TenantRow<NameAndQuantity>> ofName(String name);"));
        assertDiagnostics(c);
        String impl = impl(c);
        assertTrue(impl.contains("""
                    static final String STOCK = \"""
                            SELECT name, quantity, id, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE quantity > ? \\
                            ORDER BY tenant_id, name, id\""";

                    static final String OF_NAME = \"""
                            SELECT name, quantity, id, tenant_id AS tenantdao_row_tenant \\
                            FROM item \\
                            WHERE name = ? \\
                            ORDER BY tenant_id, id\""";
                """), impl);
        assertTrue(impl.contains("""
                                    List<TenantRow<NameAndQuantity>> found = new ArrayList<>();
                                    while (rows.next()) {
                                        found.add(new TenantRow<>(rows.getString("tenantdao_row_tenant"), mapNameAndQuantity(rows)));
                                    }
                                    return call.rowsOfTenants(found);
                """), impl);
    }

    @Test
    void aProjectionIntoTheEntityOrOfOneAttributeIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @Query(\"SELECT name WHERE name <> :name\") List<TenantRow<Item>> names(String name);",
                "    @AcrossTenants @Query(\"SELECT name WHERE name <> :name\") List<TenantRow<String>> others(String name);"));
        assertDiagnostics(c,
                "ERROR 5:84: " + Message.QUERY_RETURN_TYPE.format("Items.names", "t.Item", "a select of name",
                        "a record whose components are those attributes, in that order"),
                "ERROR 6:86: " + Message.ACROSS_TENANTS_MISUSE.format("Items.others", "reads entities or records of"
                        + " their attributes: a single attribute is not supported across tenants; declare a record of it"));
    }

    @Test
    void writesExistsAndSqlMethodsAreErrors() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @Insert Item add(Item item);",
                "    @AcrossTenants boolean existsByName(String name);",
                "    @AcrossTenants @Query(\"DELETE FROM Item WHERE name = :name\") long dropNamed(String name);",
                "    @AcrossTenants @dev.tenantdao.annotations.Sql(\"SELECT * FROM item\") List<Item> raw();"));
        assertDiagnostics(c,
                "ERROR 5:33: " + Message.ACROSS_TENANTS_MISUSE.format("Items.add", "only a find method can be (a derived"
                        + " find, @Find or a @Query select): an @Insert method is not"),
                "ERROR 6:28: " + Message.ACROSS_TENANTS_MISUSE.format("Items.existsByName",
                        "only a find or a count method can be: an exists is not"),
                "ERROR 7:71: " + Message.ACROSS_TENANTS_MISUSE.format("Items.dropNamed",
                        "only a find or a count method can be: a delete is not"),
                "ERROR 8:84: " + Message.ACROSS_TENANTS_MISUSE.format("Items.raw", "only a find method can be (a derived"
                        + " find, @Find or a @Query select): a @Sql method is not"));
    }

    @Test
    void aCountOfAnotherTypeOrWithPagingIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants long countByName(String name);",
                "    @AcrossTenants Map<String, Integer> countByQuantity(long quantity);",
                "    @AcrossTenants Map<String, Long> countByNameNot(String name, Limit limit);"));
        assertDiagnostics(c,
                "ERROR 5:25: " + Message.QUERY_RETURN_TYPE.format("Items.countByName", "long", "an @AcrossTenants count",
                        "Map<String, Long> (each tenant's count)"),
                "ERROR 6:41: " + Message.QUERY_RETURN_TYPE.format("Items.countByQuantity",
                        "java.util.Map<java.lang.String,java.lang.Integer>", "an @AcrossTenants count",
                        "Map<String, Long> (each tenant's count)"),
                "ERROR 7:38: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.countByNameNot", "Limit",
                        "an @AcrossTenants count cannot use"));
    }

    @Test
    void anotherReturnTypeOrMisusedPagingIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants List<Item> findByName(String name);",
                "    @AcrossTenants Optional<TenantRow<Item>> findById(Long id);",
                "    @AcrossTenants CursoredPage<TenantRow<Item>> findByQuantity(long quantity);",
                "    @AcrossTenants Page<TenantRow<Item>> findByNameNot(String name);",
                "    @AcrossTenants List<TenantRow<Item>> findByNameLike(String name, PageRequest request);",
                "    @AcrossTenants List<TenantRow<Item>> findFirst3ByName(String name, Limit limit);",
                "    @AcrossTenants CursoredPage<TenantRow<Item>> findByNameNotLike(String name, Order<Item> order, PageRequest request);",
                "    @AcrossTenants @Query(\"SELECT name, quantity\") CursoredPage<TenantRow<Item>> pairs(PageRequest request);"));
        String expected = "List<TenantRow<X>>, Page<TenantRow<X>> or CursoredPage<TenantRow<Item>>, X Item or a record of"
                + " its attributes";
        assertDiagnostics(c,
                "ERROR 5:31: " + Message.QUERY_RETURN_TYPE.format("Items.findByName", "java.util.List<t.Item>",
                        "an @AcrossTenants method", expected),
                "ERROR 6:46: " + Message.QUERY_RETURN_TYPE.format("Items.findById",
                        "java.util.Optional<dev.tenantdao.runtime.TenantRow<t.Item>>", "an @AcrossTenants method",
                        expected),
                "ERROR 7:50: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findByQuantity", "CursoredPage",
                        "needs a PageRequest parameter; it"),
                "ERROR 8:42: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findByNameNot", "Page",
                        "needs a PageRequest parameter; it"),
                "ERROR 9:42: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findByNameLike", "PageRequest",
                        "needs a Page result; a list result cannot use"),
                "ERROR 10:42: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findFirst3ByName", "Limit",
                        "a method reading First3 rows cannot also take; drop one of them"),
                "ERROR 11:50: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findByNameNotLike", "Order",
                        "a CursoredPage cannot use: its cursor holds the values of a fixed order; declare it with"
                                + " @OrderBy, OrderBy in the name or ORDER BY in the query, and"),
                "ERROR 12:82: " + Message.QUERY_RETURN_TYPE.format("Items.pairs", "t.Item", "a select of name, quantity",
                        "a record whose components are those attributes, in that order"));
        assertEquals(8, c.errors().size());
    }
}
