package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Library.*;
import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hard schema changes of the library chain, one at a time, on tables holding rows. */
class HardCasesTest {

    @TempDir
    Path dir;

    private static final String LATE_FEE_REASON = LATE_FEE.replace("int days", "int days, @Column(nullable = false) String reason");

    @Test
    void aNewNotNullColumnOfASingleTableSubtypeWithoutDefaultIsACompileError() throws Exception {
        Evolution e = new Evolution(dir, "trial_sub_nn");
        e.step(FEE, LATE_FEE, DAMAGE_FEE);
        e.sql("INSERT INTO fee (tenant_id, kind, amount, days) VALUES ('central', 'late', 1.50, 3)");
        Compilation build = Trial.build(dir, List.of(), FEE, LATE_FEE_REASON, DAMAGE_FEE);
        List<String> errors = Trial.errors(build);
        assertTrue(errors.stream().anyMatch(m -> m.contains("reason")),
                "expected a compile error like the one for a new NOT NULL column; got " + errors + " and the migration "
                        + attempt(e));
    }

    private static String attempt(Evolution e) {
        try {
            return "reached version " + e.migrations.migrateShared();
        } catch (RuntimeException failure) {
            return "failed on PostgreSQL: " + failure.getMessage().lines().filter(l -> l.contains("ERROR")).findFirst()
                    .orElse(failure.getMessage());
        }
    }

    @Test
    void aNewNotNullColumnOfASingleTableSubtypeWithADefaultMigratesRowsOfEverySubtype() throws Exception {
        Evolution e = new Evolution(dir, "trial_sub_nn_default");
        e.step(FEE, LATE_FEE, DAMAGE_FEE);
        e.sql("INSERT INTO fee (tenant_id, kind, amount, days, damage) VALUES ('central', 'late', 1.50, 3, null),"
                + " ('central', 'damage', 9, null, 'torn')");
        Compilation last = e.build(FEE, LATE_FEE.replace("int days",
                "int days, @Column(nullable = false, defaultSql = \"'overdue'\") String reason"), DAMAGE_FEE);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("late|overdue"), e.rows("SELECT kind, reason FROM fee WHERE kind = 'late'"));
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    static final String TITLE = entity("""
            @Entity @Tenanted @Audited @RenamedFrom("book")
            public record Title(@Id(generated = true) long id, @Column(nullable = false) String title,
                    @Column(unique = true) String isbn, int pages, @Version long version) {}""");
    static final String COPY_OF_TITLE = COPY.replace("Book.class", "Title.class");

    private Evolution renamed(String schema) throws Exception {
        Evolution e = new Evolution(dir, schema);
        e.step(BOOK, COPY);
        e.sql("INSERT INTO book (tenant_id, title, isbn, pages) VALUES ('central', 'Dune', '978-0441', 412)",
                "INSERT INTO book_history (tenant_id, id, title, isbn, pages, version, history_version, history_operation)"
                        + " SELECT tenant_id, id, title, isbn, pages, version, 1, 'INSERT' FROM book",
                "INSERT INTO copy (tenant_id, book_id, barcode) SELECT tenant_id, id, 'C-1' FROM book");
        return e;
    }

