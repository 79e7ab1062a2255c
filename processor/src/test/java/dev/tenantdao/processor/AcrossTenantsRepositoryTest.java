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
 * column: no operator role option, an entity without a tenant column, a write, a count, another return type, paging.
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
                        + " import jakarta.data.*; import dev.tenantdao.annotations.AcrossTenants;"
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
    void aProjectionIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @Query(\"SELECT name WHERE name <> :name\") List<TenantRow<Item>> names(String name);"));
        assertDiagnostics(c, "ERROR 5:84: " + Message.ACROSS_TENANTS_MISUSE.format("Items.names",
                "reads whole entities: a SELECT of some attributes (a projection) is not supported across tenants"));
    }

    @Test
    void writesCountsAndSqlMethodsAreErrors() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants @Insert Item add(Item item);",
                "    @AcrossTenants long countByName(String name);",
                "    @AcrossTenants @Query(\"DELETE FROM Item WHERE name = :name\") long dropNamed(String name);"));
        assertDiagnostics(c,
                "ERROR 5:33: " + Message.ACROSS_TENANTS_MISUSE.format("Items.add", "only a find method can be (a derived"
                        + " find, @Find or a @Query select): an @Insert method is not"),
                "ERROR 6:25: " + Message.ACROSS_TENANTS_MISUSE.format("Items.countByName",
                        "only a find method can be: a count is not"),
                "ERROR 7:71: " + Message.ACROSS_TENANTS_MISUSE.format("Items.dropNamed",
                        "only a find method can be: a delete is not"));
    }

    @Test
    void anotherReturnTypeOrPagingIsAnError() {
        Compilation c = compileWithOptions(ROLE, item("@Tenanted"), items(
                "    @AcrossTenants List<Item> findByName(String name);",
                "    @AcrossTenants Optional<TenantRow<Item>> findById(Long id);",
                "    @AcrossTenants List<TenantRow<Item>> findByQuantity(long quantity, Limit limit);"));
        assertDiagnostics(c,
                "ERROR 5:31: " + Message.QUERY_RETURN_TYPE.format("Items.findByName", "java.util.List<t.Item>",
                        "an @AcrossTenants method", "List<TenantRow<Item>>"),
                "ERROR 6:46: " + Message.QUERY_RETURN_TYPE.format("Items.findById",
                        "java.util.Optional<dev.tenantdao.runtime.TenantRow<t.Item>>", "an @AcrossTenants method",
                        "List<TenantRow<Item>>"),
                "ERROR 7:42: " + Message.QUERY_SPECIAL_PARAMETER.format("Items.findByQuantity", "Limit",
                        "an @AcrossTenants method cannot use"));
        assertEquals(3, c.errors().size());
    }
}
