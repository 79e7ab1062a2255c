package dev.tenantdao.flyway;

import static dev.tenantdao.flyway.Builds.entity;
import static dev.tenantdao.flyway.Builds.ok;
import static dev.tenantdao.flyway.MigrationSequenceTest.execute;
import static dev.tenantdao.flyway.MigrationSequenceTest.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema per tenant: every tenant's schema migrated through Flyway, a failed tenant reported and
 * left whole at its version while the others finish, a killed run resumed, a new tenant created at
 * the latest version, the application role granted what it needs in schemas created later. The
 * number of tenants grows with {@code -Dtenantdao.scale.tenants} (1,000 for the closing note's
 * measurement; 40 in CI).
 */
class TenantMigrationsTest {

    static final String PREFIX = "mt_";
    private static final String SHARED = "mt_shared";
    private static final String ROLE = "mt_app";
    private static final int TENANTS = Integer.getInteger("tenantdao.scale.tenants", 40);

    private static final String NOTE_V1 = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @Audited
            public record Note(@Id(generated = true) long id, @Column(nullable = false) String text) {}""");
    private static final String NOTE_V2 = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @Audited
            public record Note(@Id(generated = true) long id, @Column(nullable = false) String text, Integer priority) {}""");

    @TempDir
    Path dir;
    @TempDir
    Path versionOne;

    private DataSource admin;
    private Database database;

    @org.junit.jupiter.api.AfterEach
    void closePool() {
        ((HikariDataSource) admin).close();
    }

    @BeforeEach
    void buildTwoVersions() throws Exception {
        // one schema a transaction: a thousand in one would exhaust the server's lock table
        for (String schema : rows(Postgres.shared().dataSource(),
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mt\\_%'")) {
            execute(Postgres.shared().dataSource(), "DROP SCHEMA " + schema + " CASCADE");
        }
        execute(Postgres.shared().dataSource(),
                "DO $$ BEGIN CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        // a pool, as an application gives its Database: Flyway takes a few connections per tenant
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(Postgres.shared().freshSchema(SHARED));
        pool.setMaximumPoolSize(6);
        admin = new HikariDataSource(pool);
        List<String> options = List.of("-Atenantdao.schema.grantTo=" + ROLE);
        ok(dir, options, NOTE_V1);
        copy(dir.resolve("schema"), versionOne.resolve("schema"));
        ok(dir, options, NOTE_V2);
        database = Database.builder(admin).sharedSchema(SHARED).schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
    }

    private static List<String> tenants(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("t%04d", i)).toList();
    }

    private TenantMigrations migrations(Path location) {
        return TenantMigrations.builder(database).location("filesystem:" + location).parallelism(4).build();
    }

    private String version(String tenant) throws Exception {
        return rows(admin, "SELECT max(version::int) FROM " + PREFIX + tenant + ".flyway_schema_history WHERE success").get(0);
    }

    private boolean hasColumn(String tenant, String table, String column) throws Exception {
        return !rows(admin, "SELECT 1 FROM information_schema.columns WHERE table_schema = '" + PREFIX + tenant
                + "' AND table_name = '" + table + "' AND column_name = '" + column + "'").isEmpty();
    }

    @Test
    void everyTenantIsMigratedAFailedOneIsLeftWholeAndReportedAndRunningAgainFinishesIt() throws Exception {
        List<String> tenants = tenants(TENANTS);
        TenantMigrationReport first = migrations(versionOne).migrateTenants(tenants);
        assertTrue(first.succeeded(), first::toString);
        System.out.printf("migrateTenants: %d new tenants to V1 in %d ms (parallelism 4)%n", tenants.size(),
                first.duration().toMillis());
        for (String tenant : tenants) {
            execute(admin, "INSERT INTO " + PREFIX + tenant + ".note (text) VALUES ('note of " + tenant + "')");
        }
        // a conflicting object in one tenant: its migration's second statement fails
        String broken = tenants.get(2);
        execute(admin, "ALTER TABLE " + PREFIX + broken + ".note_history ADD COLUMN priority text");

        List<TenantOutcome> progress = Collections.synchronizedList(new ArrayList<>());
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).parallelism(4)
                .progress(progress::add).build();
        TenantMigrationReport report = migrations.migrateTenants(tenants);

        assertEquals(tenants.size(), progress.size(), "every tenant reported as it finished");
        assertEquals(List.of(broken), report.failed().stream().map(TenantOutcome::tenant).toList(), report::toString);
        TenantOutcome failed = report.failed().get(0);
        assertEquals("1", failed.fromVersion());
        assertTrue(failed.error().contains("priority"), failed.error());
        assertEquals("1", version(broken));
        assertTrue(!hasColumn(broken, "note", "priority"), "the failed migration's first statement was undone too");
        for (String tenant : tenants) {
            if (!tenant.equals(broken)) {
                assertEquals("2", version(tenant), tenant);
                assertTrue(hasColumn(tenant, "note", "priority") && hasColumn(tenant, "note_history", "priority"), tenant);
            }
            assertEquals(List.of("note of " + tenant), rows(admin, "SELECT text FROM " + PREFIX + tenant + ".note"));
        }
        assertEquals(List.of(broken), migrations.unfinished());

        double perTenant = report.outcomes().stream().mapToLong(o -> o.duration().toMillis()).average().orElse(0);
        System.out.printf("migrateTenants: %d tenants V1->V2 in %d ms (parallelism 4), %.1f ms per tenant on average%n",
                tenants.size(), report.duration().toMillis(), perTenant);

        execute(admin, "ALTER TABLE " + PREFIX + broken + ".note_history DROP COLUMN priority");
        TenantMigrationReport again = migrations.migrateTenants(migrations.unfinished());
        assertTrue(again.succeeded(), again::toString);
        assertEquals(TenantOutcome.Status.MIGRATED, again.outcomes().get(0).status());
        assertEquals("2", version(broken));
        assertEquals(List.of(), migrations.unfinished());
        TenantMigrationReport nothingLeft = migrations.migrateTenants(tenants.subList(0, 3));
        assertTrue(nothingLeft.outcomes().stream().allMatch(o -> o.status() == TenantOutcome.Status.UP_TO_DATE));
    }

    @Test
    void aNewTenantIsCreatedAtTheLatestVersionAndTheApplicationRoleCanUseIt() throws Exception {
        TenantMigrations migrations = migrations(dir);
        TenantOutcome created = migrations.createTenant("newcomer");
        assertEquals(TenantOutcome.Status.MIGRATED, created.status());
        assertEquals("0", created.fromVersion());
        assertEquals("2", created.toVersion());
        assertTrue(hasColumn("newcomer", "note", "priority"));

        DataSource app = Postgres.at(Postgres.shared().url(), ROLE, "").freshSchemaDataSource(PREFIX + "newcomer");
        execute(app, "INSERT INTO note (text, priority) VALUES ('by the application', 1)");
        assertEquals(List.of("by the application|1"), rows(app, "SELECT text, priority FROM note"));
        execute(app, "INSERT INTO note_history (id, text, history_version, history_operation)"
                + " SELECT id, text, 1, 'INSERT' FROM note");
        assertEquals(List.of("by the application"), rows(app, "SELECT text FROM note_history"));
        assertThrows(java.sql.SQLException.class, () -> execute(app, "DELETE FROM note_history"),
                "the role may read and append history, never delete it");
    }

    @Test
    void aFailedNewTenantIsAnExceptionNamingIt() throws Exception {
        execute(admin, "CREATE SCHEMA " + PREFIX + "clash", "CREATE TABLE " + PREFIX + "clash.note (x int)");
        TenantMigrationException failure = assertThrows(TenantMigrationException.class,
                () -> migrations(dir).createTenant("clash"));
        assertEquals("clash", failure.outcome().tenant());
        assertTrue(failure.getMessage().startsWith("Migrating tenant clash failed; it is left at version 0"),
                failure.getMessage());
    }

    @Test
    void aKilledRunLeavesNoTenantHalfMigratedAndRunningAgainResumes() throws Exception {
        List<String> tenants = tenants(60);
        assertTrue(migrations(versionOne).migrateTenants(tenants).succeeded());
        // a slow third version, written by hand, so the run can be killed while it works
        Path slow = dir.resolve("slow");
        copy(dir.resolve("schema"), slow.resolve("schema"));
        Files.writeString(slow.resolve("schema/V3__slow.sql"),
                "ALTER TABLE note ADD COLUMN archived boolean;\nSELECT pg_sleep(0.05);\nALTER TABLE note_history ADD COLUMN archived boolean;\n");

        Postgres postgres = Postgres.shared();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), postgres.url(),
                postgres.user(), postgres.password() == null ? "" : postgres.password(), SHARED, "filesystem:" + slow));
        command.addAll(tenants);
        Path log = dir.resolve("killed-run.log");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done(tenants) < 10 && run.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        run.destroyForcibly().waitFor();
        int before = done(tenants);
        assertTrue(before >= 10 && before < tenants.size(), () -> "killed after " + before + " tenants: " + read(log));

        for (String tenant : tenants) {      // each tenant at version 2 or 3, whole
            String version = version(tenant);
            boolean archived = hasColumn(tenant, "note", "archived");
            assertEquals(version.equals("3"), archived, tenant + " at version " + version);
            assertEquals(archived, hasColumn(tenant, "note_history", "archived"), tenant);
        }
        TenantMigrationReport resumed = migrations(slow).migrateTenants(tenants);
        assertTrue(resumed.succeeded(), resumed::toString);
        assertEquals(tenants.size() - before, resumed.outcomes().stream()
                .filter(o -> o.status() == TenantOutcome.Status.MIGRATED).count());
        for (String tenant : tenants) {
            assertEquals("3", version(tenant), tenant);
        }
        assertEquals(List.of(), migrations(slow).unfinished());
    }

    private int done(List<String> tenants) throws Exception {
        int done = 0;
        for (String tenant : tenants) {
            if (!rows(admin, "SELECT 1 FROM " + PREFIX + tenant + ".flyway_schema_history WHERE version = '3' AND success")
                    .isEmpty()) {
                done++;
            }
        }
        return done;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
