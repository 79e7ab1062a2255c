package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.flyway.TenantMigrationReport;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A joined hierarchy whose version 2 puts an intermediate level with a table of its own above a
 * subtype that has rows: the generated migration gives each of those rows (of every tenant, soft-deleted
 * ones too) its row in the level's table, with the level's columns' defaults, so that the subtype's DAO
 * and the level's find them after the migration as before it. Row tenancy with row-level security,
 * migrated by a table owner that is no superuser (FORCE ROW LEVEL SECURITY applies to it), the rows
 * written and read by the generated DAOs as the application's role; schema per tenant; database per
 * tenant. Each migrated schema ends as the DDL creates one from nothing.
 */
class LevelTableMigrationsTest {

    private static final String OWNER = "trial_level_owner";
    private static final String APP = "trial_level_app";

    /** Version 1: courses of two kinds, soft-deleted, audited. */
    static final String COURSE = entity("""
            @Entity(table = "course") @Tenanted @Audited @SoftDelete
            @Polymorphic(strategy = Polymorphic.Strategy.JOINED, subtypes = {Lecture.class, Lab.class})
            public abstract class Course {
                @Id(generated = true) public Long id;
                @Column(nullable = false) public String title;
            }""");
    static final String LECTURE = entity("""
            public final class Lecture extends Course { public String speaker; }""");
    static final String LAB = entity("""
            public final class Lab extends Course { @Column(nullable = false) public String bench; }""");

    /** Version 2: level Practical, with a table, above Lab. */
    static final String COURSE_2 = COURSE.replace("{Lecture.class, Lab.class}", "{Lecture.class, Practical.class}");
    static final String PRACTICAL = entity("""
            @Subtype(table = "practical")
            public abstract sealed class Practical extends Course permits Lab {
                @Column(nullable = false, defaultSql = "'to be announced'") public String room;
                public Integer seats;
            }""");
    static final String LAB_2 = LAB.replace("extends Course", "extends Practical");

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    @Test
    void rowTenancyTheOwnerFillsTheLevelThroughRowLevelSecurityAndTheDaosFindEveryTenantsRows() throws Exception {
        String schema = "trial_level_row";
        Trial.execute(Postgres.shared().dataSource(),
                "DO $$ BEGIN CREATE ROLE " + OWNER + " LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object"
                        + " THEN NULL; END $$",
                "DO $$ BEGIN CREATE ROLE " + APP + " LOGIN NOSUPERUSER NOBYPASSRLS; EXCEPTION WHEN duplicate_object"
                        + " THEN NULL; END $$");
        DataSource admin = Postgres.shared().freshSchema(schema);
        Trial.execute(admin, "ALTER SCHEMA " + schema + " OWNER TO " + OWNER, "GRANT USAGE ON SCHEMA " + schema + " TO " + APP);
        Database owner = Database.builder(as(OWNER, schema)).sharedSchema(schema).build();
        Database app = Database.builder(as(APP, schema)).sharedSchema(schema).build();
        TenantMigrations migrations = TenantMigrations.builder(owner).location("filesystem:" + dir).build();
        List<String> options = List.of("-Atenantdao.schema.grantTo=" + APP);

        Compilation first = Trial.ok(dir, options, COURSE, LECTURE, LAB);
        assertEquals("1", migrations.migrateShared());
        long[] ids = withClasses(first, "v1", loader -> {
            long north = insert(loader, app, "north", "Lab", Map.of("title", "Soldering", "bench", "B1"));
            long gone = insert(loader, app, "north", "Lab", Map.of("title", "Etching", "bench", "B2"));
            long south = insert(loader, app, "south", "Lab", Map.of("title", "Welding", "bench", "B7"));
            long lecture = insert(loader, app, "north", "Lecture", Map.of("title", "Ohm", "speaker", "Ada"));
            Object labs = dao(loader, app, "Lab");
            TenantContext.runAs("north", () -> call(labs, "delete", find(labs, "findById", gone).orElseThrow()));
            return new long[] {north, gone, south, lecture};
        });

        Compilation last = Trial.ok(dir, options, COURSE_2, LECTURE, PRACTICAL, LAB_2);
        String v2 = Trial.migration(dir.resolve("shared"), 2);
        assertTrue(v2.contains("INSERT INTO practical (tenant_id, id)\n    SELECT tenant_id, id FROM course WHERE type IN ('Lab');\n"),
                v2);
        assertEquals("2", migrations.migrateShared());

        // every Lab row, each tenant's and the soft-deleted one too, has its row in the level's table
        assertEquals(List.of("north|" + ids[0] + "|to be announced|null", "north|" + ids[1] + "|to be announced|null",
                "south|" + ids[2] + "|to be announced|null"),
                Trial.rows(admin, "SELECT tenant_id, id, room, seats FROM practical ORDER BY tenant_id, id"));
        withClasses(last, "v2", loader -> {
            Object labs = dao(loader, app, "Lab");
            Object practicals = dao(loader, app, "Practical");
            TenantContext.runAs("north", () -> {
                Object lab = find(labs, "findById", ids[0]).orElseThrow(() -> new AssertionError("the Lab's DAO finds it"));
                assertEquals(List.of("Soldering", "B1", "to be announced"), fields(lab, "title", "bench", "room"));
                Object viaLevel = find(practicals, "findById", ids[0]).orElseThrow(() -> new AssertionError("the level's DAO finds it"));
                assertEquals("Lab", viaLevel.getClass().getSimpleName());
                assertEquals(List.of("Soldering", "B1", "to be announced"), fields(viaLevel, "title", "bench", "room"));
                assertEquals(Optional.empty(), find(labs, "findById", ids[2]), "south's row stays south's");
                Object deleted = find(labs, "findDeletedById", ids[1]).orElseThrow(() -> new AssertionError("the deleted one too"));
                assertEquals("to be announced", fields(deleted, "room").get(0));
                assertEquals(1L, call(practicals, "count"));
                // an update through the subtype's DAO finds its row in every table
                lab.getClass().getField("room").set(lab, "Hall 2");
                call(labs, "update", lab);
                assertEquals("Hall 2", fields(find(labs, "findById", ids[0]).orElseThrow(), "room").get(0));
                Object lecture = dao(loader, app, "Lecture");
                assertEquals(List.of("Ohm", "Ada"), fields(find(lecture, "findById", ids[3]).orElseThrow(), "title", "speaker"));
            });
            TenantContext.runAs("south", () -> assertEquals(List.of("Welding", "B7", "to be announced"),
                    fields(find(labs, "findById", ids[2]).orElseThrow(), "title", "bench", "room")));
            return null;
        });
        assertEquals(List.of("practical|t|t", "course|t|t"), Trial.rows(admin, "SELECT relname, relrowsecurity,"
                + " relforcerowsecurity FROM pg_class WHERE relnamespace = '" + schema + "'::regnamespace"
                + " AND relname IN ('course', 'practical') ORDER BY relname DESC"),
                "row-level security is forced again after the fill");
        assertEquals(List.of(), differenceFromFresh(admin, schema, last), v2);
    }

