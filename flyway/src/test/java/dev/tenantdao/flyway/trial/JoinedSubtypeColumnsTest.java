package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Library.*;
import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns of a subtype of the audited joined hierarchy (library events): renamed, dropped and
 * retyped with their declarations, in the subtype's table and in the hierarchy's one history table.
 */
class JoinedSubtypeColumnsTest {

    @TempDir
    Path dir;

    private Evolution withAReading(String schema, String reading) throws Exception {
        Evolution e = new Evolution(dir, schema);
        e.step(EVENT, reading, WORKSHOP);
        e.sql("INSERT INTO library_event (tenant_id, type, title) VALUES ('central', 'Reading', 'Poems')",
                "INSERT INTO reading (tenant_id, id, author) SELECT tenant_id, id, 'Rumi' FROM library_event",
                "INSERT INTO library_event_history (tenant_id, id, type, title, author, history_version, history_operation)"
                        + " SELECT tenant_id, id, type, title, 'Rumi', 1, 'INSERT' FROM library_event");
        return e;
    }

    @Test
    void aSubtypeColumnRenamedIsRenamedInTheHistoryTableToo() throws Exception {
        Evolution e = withAReading("trial_joined_rename", READING);
        Compilation last = e.build(EVENT, READING.replace("public String author", "@RenamedFrom(\"author\") public String writer"),
                WORKSHOP);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("Rumi"), e.rows("SELECT writer FROM reading"));
        assertEquals(List.of(), e.differenceFromFresh(last), () -> {
            try {
                return e.migration(2);
            } catch (Exception x) {
                return x.toString();
            }
        });
        assertEquals(List.of("Rumi"), e.rows("SELECT writer FROM library_event_history"));
    }

    @Test
    void aSubtypeColumnDroppedWithItsDeclaration() throws Exception {
        Evolution e = withAReading("trial_joined_drop", READING.replace("public String author;", "public String author; public String note;"));
        Compilation build = Trial.build(dir, List.of(), EVENT, READING.replace("public final class Reading",
                "@DropColumn(\"author\") public final class Reading").replace("public String author;", "public String note;"), WORKSHOP);
        assertEquals(List.of(), Trial.errors(build));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(build));
    }

    @Test
    void aSubtypeColumnRetypedIsRetypedInTheHistoryTableToo() throws Exception {
        String withPages = READING.replace("public String author;", "public String author; public Long minutes;");
        Evolution e = withAReading("trial_joined_retype", withPages);
        Compilation last = e.build(EVENT, withPages.replace("public Long minutes", "@Retyped public Integer minutes"), WORKSHOP);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    @TempDir
    Path classes;

    @Test
    void verifyPassesAfterTheMigrationRetypingASubtypeColumn() throws Exception {
        String withPages = READING.replace("public String author;", "public String author; public Long minutes;");
        Evolution e = withAReading("trial_joined_retype_verify", withPages);
        Compilation last = e.build(EVENT, withPages.replace("public Long minutes", "@Retyped public Integer minutes"), WORKSHOP);
        assertEquals("2", e.migrations.migrateShared());
        dev.tenantdao.runtime.Database app = dev.tenantdao.runtime.Database.builder(
                dev.tenantdao.testkit.Postgres.shared().applicationRole("trial_joined_app", e.schema)).sharedSchema(e.schema).build();
        Trial.withModel(last, classes, () -> {
            app.verify();
            return null;
        });
    }
    @Test
    void aLevelWithFieldsAddedAboveASubtypeGetsItsTableWithARowForEachOfItsRowsAndItsColumnsInTheHistoryTable() throws Exception {
        Evolution e = withAReading("trial_joined_level", READING);
        e.sql("INSERT INTO library_event (tenant_id, type, title) VALUES ('central', 'Workshop', 'Clay')",
                "INSERT INTO workshop (tenant_id, id, topic) SELECT tenant_id, id, 'pots' FROM library_event WHERE type = 'Workshop'");
        String session = entity("""
                @Subtype(table = "session_room")
                public abstract sealed class Session extends LibraryEvent permits Workshop {
                    @Column(nullable = false, defaultSql = "'R1'") public String room;
                }""");
        Compilation last = e.build(EVENT.replace("subtypes = {Reading.class, Workshop.class}",
                "subtypes = {Reading.class, Session.class}"), READING, session,
                WORKSHOP.replace("extends LibraryEvent", "extends Session"));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(last), () -> {
            try {
                return e.migration(2);
            } catch (Exception x) {
                return x.toString();
            }
        });
        // the Workshop already there has its row in the level's table: the migration inserted it, with the default
        assertEquals(List.of("Clay R1 pots"), e.rows("SELECT e.title || ' ' || s.room || ' ' || w.topic FROM library_event e"
                + " JOIN session_room s ON s.tenant_id = e.tenant_id AND s.id = e.id"
                + " JOIN workshop w ON w.tenant_id = e.tenant_id AND w.id = e.id"));
        assertEquals(List.of("Rumi"), e.rows("SELECT author FROM reading"), "the rows already there stay");
        assertEquals(List.of("room"), e.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                + e.schema + "' AND table_name = 'library_event_history' AND column_name = 'room'"));
    }

    @Test
    void addingAFallbackSubtypeDropsTheDiscriminatorsCheckAndRowsOfOtherValuesLoadAsIt() throws Exception {
        Evolution e = withAReading("trial_joined_fallback", READING);
        String fallback = entity("""
                @Subtype(value = "other", fallback = true)
                public final class Other extends LibraryEvent {
                    @Column(name = "type", insertable = false) public String type;
                    public String note;
                }""");
        Compilation last = e.build(EVENT.replace("subtypes = {Reading.class, Workshop.class}",
                "subtypes = {Reading.class, Workshop.class, Other.class}"), READING, WORKSHOP, fallback);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(last), () -> {
            try {
                return e.migration(2);
            } catch (Exception x) {
                return x.toString();
            }
        });
        e.sql("INSERT INTO library_event (tenant_id, type, title) VALUES ('central', 'Concert', 'Strings')");
        assertEquals(List.of("Concert", "Reading"), e.rows("SELECT type FROM library_event ORDER BY type"),
                "a value no subtype claims is accepted: the fallback loads it");
    }
}
