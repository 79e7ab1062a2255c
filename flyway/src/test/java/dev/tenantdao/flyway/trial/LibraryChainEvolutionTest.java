package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Library.*;
import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.testkit.Catalog;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library chain over seven builds of its row-tenanted tables, the way the project evolves: each
 * migration applied by Flyway to a database holding rows and history; at the end the migrated
 * schema equals the last build's DDL from nothing, and Database.verify() passes as the application
 * role (and names a mismatch introduced by hand).
 */
class LibraryChainEvolutionTest {

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    static final String BOOK2 = BOOK.replace("int pages,", "int pages, String subtitle,");
    static final String LOAN2 = LOAN.replace("OPEN, RETURNED", "OPEN, OVERDUE, RETURNED");
    static final String COPY3 = COPY.replace("String barcode)", "String barcode, String shelf)");
    static final String FEE4 = FEE.replace("permits LateFee, DamageFee", "permits LateFee, DamageFee, LostFee");
    static final String LOST_FEE = entity("""
            @Subtype("lost")
            public record LostFee(long id, BigDecimal amount, String note) implements Fee {}""");
    static final String EVENT4 = EVENT.replace("Workshop.class}", "Workshop.class, Exhibition.class}");
    static final String EXHIBITION = entity("""
            public final class Exhibition extends LibraryEvent { public String room; }""");
    static final String BOOK5 = BOOK2.replace("int pages,", "@RenamedFrom(\"pages\") int pageCount,");
    static final String BOOK6 = BOOK5.replace("@Column(unique = true) String isbn", "String isbn");
    static final String MEMBER6 = MEMBER.replace("String email", "@Column(unique = true) String email");
    static final String LATE_FEE6 = LATE_FEE.replace("int days", "long days");
    static final String COPY7 = COPY3.replace("String barcode,", "@Column(nullable = false) String barcode,");
    static final String MEMBER7 = MEMBER6.replace("@Column(nullable = false) String name",
            "@Column(nullable = false, defaultSql = \"'anonymous'\") String name");