    @Test
    void schemaPerTenantEachTenantsMigrationFillsItsOwnLevelTable() throws Exception {
        String shared = "trial_level_shared";
        String prefix = "trial_lvs_";
        for (String tenant : List.of("north", "south", "fresh")) {
            Postgres.shared().dropSchema(prefix + tenant);
        }
        DataSource admin = Postgres.shared().freshSchema(shared);
        Database database = Database.builder(admin).sharedSchema(shared).schemaMapping(SchemaMapping.prefixed(prefix)).build();
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();
        String tenanted = "@Tenanted(strategy = Tenanted.Strategy.SCHEMA)";

        Compilation first = Trial.ok(dir, List.of(), COURSE.replace("@Tenanted", tenanted), LECTURE, LAB);
        TenantMigrationReport one = migrations.migrateTenants(List.of("north", "south"));
        assertTrue(one.succeeded(), one::toString);
        long[] ids = withClasses(first, "v1", loader -> new long[] {
            insert(loader, database, "north", "Lab", Map.of("title", "Soldering", "bench", "B1")),
            insert(loader, database, "south", "Lab", Map.of("title", "Welding", "bench", "B7")),
            insert(loader, database, "south", "Lab", Map.of("title", "Etching", "bench", "B8"))});

        Compilation last = Trial.ok(dir, List.of(), COURSE_2.replace("@Tenanted", tenanted), LECTURE, PRACTICAL, LAB_2);
        TenantMigrationReport two = migrations.migrateTenants(List.of("north", "south"));
        assertTrue(two.succeeded(), two::toString);
        assertEquals(List.of(ids[0] + "|to be announced"), Trial.rows(admin, "SELECT id, room FROM " + prefix + "north.practical"));
        assertEquals(List.of(ids[1] + "|to be announced", ids[2] + "|to be announced"),
                Trial.rows(admin, "SELECT id, room FROM " + prefix + "south.practical ORDER BY id"));
        withClasses(last, "v2", loader -> {
            Object labs = dao(loader, database, "Lab");
            Object practicals = dao(loader, database, "Practical");
            TenantContext.runAs("south", () -> {
                assertEquals(List.of("Welding", "B7", "to be announced"),
                        fields(find(labs, "findById", ids[1]).orElseThrow(), "title", "bench", "room"));
                assertEquals(2L, call(practicals, "count"));
                assertEquals(List.of("Etching", "to be announced"),
                        fields(find(practicals, "findById", ids[2]).orElseThrow(), "title", "room"));
            });
            TenantContext.runAs("north", () -> assertEquals(List.of("Soldering", "to be announced"),
                    fields(find(labs, "findById", ids[0]).orElseThrow(), "title", "room")));
            return null;
        });

        // a tenant migrated from version 1 ends as the DDL creates one from nothing
        Postgres.shared().freshSchema(prefix + "fresh");
        PGSimpleDataSource fresh = (PGSimpleDataSource) Postgres.shared().freshSchemaDataSource(prefix + "fresh");
        Trial.createFromDdl(fresh, Trial.ddl(last).stream().map(d -> d.replace("{schema}", "\"" + prefix + "fresh\"")).toList());
        assertEquals(List.of(), Trial.catalogDifference(admin, prefix + "north", fresh, prefix + "fresh"));
    }

