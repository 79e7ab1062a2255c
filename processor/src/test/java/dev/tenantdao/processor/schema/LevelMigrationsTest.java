package dev.tenantdao.processor.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration to a version in which an intermediate level of a joined hierarchy has a table it did
 * not have, or holds subtypes it did not hold: the rows of those subtypes already in the root's table
 * get their row in the level's table. (That Flyway applies it to PostgreSQL and the DAOs find the rows
 * is the flyway module's {@code LevelTableMigrationsTest}.)
 */
class LevelMigrationsTest {

    @TempDir
    Path dir;

    private static final Pattern TYPE = Pattern.compile(
            "public (?:(?:sealed|non-sealed|abstract|final) )*(?:record|class|interface) (\\w+)");

    private Compilation build(String... sources) {
        JavaFileObject[] files = new JavaFileObject[sources.length];
        for (int i = 0; i < sources.length; i++) {
            Matcher matcher = TYPE.matcher(sources[i]);
            assertTrue(matcher.find(), sources[i]);
            files[i] = JavaFileObjects.forSourceString("t." + matcher.group(1), sources[i]);
        }
        return Compiler.javac().withProcessors(new TenantDaoProcessor())
                .withOptions("-Atenantdao.schema.dir=" + dir).compile(files);
    }

    private Compilation ok(String... sources) {
        Compilation compilation = build(sources);
        assertEquals(List.of(), errors(compilation));
        return compilation;
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
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

    /** The migration to {@code version} of {@code stream}. */
    private String migration(String stream, int version) throws IOException {
        String file = files(stream).stream().filter(f -> f.startsWith("V" + version + "__")).findFirst().orElseThrow();
        return Files.readString(dir.resolve(stream).resolve(file), StandardCharsets.UTF_8);
    }

    private SchemaModel version(String stream, int version) throws IOException {
        return SchemaModel.fromJson(Files.readString(dir.resolve(stream).resolve(version + ".json"), StandardCharsets.UTF_8));
    }

    private static String entity(String body) {
        return "package t;\nimport dev.tenantdao.annotations.*;\n" + body + "\n";
    }

    private static final String EVENT = entity("""
            @Entity(table = "event") @Tenanted @Audited
            @Polymorphic(strategy = Polymorphic.Strategy.JOINED, subtypes = {Talk.class, Workshop.class})
            public abstract class Event {
                @Id(generated = true) public Long id;
                @Column(nullable = false) public String title;
            }""");
    private static final String TALK = entity("""
            public final class Talk extends Event { public String speaker; }""");
    private static final String WORKSHOP = entity("""
            public final class Workshop extends Event { public String topic; }""");

    /** Version 2: level Session, with a table, above Workshop. */
    private static final String EVENT_2 = EVENT.replace("{Talk.class, Workshop.class}", "{Talk.class, Session.class}");
    private static final String SESSION = entity("""
            @Subtype(table = "session_room")
            public abstract sealed class Session extends Event permits Workshop {
                @Column(nullable = false, defaultSql = "'main hall'") public String room;
                public Integer seats;
            }""");
    private static final String WORKSHOP_2 = WORKSHOP.replace("extends Event", "extends Session");

    @Test
    void aNewLevelTableGetsARowForEachRowOfItsSubtypesAsTheTablesOwner() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        ok(EVENT_2, TALK, SESSION, WORKSHOP_2);
        String v2 = migration("shared", 2);
        String fill = """
                -- The rows of event with type 'Workshop' get their row in session_room, the table of level Session,\
                 with its columns' defaults.
                ALTER TABLE event NO FORCE ROW LEVEL SECURITY;
                ALTER TABLE session_room NO FORCE ROW LEVEL SECURITY;
                INSERT INTO session_room (tenant_id, id)
                    SELECT tenant_id, id FROM event WHERE type IN ('Workshop');
                ALTER TABLE session_room FORCE ROW LEVEL SECURITY;
                ALTER TABLE event FORCE ROW LEVEL SECURITY;
                """;
        assertTrue(v2.contains(fill), v2);
        // after the table (and its row-level security) is created, and after the history table has the level's columns
        assertTrue(v2.indexOf("CREATE TABLE IF NOT EXISTS session_room") < v2.indexOf(fill), v2);
        assertTrue(v2.indexOf("ALTER TABLE event_history ADD COLUMN room text;") < v2.indexOf(fill), v2);
        assertTrue(files("shared").contains("V2__create_session_room_and_add_event_history_room_and_more.sql"),
                files("shared")::toString);

        // the exported version records which rows each table besides the root's holds
        SchemaModel exported = version("shared", 2);
        assertEquals(new SchemaModel.Joined("event", "type", List.of("Workshop"), "t.Session", true),
                exported.table("session_room").orElseThrow().joined());
        assertEquals(new SchemaModel.Joined("event", "type", List.of("Talk"), "t.Talk", false),
                exported.table("talk").orElseThrow().joined());
        assertNull(exported.table("event").orElseThrow().joined());
        assertNull(exported.table("event_history").orElseThrow().joined());
    }