    @Test
    void sevenBuildsMigrateABranchChainWithRowsAndHistoryAndEndEqualToTheDdlFromNothing() throws Exception {
        Evolution e = new Evolution(dir, "trial_chain");

        assertEquals("1", e.step(BOOK, MEMBER, COPY, LOAN, FEE, LATE_FEE, DAMAGE_FEE, EVENT, READING, WORKSHOP));
        e.sql("INSERT INTO book (tenant_id, title, isbn, pages) VALUES ('central', 'Dune', '978-0441', 412),"
                        + " ('harbor', 'Emma', '978-0141', 474)",
                "INSERT INTO book_history (tenant_id, id, title, isbn, pages, version, history_version, history_operation)"
                        + " SELECT tenant_id, id, title, isbn, pages, version, 1, 'INSERT' FROM book",
                "INSERT INTO member (tenant_id, name, email) VALUES ('central', 'Ada', 'ada@central'), ('harbor', 'Bo', null)",
                "INSERT INTO copy (tenant_id, book_id, barcode) SELECT tenant_id, id, 'C-' || id FROM book",
                "INSERT INTO loan (tenant_id, copy_id, member_id, status, due) SELECT c.tenant_id, c.id, m.id, 'OPEN',"
                        + " date '2026-01-10' FROM copy c JOIN member m USING (tenant_id)",
                "INSERT INTO fee (tenant_id, kind, amount, days, damage) VALUES ('central', 'late', 1.50, 3, null),"
                        + " ('harbor', 'damage', 20, null, 'water')",
                "INSERT INTO library_event (tenant_id, type, title) VALUES ('central', 'Reading', 'Poems'),"
                        + " ('central', 'Workshop', 'Binding')",
                "INSERT INTO reading (tenant_id, id, author) SELECT tenant_id, id, 'Rumi' FROM library_event WHERE type = 'Reading'",
                "INSERT INTO workshop (tenant_id, id, topic) SELECT tenant_id, id, 'glue' FROM library_event WHERE type = 'Workshop'",
                "INSERT INTO library_event_history (tenant_id, id, type, title, author, topic, history_version, history_operation)"
                        + " SELECT e.tenant_id, e.id, e.type, e.title, r.author, w.topic, 1, 'INSERT' FROM library_event e"
                        + " LEFT JOIN reading r USING (tenant_id, id) LEFT JOIN workshop w USING (tenant_id, id)");

        // 2: a column on an audited entity; an enum label in the middle
        assertEquals("2", e.step(BOOK2, MEMBER, COPY, LOAN2, FEE, LATE_FEE, DAMAGE_FEE, EVENT, READING, WORKSHOP));
        assertEquals(List.of("OPEN", "OVERDUE", "RETURNED"), Catalog.enumLabels(e.admin, e.schema, "loan_status"));
        e.sql("UPDATE loan SET status = 'OVERDUE' WHERE tenant_id = 'harbor'");
        // two builds without changes write nothing
        List<String> files = e.files();
        e.build(BOOK2, MEMBER, COPY, LOAN2, FEE, LATE_FEE, DAMAGE_FEE, EVENT, READING, WORKSHOP);
        e.build(BOOK2, MEMBER, COPY, LOAN2, FEE, LATE_FEE, DAMAGE_FEE, EVENT, READING, WORKSHOP);
        assertEquals(files, e.files());
        assertEquals("2", e.migrations.migrateShared());

        // 3: a migration written by hand; the build takes it and exports the entities as version 3
        Files.writeString(dir.resolve("shared/V3__by_hand.sql"), "ALTER TABLE copy ADD COLUMN shelf text;\n"
                + "UPDATE copy SET shelf = 'A' || id;\n");
        Compilation three = e.build(BOOK2, MEMBER, COPY3, LOAN2, FEE, LATE_FEE, DAMAGE_FEE, EVENT, READING, WORKSHOP);
        assertTrue(Trial.notes(three).stream().anyMatch(n -> n.contains("V3__by_hand.sql")), Trial.notes(three)::toString);
        assertTrue(e.files().contains("3.json") && e.files().stream().noneMatch(f -> f.startsWith("V4")), e.files()::toString);
        assertEquals("3", e.migrations.migrateShared());

        // 4: a subtype added to each hierarchy
        assertEquals("4", e.step(BOOK2, MEMBER, COPY3, LOAN2, FEE4, LATE_FEE, DAMAGE_FEE, LOST_FEE, EVENT4, READING,
                WORKSHOP, EXHIBITION));
        e.sql("INSERT INTO fee (tenant_id, kind, amount, note) VALUES ('central', 'lost', 30, 'never returned')",
                "INSERT INTO library_event (tenant_id, type, title) VALUES ('harbor', 'Exhibition', 'Maps')",
                "INSERT INTO exhibition (tenant_id, id, room) SELECT tenant_id, id, 'hall' FROM library_event WHERE type = 'Exhibition'");

        // 5: an audited column renamed
        assertEquals("5", e.step(BOOK5, MEMBER, COPY3, LOAN2, FEE4, LATE_FEE, DAMAGE_FEE, LOST_FEE, EVENT4, READING,
                WORKSHOP, EXHIBITION));
        assertTrue(e.migration(5).contains("ALTER TABLE book_history RENAME COLUMN pages TO page_count"), e.migration(5));

        // 6: unique moved from isbn to email; a subtype's column widened
        assertEquals("6", e.step(BOOK6, MEMBER6, COPY3, LOAN2, FEE4, LATE_FEE6, DAMAGE_FEE, LOST_FEE, EVENT4, READING,
                WORKSHOP, EXHIBITION));
        e.sql("INSERT INTO book (tenant_id, title, isbn, page_count) VALUES ('central', 'Dune (2nd copy)', '978-0441', 412)");

        // 7: a column made NOT NULL (every row has one); a default
        Compilation last = e.build(BOOK6, MEMBER7, COPY7, LOAN2, FEE4, LATE_FEE6, DAMAGE_FEE, LOST_FEE, EVENT4, READING,
                WORKSHOP, EXHIBITION);
        assertEquals("7", e.migrations.migrateShared());

        // nothing lost
        assertEquals(List.of("central|Dune|978-0441|412", "central|Dune (2nd copy)|978-0441|412", "harbor|Emma|978-0141|474"),
                e.rows("SELECT tenant_id, title, isbn, page_count FROM book ORDER BY tenant_id, id"));
        assertEquals(List.of("central|Dune|412|1", "harbor|Emma|474|1"),
                e.rows("SELECT tenant_id, title, page_count, history_version FROM book_history ORDER BY 1"));
        assertEquals(List.of("central|OPEN", "harbor|OVERDUE"), e.rows("SELECT tenant_id, status FROM loan ORDER BY 1"));
        assertEquals(List.of("central|late|3|null|null", "central|lost|null|null|never returned", "harbor|damage|null|water|null"),
                e.rows("SELECT tenant_id, kind, days, damage, note FROM fee ORDER BY 1, 2"));
        assertEquals(List.of("central|Reading|Rumi|null|null", "central|Workshop|null|glue|null", "harbor|Exhibition|null|null|hall"),
                e.rows("SELECT e.tenant_id, e.type, r.author, w.topic, x.room FROM library_event e LEFT JOIN reading r USING"
                        + " (tenant_id, id) LEFT JOIN workshop w USING (tenant_id, id) LEFT JOIN exhibition x USING (tenant_id, id)"
                        + " ORDER BY 1, 2"));
        assertEquals(2, e.rows("SELECT * FROM library_event_history").size());
        assertEquals(List.of("A1", "A2"), e.rows("SELECT shelf FROM copy ORDER BY id"));

        // the migrated schema is the one the last build's DDL creates
        assertEquals(List.of(), e.differenceFromFresh(last));

        // verify() as the application role: clean, then naming what was changed by hand
        DataSource app = Postgres.shared().applicationRole("trial_chain_app", e.schema);
        Database database = Database.builder(app).sharedSchema(e.schema).build();
        Trial.withModel(last, classes, () -> {
            database.verify();
            return null;
        });
        e.sql("ALTER TABLE member ALTER COLUMN email TYPE varchar(80)", "ALTER TABLE copy NO FORCE ROW LEVEL SECURITY");
        SchemaMismatchException mismatch = assertThrows(SchemaMismatchException.class, () -> Trial.withModel(last, classes, () -> {
            database.verify();
            return null;
        }));
        assertTrue(mismatch.getMessage().contains("email") && mismatch.getMessage().contains("character varying(80)"),
                mismatch.getMessage());
        assertTrue(mismatch.getMessage().contains("copy"), mismatch.getMessage());
        assertEquals(2, mismatch.mismatches().size(), mismatch.getMessage());
    }
}