    @Test
    void databasePerTenantEachTenantsDatabaseFillsItsLevelTable() throws Exception {
        DataSource a = Postgres.shared().freshDatabase("trial_level_a");
        DataSource b = Postgres.shared().freshDatabase("trial_level_b");
        Database database = Database.builder(Postgres.shared().freshSchema("trial_level_db_shared"))
                .routing(TenantRouting.of(Map.of("a", a, "b", b))).build();
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();
        String tenanted = "@Tenanted(strategy = Tenanted.Strategy.DATABASE)";

        Trial.ok(dir, List.of(), COURSE.replace("@Tenanted", tenanted), LECTURE, LAB);
        assertTrue(migrations.migrateTenants(List.of("a", "b")).succeeded());
        Trial.execute(a, "INSERT INTO course (type, title) VALUES ('Lab', 'Soldering'), ('Lecture', 'Ohm')",
                "INSERT INTO lab (id, bench) SELECT id, 'B1' FROM course WHERE type = 'Lab'",
                "INSERT INTO lecture (id, speaker) SELECT id, 'Ada' FROM course WHERE type = 'Lecture'");
        Trial.execute(b, "INSERT INTO course (type, title) VALUES ('Lab', 'Welding')",
                "INSERT INTO lab (id, bench) SELECT id, 'B7' FROM course");

        Compilation last = Trial.ok(dir, List.of(), COURSE_2.replace("@Tenanted", tenanted), LECTURE, PRACTICAL, LAB_2);
        TenantMigrationReport two = migrations.migrateTenants(List.of("a", "b"));
        assertTrue(two.succeeded(), two::toString);
        assertEquals(List.of("Soldering|to be announced"),
                Trial.rows(a, "SELECT c.title, p.room FROM course c JOIN practical p ON p.id = c.id"));
        assertEquals(List.of("Welding|to be announced"),
                Trial.rows(b, "SELECT c.title, p.room FROM course c JOIN practical p ON p.id = c.id"));
        withClasses(last, "v2", loader -> {
            Object labs = dao(loader, database, "Lab");
            TenantContext.runAs("b", () -> assertEquals(List.of("Welding", "B7", "to be announced"),
                    fields(((List<?>) call(labs, "findAll", 10, 0L)).get(0), "title", "bench", "room")));
            return null;
        });
        DataSource fresh = Postgres.shared().freshDatabase("trial_level_fresh");
        Trial.createFromDdl(fresh, Trial.ddl(last));
        assertEquals(List.of(), Trial.catalogDifference(a, "public", fresh, "public"));
    }