    @Test
    void aNotNullLevelColumnWithoutADefaultIsAnErrorOnItsFieldAndNothingIsWritten() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        Compilation refused = build(EVENT_2, TALK, SESSION.replace(", defaultSql = \"'main hall'\"", ""), WORKSHOP_2);
        assertEquals(List.of("5:45: Table session_room of level Session is new: the rows of event with type 'Workshop'"
                + " already there need a row in it, which the migration inserts with each column's default, and its column"
                + " room is NOT NULL without a default. Give it @Column(defaultSql = ...), make it nullable, or write the"
                + " migration by hand (insert a row in session_room for each of those rows); a hand-written V<n> after the"
                + " latest version is taken to reach the entities"), errors(refused));
        assertEquals(List.of("1.json", "V1__create_tables.sql"), files("shared"), "nothing written");
    }

    @Test
    void aLevelAboveOnlySubtypesNewInTheVersionHasNoRowsToFill() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        String seminar = entity("""
                public final class Seminar extends Session { public String chair; }""");
        // a NOT NULL column without a default is no problem: no row of Seminar exists yet
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Talk.class, Workshop.class, Session.class}"), TALK, WORKSHOP,
                SESSION.replace(", defaultSql = \"'main hall'\"", "").replace("permits Workshop", "permits Seminar"), seminar);
        String v2 = migration("shared", 2);
        assertTrue(v2.contains("CREATE TABLE IF NOT EXISTS session_room"), v2);
        assertFalse(v2.contains("INSERT INTO"), v2);
        assertFalse(v2.contains("NO FORCE"), v2);
    }

    @Test
    void afterAFallbackSubtypeRowsOfAnyValueMayExistSoANewSubtypesLevelIsFilledToo() throws IOException {
        String other = entity("""
                @Subtype(value = "other", fallback = true)
                public final class Other extends Event {
                    @Column(name = "type", insertable = false) public String type;
                }""");
        String seminar = entity("""
                public final class Seminar extends Session { public String chair; }""");
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Talk.class, Workshop.class, Other.class}"), TALK, WORKSHOP, other);
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Talk.class, Workshop.class, Other.class, Session.class}"), TALK,
                WORKSHOP, other, SESSION.replace("permits Workshop", "permits Seminar"), seminar);
        String v2 = migration("shared", 2);
        assertTrue(v2.contains("SELECT tenant_id, id FROM event WHERE type IN ('Seminar');\n"),
                "rows of 'Seminar' were loaded as Other until now: " + v2);
    }

    @Test
    void aSubtypeWithRowsMovedBelowALevelWithANotNullColumnWithoutADefaultIsAnErrorOnTheField() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        String seminar = entity("""
                public final class Seminar extends Session { public String chair; }""");
        String session = SESSION.replace(", defaultSql = \"'main hall'\"", "");
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Talk.class, Workshop.class, Session.class}"), TALK, WORKSHOP,
                session.replace("permits Workshop", "permits Seminar"), seminar);
        Compilation refused = build(EVENT.replace("{Talk.class, Workshop.class}", "{Workshop.class, Session.class}"),
                TALK.replace("extends Event", "extends Session"), WORKSHOP, session.replace("permits Workshop", "permits Seminar, Talk"),
                seminar);
        assertEquals(List.of("5:45: Table session_room of level Session now holds the rows of event with type 'Talk': those"
                + " already there need a row in it, which the migration inserts with each column's default, and its column"
                + " room is NOT NULL without a default. Give it @Column(defaultSql = ...), make it nullable, or write the"
                + " migration by hand (insert a row in session_room for each of those rows); a hand-written V<n> after the"
                + " latest version is taken to reach the entities"), errors(refused));
        assertEquals(4, files("shared").size(), "nothing written: " + files("shared"));
    }

    @Test
    void aSubtypeMovedBelowALevelThatHasItsTableGetsItsRowsThereAndRowsLeftThereAreKept() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        ok(EVENT_2, TALK, SESSION, WORKSHOP_2);
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Session.class}"), TALK.replace("extends Event", "extends Session"),
                SESSION.replace("permits Workshop", "permits Workshop, Talk"), WORKSHOP_2);
        String v3 = migration("shared", 3);
        assertTrue(v3.contains("""
                INSERT INTO session_room (tenant_id, id)
                    SELECT tenant_id, id FROM event WHERE type IN ('Talk')
                    ON CONFLICT DO NOTHING;
                """), v3);
        assertEquals(1, v3.split("INSERT INTO", -1).length - 1, "Workshop's rows have theirs since version 2: " + v3);
        assertTrue(v3.contains("-- The rows of event with type 'Talk' get their row in session_room"), v3);
        assertEquals(List.of("Workshop", "Talk"), version("shared", 3).table("session_room").orElseThrow().joined().values());
    }

    @Test
    void aSchemaPerTenantHierarchysMigrationFillsTheLevelWithoutATenantColumn() throws IOException {
        String tenanted = "@Tenanted(strategy = Tenanted.Strategy.SCHEMA)";
        ok(EVENT.replace("@Tenanted", tenanted), TALK, WORKSHOP);
        ok(EVENT_2.replace("@Tenanted", tenanted), TALK, SESSION, WORKSHOP_2);
        assertEquals(List.of(), files("shared"));
        String v2 = migration("schema", 2);
        assertTrue(v2.contains("""
                with its columns' defaults.
                INSERT INTO session_room (id)
                    SELECT id FROM event WHERE type IN ('Workshop');
                """), v2);
        assertFalse(v2.contains("ROW LEVEL SECURITY"), v2);
    }

    @Test
    void aVersionExportedBeforeTheRowsWereRecordedStillLoadsAndItsLevelTablesAreLeftAsTheyAre() throws IOException {
        ok(EVENT, TALK, WORKSHOP);
        ok(EVENT_2, TALK, SESSION, WORKSHOP_2);
        // as a processor before this one exported it: no "joined"
        Path v2 = dir.resolve("shared/2.json");
        String json = Files.readString(v2, StandardCharsets.UTF_8);
        String old = json.replaceAll(",\\s*\"joined\": \\{[^}]*\\}", "");
        assertFalse(old.contains("joined"), old);
        Files.writeString(v2, old, StandardCharsets.UTF_8);
        assertNull(SchemaModel.fromJson(old).table("session_room").orElseThrow().joined());

        // which rows session_room held is unknown: Talk's moving below it writes nothing there (as before)
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Session.class}"), TALK.replace("extends Event", "extends Session"),
                SESSION.replace("permits Workshop", "permits Workshop, Talk"), WORKSHOP_2);
        String v3 = migration("shared", 3);
        assertFalse(v3.contains("INSERT INTO"), v3);
        // a new level of such a version: any value may have rows
        String course = entity("""
                @Subtype(table = "course")
                public abstract sealed class Course extends Event permits Lab {
                    public String syllabus;
                }""");
        String lab = entity("""
                public final class Lab extends Course { public String bench; }""");
        String v3Json = Files.readString(dir.resolve("shared/3.json"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("shared/3.json"), v3Json.replaceAll(",\\s*\"joined\": \\{[^}]*\\}", ""),
                StandardCharsets.UTF_8);
        ok(EVENT.replace("{Talk.class, Workshop.class}", "{Session.class, Course.class}"),
                TALK.replace("extends Event", "extends Session"), SESSION.replace("permits Workshop", "permits Workshop, Talk"),
                WORKSHOP_2, course, lab);
        String v4 = migration("shared", 4);
        assertTrue(v4.contains("SELECT tenant_id, id FROM event WHERE type IN ('Lab');"), v4);
    }
}
