package dev.tenantdao.flyway;

import static dev.tenantdao.flyway.Builds.entity;
import static dev.tenantdao.flyway.Builds.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.testkit.Catalog;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's project over seven builds: each changes the entities, the build writes the next
 * migration, Flyway applies it to a database that holds rows and history, and nothing is lost. At
 * the end the migrated schema is the one the last build's DDL creates from nothing, catalog line
 * by catalog line.
 */
class MigrationSequenceTest {

    private static final String SCHEMA = "flyway_sequence";
    private static final String FRESH = "flyway_sequence_fresh";

    @TempDir
    Path dir;

    @Test
    void everyVersionMigratesADatabaseWithRowsInItAndTheLastEqualsTheDdlFromNothing() throws Exception {
        DataSource app = Postgres.shared().freshSchema(SCHEMA);
        Database database = Database.builder(app).build();
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();

        // 1: an audited entity
        ok(dir, List.of(), entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget) {}"""));
        assertEquals("1", migrations.migrateShared());
        execute(app, "INSERT INTO project (tenant_id, name, budget) VALUES ('acme', 'apollo', 100), ('globex', 'zeus', 7)",
                "INSERT INTO project_history (tenant_id, id, name, budget, history_version, history_operation)"
                        + " SELECT tenant_id, id, name, budget, 1, 'INSERT' FROM project");

        // 2: a new column, in the history table too
        ok(dir, List.of(), entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget,
                        String description) {}"""));
        assertEquals("2", migrations.migrateShared());
        execute(app, "UPDATE project SET description = 'to the moon' WHERE name = 'apollo'",
                "INSERT INTO project_history (tenant_id, id, name, budget, description, history_version, history_operation)"
                        + " SELECT tenant_id, id, name, budget, description, 2, 'UPDATE' FROM project WHERE name = 'apollo'");

        // 3: a new entity with an enum type, referencing the first
        String task = """
                @Entity @Tenanted
                public record Task(@Id String code, @Column(type = "task_state") State state,
                        @References(Project.class) Long projectId) {
                    public enum State { OPEN, DONE }
                }""";
        String project2 = """
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget,
                        String description) {}""";
        ok(dir, List.of(), entity(project2), entity(task));
        assertEquals("3", migrations.migrateShared());
        execute(app, "INSERT INTO task (tenant_id, code, state, project_id) SELECT 'acme', 'T-1', 'OPEN', id FROM project"
                + " WHERE name = 'apollo'");

        // 4: a new enum constant, in its place
        String task4 = task.replace("OPEN, DONE", "OPEN, BLOCKED, DONE");
        ok(dir, List.of(), entity(project2), entity(task4));
        assertEquals("4", migrations.migrateShared());
        assertEquals(List.of("OPEN", "BLOCKED", "DONE"), Catalog.enumLabels(app, SCHEMA, "task_state"));

        // 5: a rename, declared
        String project5 = """
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        @RenamedFrom("budget") int budgetCents, String description) {}""";
        ok(dir, List.of(), entity(project5), entity(task4));
        assertEquals("5", migrations.migrateShared());

        // 6: a dropped column, declared; a new NOT NULL column with a default
        String project6 = """
                @Entity @Tenanted @Audited @DropColumn("description")
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        @RenamedFrom("budget") int budgetCents,
                        @Column(nullable = false, defaultSql = "'active'") String status) {}""";
        ok(dir, List.of(), entity(project6), entity(task4));
        assertEquals("6", migrations.migrateShared());

        // 7: a forbidden change writes nothing
        Compilation refused = Builds.build(dir, List.of(), entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        @RenamedFrom("budget") int budgetCents) {}"""), entity(task4));
        assertEquals(List.of("4:8: Column status of project is gone from the entity: dropping it loses its data. Declare"
                + " @DropColumn(\"status\") on the entity to drop it, or @RenamedFrom(\"status\") on the field that maps it"
                + " now"), Builds.errors(refused));
        assertEquals(12, count(dir.resolve("shared")), "6 versions and 6 migrations, no 7th");
        assertEquals("6", migrations.migrateShared());

        // nothing lost: rows, renamed values, history
        assertEquals(List.of("acme|apollo|100|active", "globex|zeus|7|active"),
                rows(app, "SELECT tenant_id, name, budget_cents, status FROM project ORDER BY tenant_id"));
        assertEquals(List.of("acme|apollo|100|1", "acme|apollo|100|2", "globex|zeus|7|1"),
                rows(app, "SELECT tenant_id, name, budget_cents, history_version FROM project_history ORDER BY 1, 4"));
        assertEquals(List.of("acme|T-1|OPEN"), rows(app, "SELECT tenant_id, code, state FROM task"));

        // the migrated schema is the one the last build's DDL creates
        Compilation last = ok(dir, List.of(), entity(project6), entity(task4));
        DataSource fresh = Postgres.shared().freshSchema(FRESH);
        execute(fresh, "DROP TYPE IF EXISTS task_state");
        execute(fresh, Builds.ddl(last, "Project"), Builds.ddl(last, "Task"));
        List<String> migrated = Catalog.of(app, SCHEMA);
        List<String> created = Catalog.of(fresh, FRESH);
        assertEquals(created, migrated);
        assertTrue(migrated.size() > 40, migrated::toString);
    }

    private static long count(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(result.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
