package dev.tenantdao.processor.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.processor.TenantDaoProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exported schema versions and generated migrations, build after build, as a user changes entities:
 * each step compiles the entities of that version with {@code -Atenantdao.schema.dir} and looks at
 * what the folder holds then. (That Flyway applies them to PostgreSQL with the data kept is
 * {@code MigrationSequenceTest}'s, in the flyway module.)
 */
class SchemaVersionsTest {

    @TempDir
    Path dir;

    private Compilation build(String... sources) {
        JavaFileObject[] files = new JavaFileObject[sources.length];
        for (int i = 0; i < sources.length; i++) {
            String name = sources[i].lines().filter(l -> l.startsWith("public ")).findFirst().orElseThrow()
                    .replaceAll("public (record|class|enum) (\\w+).*", "$2");
            files[i] = JavaFileObjects.forSourceString("t." + name, sources[i]);
        }
        return Compiler.javac().withProcessors(new TenantDaoProcessor())
                .withOptions("-Atenantdao.schema.dir=" + dir, "-Atenantdao.schema.grantTo=app")
                .compile(files);
    }

    private static String entity(String body) {
        return "package t;\nimport dev.tenantdao.annotations.*;\n" + body + "\n";
    }

    private List<String> files(String stream) throws IOException {
        Path folder = dir.resolve(stream);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String read(String stream, String file) throws IOException {
        return Files.readString(dir.resolve(stream).resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
    }

    private static final String PROJECT_V1 = entity("""
            @Entity @Tenanted @Audited
            public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget) {}""");

    @Test
    void theFirstBuildExportsVersionOneAsTheWholeDdlAndABuildWithoutChangesWritesNothing() throws IOException {
        Compilation first = build(PROJECT_V1);
        assertEquals(List.of(), errors(first));
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("shared"));
        assertEquals(List.of(), files("schema"));
        String v1 = read("shared", "V1__create_tables.sql");
        String ddl = first.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t.Project.sql")
                .orElseThrow().getCharContent(false).toString();
        // the migration is the DDL, less the strategy header, plus the grants
        assertTrue(v1.replace("\n\n", "\n").contains(ddl.substring(ddl.indexOf('\n') + 1)), v1);
        assertTrue(v1.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON project TO app;"), v1);
        assertTrue(v1.contains("GRANT SELECT, INSERT ON project_history TO app;"), v1);
        SchemaModel model = SchemaModel.fromJson(read("shared", "1.json"));
        assertEquals(List.of("project", "project_history"), model.tables().stream().map(SchemaModel.Table::name).toList());
        // Flyway finds them on the class path
        assertTrue(first.generatedFile(StandardLocation.CLASS_OUTPUT, "db/tenantdao/shared/V1__create_tables.sql").isPresent());
        assertTrue(first.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/schema.json").isPresent());

        Compilation again = build(PROJECT_V1);
        assertEquals(List.of(), errors(again));
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("shared"));
        assertEquals(v1, read("shared", "V1__create_tables.sql"));
    }

    @Test
    void aNewColumnOfAnAuditedEntityReachesItsHistoryTableInTheSameMigration() throws IOException {
        build(PROJECT_V1);
        Compilation second = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget,
                        String description) {}"""));
        assertEquals(List.of(), errors(second));
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", "V2__add_project_description_and_add_project_history_description.sql"),
                files("shared"));
        String v2 = read("shared", "V2__add_project_description_and_add_project_history_description.sql");
        assertTrue(v2.contains("ALTER TABLE project ADD COLUMN description text;\n"), v2);
        assertTrue(v2.contains("ALTER TABLE project_history ADD COLUMN description text;\n"), v2);
        assertFalse(v2.contains("GRANT"), v2);
    }

    @Test
    void addingSoftDeleteToAnEntityAddsItsColumnAndMakesItsUniqueColumnsUniqueAmongLiveRows() throws IOException {
        build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(unique = true) String code, int budget) {}"""));
        Compilation second = build(entity("""
                @Entity @Tenanted @Audited @SoftDelete
                public record Project(@Id(generated = true) long id, @Column(unique = true) String code, int budget) {}"""));
        assertEquals(List.of(), errors(second));
        List<String> files = files("shared");
        assertEquals(4, files.size(), files::toString);
        String v2 = read("shared", files.get(3));
        // the column, nullable: every existing row is live
        assertTrue(v2.contains("ALTER TABLE project ADD COLUMN deleted_at timestamptz;\n"), v2);
        // the unique constraint goes, a partial unique index over live rows comes
        assertTrue(v2.contains("ALTER TABLE project DROP CONSTRAINT IF EXISTS project_tenant_id_code_key;\n"), v2);
        assertTrue(v2.contains("CREATE UNIQUE INDEX IF NOT EXISTS project_code_live_key ON project (tenant_id, code)"
                + " WHERE deleted_at IS NULL;\n"), v2);
        // the history records restores and purges
        assertTrue(v2.contains("'RESTORE', 'PURGE'"), v2);
        assertTrue(v2.indexOf("DROP CONSTRAINT IF EXISTS project_tenant_id_code_key")
                < v2.indexOf("CREATE UNIQUE INDEX"), "dropped before the index comes: " + v2);
    }

    @Test
    void addingAnEmbeddedValueAddsItsColumnsToTheTableAndItsHistoryAndKeepsTheRows() throws Exception {
        Compilation first = build(PROJECT_V1);
        assertEquals(List.of(), errors(first));
        Compilation second = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget,
                        @Embedded(prefix = "cap_") Money cap) {
                    public record Money(java.math.BigDecimal amount, @Column(name = "cur") String currency) {}
                }"""));
        assertEquals(List.of(), errors(second));
        String name = "V2__add_project_cap_amount_and_add_project_cap_cur_and_more.sql";
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", name), files("shared"));
        String v2 = read("shared", name);
        for (String table : List.of("project", "project_history")) {
            assertTrue(v2.contains("ALTER TABLE " + table + " ADD COLUMN cap_amount numeric;\n"), v2);
            assertTrue(v2.contains("ALTER TABLE " + table + " ADD COLUMN cap_cur text;\n"), v2);
        }
        // applied to PostgreSQL after version 1, with a row in it: the row stays, its value null as a whole
        javax.sql.DataSource schema = dev.tenantdao.testkit.Postgres.shared().freshSchema("schema_versions_embedded");
        try (java.sql.Connection connection = schema.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute(withoutGrants(read("shared", "V1__create_tables.sql")));
            statement.execute("INSERT INTO project (tenant_id, name, budget) VALUES ('acme', 'kept', 5)");
            statement.execute(withoutGrants(v2));
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT name, cap_amount, cap_cur FROM project")) {
                assertTrue(rows.next());
                assertEquals("kept", rows.getString(1));
                assertEquals(null, rows.getBigDecimal(2));
                assertEquals(null, rows.getString(3));
            }
        }
    }

    /** A migration without its grants (to the role {@code app}, which the test server need not have). */
    private static String withoutGrants(String migration) {
        return String.join("\n", migration.lines().filter(l -> !l.startsWith("GRANT")).toList());
    }

    @Test
    void aDroppedColumnIsACompileErrorUntilDeclaredAndThenTheMigrationDropsIt() throws IOException {
        build(PROJECT_V1);
        String withoutBudget = """
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name) {}""";
        Compilation refused = build(entity(withoutBudget));
        assertEquals(List.of("4:8: Column budget of project is gone from the entity: dropping it loses its data."
                + " Declare @DropColumn(\"budget\") on the entity to drop it, or @RenamedFrom(\"budget\") on the field"
                + " that maps it now"), errors(refused));
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("shared"), "nothing written");

        Compilation declared = build(entity("@DropColumn(\"budget\")\n" + withoutBudget));
        assertEquals(List.of(), errors(declared));
        String v2 = read("shared", files("shared").get(3));
        assertTrue(v2.contains("ALTER TABLE project DROP COLUMN budget;\n"), v2);
        assertTrue(v2.contains("ALTER TABLE project_history DROP COLUMN budget;\n"), v2);
    }

    @Test
    void aRenameIsDeclaredOnTheFieldAndRenamesInTheHistoryToo() throws IOException {
        build(PROJECT_V1);
        Compilation renamed = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        @RenamedFrom("budget") int budgetCents) {}"""));
        assertEquals(List.of(), errors(renamed));
        String v2 = read("shared", files("shared").get(3));
        assertTrue(v2.contains("ALTER TABLE project RENAME COLUMN budget TO budget_cents;\n"), v2);
        assertTrue(v2.contains("ALTER TABLE project_history RENAME COLUMN budget TO budget_cents;\n"), v2);
        assertFalse(v2.contains("DROP"), v2);
    }

    @Test
    void aNotNullColumnWithoutDefaultAndANarrowingAreErrorsOnTheirFields() throws IOException {
        build(PROJECT_V1);
        Compilation refused = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        short budget, @Column(nullable = false) String owner) {}"""));
        assertEquals(List.of(
                "5:15: Column budget of project changes type from integer to smallint, which may not hold every value it"
                        + " holds now. Declare @Retyped on the field to convert them (a value that does not convert fails"
                        + " the migration)",
                "5:56: New column owner of project is NOT NULL without a default, so the rows already in the table cannot"
                        + " have it. Give it @Column(defaultSql = ...), make it nullable, or declare @RenamedFrom if it was"
                        + " another column"), errors(refused));
        Compilation declared = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name,
                        @Retyped short budget, @Column(nullable = false, defaultSql = "'nobody'") String owner) {}"""));
        assertEquals(List.of(), errors(declared));
        String v2 = read("shared", files("shared").get(3));
        assertTrue(v2.contains("ALTER TABLE project ALTER COLUMN budget TYPE smallint USING budget::smallint;\n"), v2);
        assertTrue(v2.contains("ALTER TABLE project ADD COLUMN owner text NOT NULL DEFAULT 'nobody';\n"), v2);
    }

    @Test
    void aGoneTableIsAnErrorUntilDeclaredAndSchemaPerTenantTablesHaveTheirOwnStream() throws IOException {
        String ledger = entity("""
                @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)
                public record Ledger(@Id String code, long balance) {}""");
        build(PROJECT_V1, ledger);
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("schema"));
        assertFalse(read("schema", "V1__create_tables.sql").contains("{schema}"));
        Compilation refused = build(ledger);
        assertEquals(List.of("Table project of the previous schema version has no entity any more: dropping it loses its"
                + " rows. Declare @DropTable(\"project\") on a type or package to drop it, or @RenamedFrom(\"project\")"
                + " on the entity that maps it now"), errors(refused).stream().map(e -> e.replaceFirst("^-?\\d+:-?\\d+: ", "")).toList());
        Compilation declared = build(entity("""
                @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA) @DropTable("project")
                public record Ledger(@Id String code, long balance) {}"""));
        assertEquals(List.of(), errors(declared));
        String v2 = read("shared", files("shared").get(3));
        assertEquals("DROP TABLE project_history;\n\nDROP TABLE project;\n", v2.substring(v2.indexOf("\n\n") + 2));
    }

    @Test
    void aNewEnumConstantAndANewReferenceWithItsIndex() throws IOException {
        String v1 = entity("""
                @Entity @Tenanted
                public record Task(@Id String code, @Column(type = "task_state") State state) {
                    public enum State { OPEN, DONE }
                }""");
        build(v1);
        Compilation second = build(entity("""
                @Entity @Tenanted
                public record Task(@Id String code, @Column(type = "task_state") State state, @References(Task.class) String parent) {
                    public enum State { OPEN, BLOCKED, DONE }
                }"""));
        assertEquals(List.of(), errors(second));
        String v2 = read("shared", files("shared").get(3));
        assertTrue(v2.contains("ALTER TYPE task_state ADD VALUE IF NOT EXISTS 'BLOCKED' AFTER 'OPEN';\n"), v2);
        assertTrue(v2.contains("ALTER TABLE task ADD COLUMN parent text;\n"), v2);
        assertTrue(v2.contains("ALTER TABLE task ADD FOREIGN KEY (tenant_id, parent) REFERENCES task (tenant_id, code);\n"), v2);
        assertTrue(v2.contains("CREATE INDEX IF NOT EXISTS task_parent_idx ON task (tenant_id, parent);\n"), v2);
    }

    @Test
    void aMigrationWrittenByHandAfterTheLatestVersionIsTakenToReachTheEntities() throws IOException {
        build(PROJECT_V1);
        Files.writeString(dir.resolve("shared/V2__by_hand.sql"), "ALTER TABLE project ADD COLUMN note text;\n");
        Compilation second = build(entity("""
                @Entity @Tenanted @Audited
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget,
                        @NotAudited String note) {}"""));
        assertEquals(List.of(), errors(second));
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", "V2__by_hand.sql"), files("shared"));
        assertTrue(second.diagnostics().stream().anyMatch(d -> d.getKind() == Diagnostic.Kind.NOTE
                && d.getMessage(Locale.ROOT).contains("took V2__by_hand.sql")));
    }

    @Test
    void partitioningAnExistingTableIsACompileErrorNamingTheWayOut() throws IOException {
        build(PROJECT_V1);
        Compilation refused = build(entity("""
                @Entity @Tenanted @Audited @PartitionedByTenant(hash = 8)
                public record Project(@Id(generated = true) long id, @Column(nullable = false) String name, int budget) {}"""));
        assertEquals(List.of("4:8: Table project was not partitioned and is now @PartitionedByTenant(hash = 8): PostgreSQL"
                + " cannot change how an existing table is partitioned (no ALTER TABLE does), so every row must be copied"
                + " into a new table, which no generated migration does. Keep the table unpartitioned, or write the"
                + " migration by hand (rename the table, create the new one from the entity's DDL, INSERT INTO it SELECT"
                + " the rows, drop the old one); a hand-written V<n> after the latest version is taken to reach the"
                + " entities"), errors(refused), "once, for the table and its history");
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("shared"), "nothing written");
    }

    @Test
    void changingTheNumberOfPartitionsIsRefusedToo() throws IOException {
        String v1 = entity("""
                @Entity @Tenanted @PartitionedByTenant(hash = 4)
                public record Reading(@Id long id, String meter) {}""");
        build(v1);
        Compilation refused = build(v1.replace("hash = 4", "hash = 8"));
        assertEquals(1, errors(refused).size(), errors(refused)::toString);
        assertTrue(errors(refused).get(0).startsWith("4:8: Table reading was 4 hash partitions and is now"
                + " @PartitionedByTenant(hash = 8)"), errors(refused)::toString);
        assertTrue(errors(refused).get(0).contains("Keep @PartitionedByTenant(hash = 4)"), errors(refused)::toString);
    }

    @Test
    void aPartitionedTableIsCreatedWithItsPartitionsAndAltersAndRenamesThroughItsParent() throws IOException {
        build(PROJECT_V1);
        String v2 = entity("""
                @Entity @Tenanted @Audited @PartitionedByTenant(hash = 2)
                public record Reading(@Id(generated = true) long id, String meter) {}""");
        assertEquals(List.of(), errors(build(PROJECT_V1, v2)));
        String created = read("shared", files("shared").get(3));
        assertTrue(created.contains(") PARTITION BY HASH (tenant_id);\n"
                + "CREATE TABLE IF NOT EXISTS reading_p0 PARTITION OF reading FOR VALUES WITH (MODULUS 2, REMAINDER 0);\n"
                + "CREATE TABLE IF NOT EXISTS reading_p1 PARTITION OF reading FOR VALUES WITH (MODULUS 2, REMAINDER 1);\n"),
                created);
        assertTrue(created.contains("CREATE POLICY reading_history_tenant_isolation ON reading_history_p1\n"), created);
        // the application role is granted the parents only: a partition named directly is refused to it
        assertTrue(created.contains("GRANT SELECT, INSERT, UPDATE, DELETE ON reading TO app;"), created);
        assertFalse(created.contains("ON reading_p0 TO app"), created);
        assertEquals(2, SchemaModel.fromJson(read("shared", "2.json")).table("reading").orElseThrow().partitions());

        Compilation renamed = build(PROJECT_V1, entity("""
                @Entity(table = "meter_reading") @Tenanted @Audited @PartitionedByTenant(hash = 2) @RenamedFrom("reading")
                public record Reading(@Id(generated = true) long id, String meter, Integer quality) {}"""));
        assertEquals(List.of(), errors(renamed));
        String v3 = read("shared", files("shared").get(5));
        assertTrue(v3.contains("ALTER TABLE reading RENAME TO meter_reading;\n"), v3);
        assertTrue(v3.contains("ALTER TABLE reading_p1 RENAME TO meter_reading_p1;\n"), v3);
        assertTrue(v3.contains("ALTER TABLE reading_history_p0 RENAME TO meter_reading_history_p0;\n"), v3);
        assertTrue(v3.contains("ALTER TABLE meter_reading ADD COLUMN quality integer;\n"), v3);
        assertTrue(v3.contains("DROP POLICY IF EXISTS reading_tenant_isolation ON meter_reading_p1;\n"), v3);
        assertTrue(v3.contains("CREATE POLICY meter_reading_tenant_isolation ON meter_reading_p1\n"), v3);
        assertTrue(v3.contains("DROP TRIGGER IF EXISTS reading_history_no_truncate ON meter_reading_history_p1;\n"), v3);
        assertTrue(v3.contains("CREATE TRIGGER meter_reading_history_no_truncate BEFORE TRUNCATE ON"
                + " meter_reading_history_p1"), v3);
    }
}
