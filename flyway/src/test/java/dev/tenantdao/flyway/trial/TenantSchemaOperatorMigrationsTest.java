package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.flyway.TenantMigrationReport;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Operator access ({@code -Atenantdao.operatorRole}) to a schema-per-tenant entity, deployed by the generated
 * migrations of each tenant's schema: a tenant migrated by Flyway and one created from the DDL resource
 * ({@code createTenant}) have the same catalog (the own-rows policy, the operators' policies and grants, the
 * tenant's access log) and both verify; a login granted the group role (and nothing else) reads the tenant's
 * rows, appends to its log, and writes no row without the operators' switch.
 */
class TenantSchemaOperatorMigrationsTest {

    private static final String SHARED = "trial_opschema_shared";
    private static final String PREFIX = "trial_opschema_";
    private static final String OPERATORS = "op3_trial_operators";
    private static final String LOGIN = "op3_trial_login_" + ProcessHandle.current().pid();

    static final String NOTE = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @Audited
            public record Note(@Id long id, @Column(nullable = false) String body) {}""");

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    @AfterAll
    static void drop() throws SQLException {
        for (String schema : List.of(SHARED, PREFIX + "north", PREFIX + "west")) {
            Postgres.shared().dropSchema(schema);
        }
        for (String role : List.of(LOGIN, OPERATORS)) {
            Trial.execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @Test
    void aMigratedTenantsSchemaIsTheOneCreateTenantMakesAndTheOperatorsReachItAsTheDdlSays() throws Exception {
        for (String tenant : List.of("north", "west")) {
            Trial.execute(Postgres.shared().dataSource(), "DROP SCHEMA IF EXISTS " + PREFIX + tenant + " CASCADE");
        }
        DataSource application = Postgres.shared().freshSchema(SHARED);
        Database database = Database.builder(application).sharedSchema(SHARED)
                .schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
        Compilation compilation = Trial.ok(dir, List.of("-Atenantdao.operatorRole=" + OPERATORS), NOTE);
        String first = Trial.migration(dir.resolve("schema"), 1);
        assertTrue(first.contains("CREATE POLICY note_own_rows ON \"note\"") || first.contains("CREATE POLICY note_own_rows ON note"),
                first);
        assertTrue(first.contains("CREATE TABLE IF NOT EXISTS tenantdao_operator_access"), "in the tenant's schema: " + first);
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();
        TenantMigrationReport report = migrations.migrateTenants(List.of("north"));
        assertTrue(report.succeeded(), report::toString);

        Trial.classOutput(compilation, classes);
        Trial.withModel(compilation, classes, () -> {
            database.createTenant("west", Class.forName("lib.Note", true, Thread.currentThread().getContextClassLoader()));
            database.verifyTenant("north");
            database.verifyTenant("west");
            return null;
        });
        // Flyway's own history table is the migrated schema's only extra
        List<String> difference = Trial.catalogDifference(application, PREFIX + "north", application, PREFIX + "west");
        assertTrue(difference.stream().allMatch(line -> line.contains("flyway_schema_history")), String.join("\n", difference));
        assertEquals(List.of("note_history_operator_delete", "note_history_operator_insert", "note_history_operator_read",
                        "note_history_operator_update", "note_history_own_rows", "note_operator_delete", "note_operator_insert",
                        "note_operator_read", "note_operator_update", "note_own_rows", "tenantdao_operator_access_append",
                        "tenantdao_operator_access_read"),
                Trial.rows(application, "SELECT policyname FROM pg_policies WHERE schemaname = '" + PREFIX + "north' ORDER BY 1"));

        Trial.execute(application, "INSERT INTO " + PREFIX + "north.note (id, body) VALUES (1, 'a'), (2, 'b')");
        Trial.execute(Postgres.shared().dataSource(),
                "DO $$ BEGIN CREATE ROLE " + LOGIN + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT " + OPERATORS + " TO " + LOGIN);
        PGSimpleDataSource operator = new PGSimpleDataSource();
        operator.setURL(Postgres.shared().url());
        operator.setUser(LOGIN);
        operator.setCurrentSchema(PREFIX + "north");
        assertEquals(List.of("2"), Trial.rows(operator, "SELECT count(*) FROM note"));
        SQLException insert = assertThrows(SQLException.class,
                () -> Trial.execute(operator, "INSERT INTO note (id, body) VALUES (3, 'c')"));
        assertEquals("42501", insert.getSQLState(), insert.getMessage());
        Trial.execute(operator, "INSERT INTO tenantdao_operator_access (actor, reason, operation, tenants, writes)"
                + " VALUES ('ann', 'ticket 1', 'sql', '{north}', false)");
        assertEquals(List.of("ann|{north}"), Trial.rows(operator, "SELECT actor, tenants FROM tenantdao_operator_access"));
    }
}
