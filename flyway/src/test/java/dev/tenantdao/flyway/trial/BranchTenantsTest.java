package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.flyway.TenantMigrationReport;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.flyway.TenantOutcome;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Branches as tenants with a schema (or a database) each: a shelf catalogue per branch referencing
 * the chain's shared genres, migrated for every branch through TenantMigrations, a branch opened
 * later, and each branch verified as the application role.
 */
class BranchTenantsTest {

    private static final String SHARED = "trial_chain_shared";
    private static final String PREFIX = "trial_br_";
    private static final String ROLE = "trial_lib_app";

    static final String GENRE = entity("""
            @Entity
            public record Genre(@Id String code, @Column(nullable = false) String name) {}""");
    static final String SHELF = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @Audited
            public record Shelf(@Id(generated = true) long id, @References(Genre.class) String genreCode,
                    @Column(nullable = false, unique = true) String label, @Column(type = "shelf_kind") Kind kind) {
                public enum Kind { OPEN, CLOSED }
            }""");
    static final String GENRE2 = GENRE.replace("String name)", "String name, String description)");
    static final String SHELF2 = SHELF.replace("Kind kind)", "Kind kind, Integer capacity)").replace("OPEN, CLOSED",
            "OPEN, RESTRICTED, CLOSED");

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    private HikariDataSource pool;

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    private Database schemaPerBranch() throws SQLException {
        Trial.execute(Postgres.shared().dataSource(),
                "DO $$ DECLARE s record; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'trial\\_br\\_%'"
                        + " LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname); END LOOP; END $$",
                "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        HikariConfig config = new HikariConfig();
        config.setDataSource(Postgres.shared().freshSchema(SHARED));
        config.setMaximumPoolSize(6);
        pool = new HikariDataSource(config);
        return Database.builder(pool).sharedSchema(SHARED).schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
    }

    private Database asApplication() {
        DataSource app = Postgres.at(Postgres.shared().url(), ROLE, "").freshSchemaDataSource(SHARED);
        return Database.builder(app).sharedSchema(SHARED).schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
    }

    @Test
    void everyBranchSchemaIsMigratedANewBranchIsCreatedAndEachVerifiesAsTheApplicationRole() throws Exception {
        Database database = schemaPerBranch();
        List<String> options = List.of("-Atenantdao.schema.grantTo=" + ROLE);
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).parallelism(2).build();
        List<String> branches = List.of("north", "south", "east");

        Trial.ok(dir, options, GENRE, SHELF);
        assertEquals("1", migrations.migrateShared());
        TenantMigrationReport first = migrations.migrateTenants(branches);
        assertTrue(first.succeeded(), first::toString);
        Trial.execute(pool, "INSERT INTO genre (code, name) VALUES ('sf', 'Science fiction')");
        for (String branch : branches) {
            Trial.execute(pool, "INSERT INTO " + PREFIX + branch + ".shelf (genre_code, label, kind) VALUES ('sf', 'S-1', 'OPEN')",
                    "INSERT INTO " + PREFIX + branch + ".shelf_history (id, genre_code, label, kind, history_version,"
                            + " history_operation) SELECT id, genre_code, label, kind, 1, 'INSERT' FROM " + PREFIX + branch + ".shelf");
        }

        Compilation last = Trial.ok(dir, options, GENRE2, SHELF2);
        assertEquals("2", migrations.migrateShared());
        TenantMigrationReport second = migrations.migrateTenants(branches);
        assertTrue(second.succeeded(), second::toString);
        assertTrue(second.outcomes().stream().allMatch(o -> o.status() == TenantOutcome.Status.MIGRATED), second::toString);
        TenantOutcome west = migrations.createTenant("west");
        assertEquals("2", west.toVersion());
        assertEquals(List.of(), migrations.unfinished());
        for (String branch : branches) {
            assertEquals(List.of("S-1|OPEN|null"), Trial.rows(pool, "SELECT label, kind, capacity FROM " + PREFIX + branch + ".shelf"));
            assertEquals(List.of("S-1|1"), Trial.rows(pool, "SELECT label, history_version FROM " + PREFIX + branch + ".shelf_history"));
        }

        // a branch migrated from version 1 ends as the DDL creates one from nothing
        Postgres.shared().freshSchema(PREFIX + "fresh");
        PGSimpleDataSource fresh = (PGSimpleDataSource) Postgres.shared().freshSchemaDataSource(PREFIX + "fresh");
        fresh.setCurrentSchema(PREFIX + "fresh," + SHARED);     // as createTenant's DDL expects: shared tables unqualified
        Trial.createFromDdl(fresh, Trial.ddl(last).stream().filter(d -> !d.contains("TABLE IF NOT EXISTS genre")).map(d -> d.replace("{schema}", "\"" + PREFIX + "fresh\"")
                .replace("${tenantdao_shared_schema}", SHARED)).toList());
        assertEquals(List.of(), Trial.catalogDifference(pool, PREFIX + "north", fresh, PREFIX + "fresh"));

        // the application role: every branch verifies, the new one too; it may write shelves, not rewrite history
        Database app = asApplication();
        Trial.withModel(last, classes, () -> {
            app.verify();
            for (String branch : List.of("north", "south", "east", "west")) {
                app.verifyTenant(branch);
            }
            return null;
        });
        DataSource westAsApp = Postgres.at(Postgres.shared().url(), ROLE, "").freshSchemaDataSource(PREFIX + "west");
        Trial.execute(westAsApp, "INSERT INTO shelf (genre_code, label, kind, capacity) VALUES ('sf', 'W-1', 'RESTRICTED', 40)");
        assertThrows(SQLException.class, () -> Trial.execute(westAsApp, "DELETE FROM shelf_history"));

        // a mismatch in one branch is named for that branch only
        Trial.execute(pool, "ALTER TABLE " + PREFIX + "south.shelf DROP COLUMN capacity");
        SchemaMismatchException mismatch = assertThrows(SchemaMismatchException.class, () -> Trial.withModel(last, classes, () -> {
            app.verifyTenant("south");
            return null;
        }));
        assertTrue(mismatch.getMessage().contains("capacity") && mismatch.getMessage().contains(PREFIX + "south"),
                mismatch.getMessage());
        Trial.withModel(last, classes, () -> {
            app.verifyTenant("north");
            return null;
        });
    }

    static final String ARCHIVE = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.DATABASE) @Audited
            public record LoanArchive(@Id(generated = true) long id, @Column(nullable = false) String title,
                    @Column(type = "archive_reason") Reason reason) {
                public enum Reason { RETURNED, LOST }
            }""");

    @Test
    void everyBranchDatabaseIsMigratedAndVerifiesAsTheApplicationRole() throws Exception {
        Trial.execute(Postgres.shared().dataSource(), "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        DataSource a = Postgres.shared().freshDatabase("trial_branch_a");
        DataSource b = Postgres.shared().freshDatabase("trial_branch_b");
        Database database = Database.builder(Postgres.shared().freshSchema(SHARED))
                .routing(TenantRouting.of(Map.of("a", a, "b", b))).build();
        List<String> options = List.of("-Atenantdao.schema.grantTo=" + ROLE);
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();

        Trial.ok(dir, options, ARCHIVE);
        TenantMigrationReport first = migrations.migrateTenants(List.of("a", "b"));
        assertTrue(first.succeeded(), first::toString);
        Trial.execute(a, "INSERT INTO loan_archive (title, reason) VALUES ('Dune', 'LOST')");
        Compilation last = Trial.ok(dir, options, ARCHIVE.replace("Reason reason)", "Reason reason, LocalDate closedOn)"));
        TenantMigrationReport second = migrations.migrateTenants(List.of("a", "b"));
        assertTrue(second.succeeded(), second::toString);
        assertEquals(List.of("Dune|LOST|null"), Trial.rows(a, "SELECT title, reason, closed_on FROM loan_archive"));

        Database app = Database.builder(Postgres.at(Postgres.shared().url(), ROLE, "").freshSchemaDataSource(SHARED))
                .routing(TenantRouting.of(Map.of("a", asRole("trial_branch_a"), "b", asRole("trial_branch_b")))).build();
        Trial.withModel(last, classes, () -> {
            app.verifyTenant("a");
            app.verifyTenant("b");
            return null;
        });
        Trial.execute(asRole("trial_branch_b"), "INSERT INTO loan_archive (title) VALUES ('Emma')");
    }

    private static DataSource asRole(String databaseName) {
        PGSimpleDataSource source = (PGSimpleDataSource) Postgres.at(Postgres.shared().url(), ROLE, "").dataSource();
        source.setDatabaseName(databaseName);
        return source;
    }
}