    @Test
    void anAuditedTableRenamedKeepsRowsAndHistory() throws Exception {
        Evolution e = renamed("trial_rename_rows");
        e.build(TITLE, COPY_OF_TITLE);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("central|Dune|978-0441"), e.rows("SELECT tenant_id, title, isbn FROM title"));
        assertEquals(List.of("central|Dune|1"), e.rows("SELECT tenant_id, title, history_version FROM title_history"));
        assertEquals(List.of("C-1"), e.rows("SELECT barcode FROM copy"));
        assertThrows(java.sql.SQLException.class, () -> e.sql("DELETE FROM title_history"), "still append-only");
    }

    @Test
    void anAuditedTableRenamedEndsEqualToTheDdlFromNothing() throws Exception {
        Evolution e = renamed("trial_rename_catalog");
        Compilation last = e.build(TITLE, COPY_OF_TITLE);
        e.migrations.migrateShared();
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    @Test
    void aUniqueColumnOfARenamedTableCanBeMadeNotUniqueLater() throws Exception {
        Evolution e = renamed("trial_rename_unique");
        e.build(TITLE, COPY_OF_TITLE);
        e.build(TITLE.replace("@Column(unique = true) String isbn", "String isbn"), COPY_OF_TITLE);
        assertEquals("3", e.migrations.migrateShared());
        e.sql("INSERT INTO title (tenant_id, title, isbn, pages) VALUES ('central', 'Dune again', '978-0441', 412)");
        assertEquals(2, e.rows("SELECT * FROM title WHERE isbn = '978-0441'").size());
    }

    @Test
    void aJoinedAuditedHierarchyDroppedWithItsTables() throws Exception {
        Evolution e = new Evolution(dir, "trial_drop_joined");
        e.step(BOOK, EVENT, READING, WORKSHOP);
        e.sql("INSERT INTO library_event (tenant_id, type, title) VALUES ('central', 'Reading', 'Poems')",
                "INSERT INTO reading (tenant_id, id, author) SELECT tenant_id, id, 'Rumi' FROM library_event",
                "INSERT INTO library_event_history (tenant_id, id, type, title, author, history_version, history_operation)"
                        + " SELECT tenant_id, id, type, title, 'Rumi', 1, 'INSERT' FROM library_event");
        Compilation last = e.build(BOOK.replace("@Entity @Tenanted @Audited",
                "@Entity @Tenanted @Audited @DropTable(\"library_event\") @DropTable(\"reading\") @DropTable(\"workshop\")"));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    @Test
    void droppingTheRootOfAJoinedHierarchyNamesItsSubtypeTablesOrDropsThem() throws Exception {
        Evolution e = new Evolution(dir, "trial_drop_root");
        e.step(BOOK, EVENT, READING, WORKSHOP);
        Compilation build = Trial.build(dir, List.of(), BOOK.replace("@Entity @Tenanted @Audited",
                "@Entity @Tenanted @Audited @DropTable(\"library_event\")"));
        List<String> errors = Trial.errors(build);
        if (errors.isEmpty()) {
            assertEquals("2", e.migrations.migrateShared());
            assertEquals(List.of(), e.rows("SELECT tablename FROM pg_tables WHERE schemaname = '" + e.schema
                    + "' AND tablename IN ('reading', 'workshop')"));
        } else {
            assertTrue(errors.stream().allMatch(m -> m.contains("reading") || m.contains("workshop")), errors::toString);
        }
    }

    static final String PATRON = entity("""
            @Entity @Tenanted
            public record Patron(@Id(generated = true) long id, String level, long points) {}""");
    static final String PATRON_RETYPED = entity("""
            @Entity @Tenanted
            public record Patron(@Id(generated = true) long id, @Retyped @Column(type = "patron_level") Level level,
                    @Retyped int points) {
                public enum Level { BRONZE, GOLD }
            }""");

    @Test
    void aTextColumnRetypedToAnEnumTypeAndABigintNarrowed() throws Exception {
        Evolution e = new Evolution(dir, "trial_retype");
        e.step(PATRON);
        e.sql("INSERT INTO patron (tenant_id, level, points) VALUES ('central', 'GOLD', 10), ('harbor', null, 0)");
        Compilation last = e.build(PATRON_RETYPED);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("central|GOLD|10", "harbor|null|0"), e.rows("SELECT tenant_id, level, points FROM patron ORDER BY 1"));
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    @Test
    void aNarrowingWithoutRetypedIsACompileErrorOnTheField() throws Exception {
        Evolution e = new Evolution(dir, "trial_narrow");
        e.step(PATRON);
        Compilation build = Trial.build(dir, List.of(), PATRON.replace("long points", "int points"));
        assertEquals(List.of("6:71: Column points of patron changes type from bigint to integer, which may not hold every"
                + " value it holds now. Declare @Retyped on the field to convert them (a value that does not convert fails"
                + " the migration)"), Trial.errors(build));
    }

    @Test
    void aColumnMadeNotNullWithADefaultMigratesRowsHoldingNull() throws Exception {
        Evolution e = new Evolution(dir, "trial_not_null_default");
        e.step(MEMBER);
        e.sql("INSERT INTO member (tenant_id, name, email) VALUES ('central', 'Ada', 'ada@central'), ('harbor', 'Bo', null)");
        Compilation build = Trial.build(dir, List.of(), MEMBER.replace("String email",
                "@Column(nullable = false, defaultSql = \"'none'\") String email"));
        List<String> errors = Trial.errors(build);
        if (errors.isEmpty()) {
            assertEquals("2", attempt(e).replace("reached version ", ""));
            assertEquals(List.of("ada@central", "none"), e.rows("SELECT email FROM member ORDER BY tenant_id"));
        } else {
            assertTrue(errors.get(0).contains("email"), errors::toString);
        }
    }

    @Test
    void aDefaultChangedAndRemoved() throws Exception {
        Evolution e = new Evolution(dir, "trial_default");
        String withDefault = MEMBER.replace("String email", "@Column(defaultSql = \"'a@b'\") String email");
        e.step(withDefault);
        Compilation changed = e.build(withDefault.replace("'a@b'", "'c@d'"));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(changed));
        Compilation removed = e.build(MEMBER);
        assertEquals("3", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(removed));
    }

    @Test
    void rowLevelSecurityTurnedOffAndOnAgainOnAnAuditedEntity() throws Exception {
        Evolution e = new Evolution(dir, "trial_rls");
        e.step(BOOK, MEMBER);
        Compilation off = e.build(BOOK.replace("@Tenanted", "@Tenanted(rowLevelSecurity = false)"),
                MEMBER.replace("@Tenanted", "@Tenanted(rowLevelSecurity = false)"));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(off));
        Compilation on = e.build(BOOK, MEMBER);
        assertEquals("3", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(on));
    }

    @Test
    void anEntityAuditedLater() throws Exception {
        Evolution e = new Evolution(dir, "trial_audit_later");
        e.step(MEMBER);
        e.sql("INSERT INTO member (tenant_id, name) VALUES ('central', 'Ada')");
        Compilation audited = e.build(MEMBER.replace("@Entity @Tenanted", "@Entity @Tenanted @Audited"));
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(audited));
        assertEquals(List.of("Ada"), e.rows("SELECT name FROM member"));
    }

    @Test
    void anAuditedEntityUnauditedWithItsHistoryTableDropped() throws Exception {
        Evolution e = new Evolution(dir, "trial_unaudit");
        String audited = MEMBER.replace("@Entity @Tenanted", "@Entity @Tenanted @Audited");
        e.step(audited);
        Compilation build = Trial.build(dir, List.of(), MEMBER.replace("@Entity @Tenanted",
                "@Entity @Tenanted @DropTable(\"member_history\")"));
        assertEquals(List.of(), Trial.errors(build), "README: @DropTable declares a table gone; nothing else is asked");
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(build));
    }

    static final String ORDER = entity("""
            @Entity(table = "order") @Tenanted @Audited
            public record Order(@Id(generated = true) long id, String group, @Column(type = "order_state") State state,
                    @Column(unique = true) String number) {
                public enum State { NEW, DONE }
            }""");
    static final String ORDER2 = entity("""
            @Entity(table = "order") @Tenanted @Audited
            public record Order(@Id(generated = true) long id, @RenamedFrom("group") String section,
                    @Column(type = "order_state") State state, String number, Integer user) {
                public enum State { NEW, PENDING, DONE }
            }""");

    @Test
    void aTableNamedByAReservedWordEvolves() throws Exception {
        Evolution e = new Evolution(dir, "trial_reserved");
        e.step(ORDER);
        e.sql("INSERT INTO \"order\" (tenant_id, \"group\", state, number) VALUES ('central', 'g', 'NEW', 'O-1')");
        Compilation last = e.build(ORDER2);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(last));
        assertEquals(List.of("g|NEW"), e.rows("SELECT section, state FROM \"order\""));
        Compilation renamed = e.build(ORDER2.replace("@Entity(table = \"order\")", "@Entity(table = \"purchase\") @RenamedFrom(\"order\")"));
        assertEquals("3", e.migrations.migrateShared());
        assertEquals(List.of("g|NEW"), e.rows("SELECT section, state FROM purchase"));
    }

    @Test
    void aReferenceAddedAndRemoved() throws Exception {
        Evolution e = new Evolution(dir, "trial_reference");
        String plain = COPY.replace("@References(Book.class) long bookId", "long bookId");
        e.step(BOOK, plain);
        e.sql("INSERT INTO book (tenant_id, title, pages) VALUES ('central', 'Dune', 1)",
                "INSERT INTO copy (tenant_id, book_id) SELECT tenant_id, id FROM book");
        Compilation referenced = e.build(BOOK, COPY);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(referenced));
        Compilation removed = e.build(BOOK, plain);
        assertEquals("3", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(removed));
    }

    @Test
    void anIncrementalBuildOfSomeEntitiesWritesNothing() throws Exception {
        Evolution e = new Evolution(dir, "trial_incremental");
        Compilation whole = e.build(BOOK, MEMBER);
        Path classes = Trial.classOutput(whole, dir.resolve("../" + dir.getFileName() + "-classes").normalize());
        List<String> before = e.files();
        Compilation partial = Trial.build(dir, List.of(), List.of(classes.toFile()),
                MEMBER.replace("String email", "String email, String phone"));
        assertEquals(List.of(), Trial.errors(partial));
        assertEquals(before, e.files());
        assertTrue(Trial.notes(partial).stream().anyMatch(n -> n.contains("incremental")), Trial.notes(partial)::toString);
    }
}
