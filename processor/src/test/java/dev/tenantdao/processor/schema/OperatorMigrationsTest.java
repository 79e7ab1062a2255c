package dev.tenantdao.processor.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator access ({@code -Atenantdao.operatorRole}) in the exported schema versions and generated
 * migrations: on from the first build, turned on for tables that exist, a new table while it is on,
 * turned off. (That Flyway applies them and an operator then reads across tenants is the flyway
 * module's {@code OperatorMigrationsTest}.)
 */
class OperatorMigrationsTest {

    @TempDir
    Path dir;

    private static final String ROLE = "-Atenantdao.operatorRole=support_ops";

    private static final String PROJECT = """
            package t;
            import dev.tenantdao.annotations.*;
            @Entity @Tenanted @Audited
            public record Project(@Id(generated = true) long id, String name) {}
            """;

    private static final String TASK = """
            package t;
            import dev.tenantdao.annotations.*;
            @Entity @Tenanted
            public record Task(@Id(generated = true) long id, String title) {}
            """;

    private Compilation build(List<String> options, String... sources) {
        List<String> all = new ArrayList<>(options);
        all.add("-Atenantdao.schema.dir=" + dir);
        Compilation compilation = Compiler.javac().withProcessors(new dev.tenantdao.processor.TenantDaoProcessor())
                .withOptions(all)
                .compile(Stream.of(sources).map(s -> JavaFileObjects.forSourceString(
                        "t." + s.replaceAll("(?s).*public record (\\w+).*", "$1"), s)).toList());
        assertEquals(List.of(), compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList());
        return compilation;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir.resolve("shared"))) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve("shared").resolve(file), StandardCharsets.UTF_8);
    }

    /** A migration's statements, without its two comment lines and the blank lines between statements. */
    private String statements(String file) throws IOException {
        String migration = read(file);
        return migration.substring(migration.indexOf("\n\n") + 2).replace("\n\n", "\n");
    }

    /** The part of an entity's DDL resource that grants operator access: from the role on. */
    private static String operatorPart(Compilation compilation, String entity) throws IOException {
        String ddl = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t." + entity + ".sql")
                .orElseThrow().getCharContent(false).toString();
        int role = ddl.indexOf("DO $$\nBEGIN\n    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles");
        assertTrue(role > 0, ddl);
        return ddl.substring(role);
    }

    private static final String SCHEMA_GRANT = "GRANT USAGE ON SCHEMA \"${flyway:defaultSchema}\" TO support_ops;\n";

    private static List<String> roles(SchemaModel model) {
        return model.tables().stream().map(t -> t.name() + ":" + t.operatorRole()).toList();
    }

    @Test
    void onFromTheFirstBuildTheFirstMigrationIsTheWholeDdlWithTheOperatorsAndTheVersionRecordsTheRole() throws IOException {
        Compilation first = build(List.of(ROLE), PROJECT);
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files());
        String v1 = statements("V1__create_tables.sql");
        String ddl = first.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t.Project.sql")
                .orElseThrow().getCharContent(false).toString();
        // the DDL less its strategy line, and the operators' use of the schema Flyway runs the migration in
        assertEquals(ddl.substring(ddl.indexOf('\n') + 1), v1.replace(SCHEMA_GRANT, ""));
        assertTrue(v1.contains("GRANT SELECT, INSERT ON tenantdao_operator_access TO support_ops;\n" + SCHEMA_GRANT), v1);
        assertEquals(List.of("project:support_ops", "project_history:support_ops"),
                roles(SchemaModel.fromJson(read("1.json"))));
        assertTrue(read("1.json").contains("\"operatorRole\": \"support_ops\"") || read("1.json").contains("\"operatorRole\":\"support_ops\""),
                read("1.json"));
    }

    @Test
    void turnedOnForTablesThatExistTheMigrationAddsExactlyTheRoleTheLogAndThePoliciesAndTurnedOffDropsThePoliciesKeepingTheLog()
            throws IOException {
        build(List.of(), PROJECT);
        assertEquals(List.of("project:null", "project_history:null"), roles(SchemaModel.fromJson(read("1.json"))));
        assertFalse(read("V1__create_tables.sql").contains("operator"), read("V1__create_tables.sql"));

        Compilation on = build(List.of(ROLE), PROJECT);
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", "V2__operator_access.sql"), files());
        // exactly what the DDL adds for the operators, in the same order, and the use of the schema
        assertEquals(operatorPart(on, "Project"), statements("V2__operator_access.sql").replace(SCHEMA_GRANT, ""));
        assertEquals(List.of("project:support_ops", "project_history:support_ops"),
                roles(SchemaModel.fromJson(read("2.json"))));

        build(List.of(ROLE), PROJECT);
        assertEquals(4, files().size(), "a build without changes writes nothing");

        build(List.of(), PROJECT);
        assertEquals(List.of("1.json", "2.json", "3.json", "V1__create_tables.sql", "V2__operator_access.sql",
                "V3__no_operator_access_project_and_no_operator_access_project_history.sql"), files());
        String off = statements("V3__no_operator_access_project_and_no_operator_access_project_history.sql");
        StringBuilder expected = new StringBuilder();
        for (String table : List.of("project", "project_history")) {
            for (String policy : List.of("read", "insert", "update", "delete")) {
                expected.append("DROP POLICY IF EXISTS ").append(table).append("_operator_").append(policy).append(" ON ")
                        .append(table).append(";\n");
            }
            expected.append("DO $$\nBEGIN\n    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'support_ops')"
                    + " THEN\n        EXECUTE 'REVOKE ALL ON ").append(table).append(" FROM support_ops';\n    END IF;\nEND $$;\n");
        }
        expected.append("-- Operator access is off: the operators' policies and privileges are gone. The access log"
                + " tenantdao_operator_access stays (it is the record of what operators did), and so does role support_ops"
                + " (other databases may use it).\n");
        assertEquals(expected.toString(), off);
        assertEquals(List.of("project:null", "project_history:null"), roles(SchemaModel.fromJson(read("3.json"))));
    }

    @Test
    void aNewTableWhileItIsOnGetsItsPoliciesWithoutTheRoleAndTheLogAgain() throws IOException {
        build(List.of(ROLE), PROJECT);
        Compilation second = build(List.of(ROLE), PROJECT, TASK);
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", "V2__create_task_and_operator_access.sql"),
                files());
        String v2 = statements("V2__create_task_and_operator_access.sql");
        String task = operatorPart(second, "Task");
        String policies = task.substring(task.indexOf("DROP POLICY IF EXISTS task_operator_read"));
        assertTrue(v2.endsWith(policies), v2);
        assertFalse(v2.contains("CREATE ROLE") || v2.contains("tenantdao_operator_access"), v2);
        assertTrue(v2.startsWith("CREATE TABLE IF NOT EXISTS task ("), v2);
    }
}
