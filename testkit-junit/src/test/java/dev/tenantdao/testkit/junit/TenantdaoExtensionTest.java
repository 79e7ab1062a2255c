package dev.tenantdao.testkit.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The extension without entities (the samples' {@code InvoicingWithTheExtensionTest} applies real
 * ones): the schema named after the class, made fresh, the connecting role no superuser, the same
 * objects for every parameter of a class and its nested classes.
 */
@TenantdaoTest(entities = {})
class TenantdaoExtensionTest {

    private final TestSchema fromConstructor;

    TenantdaoExtensionTest(TestSchema schema) {
        this.fromConstructor = schema;
    }

    @Test
    void theSchemaIsTheClasssAndItsConnectionsAreTheRolesNoSuperuser(Database database, DataSource dataSource,
            TestSchema schema) throws SQLException {
        assertEquals("tenantdao_extension_test", schema.name());
        assertSame(fromConstructor, schema);
        assertSame(schema.database(), database);
        assertSame(schema.dataSource(), dataSource);
        assertSame(dataSource, database.dataSource());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_schema(), current_user,"
                        + " (SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user)")) {
            assertTrue(row.next());
            assertEquals("tenantdao_extension_test", row.getString(1));
            assertEquals("tenantdao_test_app", row.getString(2));
            assertFalse(row.getBoolean(3));
        }
        try (Connection connection = schema.owner().getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()")) {
            assertTrue(row.next());
            assertEquals(0, row.getInt(1), "a fresh schema, no entity listed");
        }
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheEnclosingSchema(TestSchema schema) {
            assertSame(fromConstructor, schema);
        }
    }

    @Test
    void schemaNamesAreSnakeCaseIdentifiers() {
        assertEquals("tenantdao_extension_test", TenantdaoExtension.schemaName(TenantdaoExtensionTest.class));
        assertEquals("tenantdao_extension_test_inner", TenantdaoExtension.schemaName(Inner.class));
        assertEquals("tenantdao_extension_test_http_api_test", TenantdaoExtension.schemaName(HTTPApiTest.class));
    }

    static class HTTPApiTest {}
}