    @Test
    void aPartitionedHierarchysLevelIsFilledThroughItsParentInEachPartition() throws Exception {
        Evolution e = new Evolution(dir, "trial_level_partitioned");
        String partitioned = "@PartitionedByTenant(hash = 2) @Polymorphic";
        e.step(COURSE.replace("@Polymorphic", partitioned), LECTURE, LAB);
        List<String> tenants = List.of("north", "south", "east", "west");
        for (String tenant : tenants) {
            e.sql("INSERT INTO course (tenant_id, type, title) VALUES ('" + tenant + "', 'Lab', 'Soldering'),"
                    + " ('" + tenant + "', 'Lecture', 'Ohm')");
        }
        e.sql("INSERT INTO lab (tenant_id, id, bench) SELECT tenant_id, id, 'B1' FROM course WHERE type = 'Lab'",
                "INSERT INTO lecture (tenant_id, id) SELECT tenant_id, id FROM course WHERE type = 'Lecture'");
        Compilation last = e.build(COURSE_2.replace("@Polymorphic", partitioned), LECTURE, PRACTICAL, LAB_2);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("east|to be announced", "north|to be announced", "south|to be announced", "west|to be announced"),
                e.rows("SELECT p.tenant_id, p.room FROM course c JOIN practical p ON p.tenant_id = c.tenant_id AND p.id = c.id"
                        + " ORDER BY p.tenant_id"));
        assertEquals(List.of("4"), e.rows("SELECT (SELECT count(*) FROM practical_p0) + (SELECT count(*) FROM practical_p1)"));
        assertEquals(List.of(), e.differenceFromFresh(last), () -> {
            try {
                return e.migration(2);
            } catch (Exception x) {
                return x.toString();
            }
        });
    }

    // ---- the generated DAOs, loaded as the application loads them ----

    private interface WithLoader<T> {
        T run(ClassLoader loader) throws Exception;
    }

    /** Runs {@code body} with the classes {@code compilation} generated (written under {@code name}). */
    private <T> T withClasses(Compilation compilation, String name, WithLoader<T> body) throws Exception {
        Path out = Files.createDirectories(classes.resolve(name));
        Trial.classOutput(compilation, out);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            return body.run(loader);
        }
    }

    private static Object dao(ClassLoader loader, Database database, String entity) throws Exception {
        return loader.loadClass("lib." + entity + "Dao").getConstructor(Database.class).newInstance(database);
    }

    /** Inserts a new {@code entity} with {@code values} as {@code tenant} through its DAO; its id. */
    private static long insert(ClassLoader loader, Database database, String tenant, String entity, Map<String, Object> values)
            throws Exception {
        Object row = loader.loadClass("lib." + entity).getConstructor().newInstance();
        for (Map.Entry<String, Object> value : values.entrySet()) {
            row.getClass().getField(value.getKey()).set(row, value.getValue());
        }
        Object dao = dao(loader, database, entity);
        return TenantContext.callAs(tenant, () -> (Long) row.getClass().getField("id").get(call(dao, "insert", row)));
    }

    private static Optional<?> find(Object dao, String method, long id) throws Exception {
        return (Optional<?>) call(dao, method, id);
    }

    private static List<Object> fields(Object row, String... names) throws Exception {
        List<Object> values = new java.util.ArrayList<>();
        for (String name : names) {
            values.add(row.getClass().getField(name).get(row));
        }
        return values;
    }

    /** {@code dao}'s method {@code name} taking {@code arguments.length} arguments, its own exception rethrown. */
    private static Object call(Object dao, String name, Object... arguments) throws Exception {
        for (Method method : dao.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
                try {
                    return method.invoke(dao, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new AssertionError("no " + name + " on " + dao.getClass());
    }

    private static DataSource as(String role, String schema) {
        return Postgres.at(Postgres.shared().url(), role, "").freshSchemaDataSource(schema);
    }

    /** The catalog lines in which the migrated {@code schema} differs from {@code last}'s DDL run from nothing. */
    private static List<String> differenceFromFresh(DataSource admin, String schema, Compilation last) throws Exception {
        String fresh = schema + "_fresh";
        DataSource freshSource = Postgres.shared().freshSchema(fresh);
        Trial.createFromDdl(freshSource, Trial.ddl(last));
        return Trial.catalogDifference(admin, schema, freshSource, fresh);
    }
}
