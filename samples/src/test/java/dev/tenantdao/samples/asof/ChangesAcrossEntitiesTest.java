package dev.tenantdao.samples.asof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Changes;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Changes}: the changes of two audited entities in a time range, and of one transaction, in
 * transaction order, on PostgreSQL (row strategy, through a role that owns nothing, under RLS).
 */
class ChangesAcrossEntitiesTest {

    @Test
    void changesOfSeveralEntitiesInTransactionOrder() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("asof_changes"), AsOfRowNote.class, AsOfRowTag.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "asof_changes"));
        AsOfRowNoteDao notes = new AsOfRowNoteDao(database);
        AsOfRowTagDao tags = new AsOfRowTagDao(database);

        Instant from = now();
        long[] transactions = new long[3];
        TenantContext.runAs("acme", () -> {
            transactions[0] = database.inTransaction(tx -> {
                notes.insert(new AsOfRowNote(1, "draft"));
                tags.insert(new AsOfRowTag(1, "urgent"));
                notes.update(new AsOfRowNote(1, "final"));
                return notes.history(1).get(0).transactionId();
            });
            transactions[1] = database.inTransaction(tx -> {
                notes.insert(new AsOfRowNote(2, "other"));
                return notes.history(2).get(0).transactionId();
            });
            transactions[2] = database.inTransaction(tx -> {
                tags.update(new AsOfRowTag(1, "done"));
                notes.deleteById(2);
                return tags.history(1).get(0).transactionId();
            });
        });
        TenantContext.runAs("globex", () -> notes.insert(new AsOfRowNote(1, "theirs")));
        Instant to = now();

        List<HistoryEntry<?>> range = TenantContext.callAs("acme", () -> Changes.inTransactionOrder(
                notes.changesBetween(from, to), tags.changesBetween(from, to)));
        assertEquals(List.of("note 1 INSERT draft", "tag 1 INSERT urgent", "note 1 UPDATE final",
                "note 2 INSERT other",
                "tag 1 UPDATE done", "note 2 DELETE other"), describe(range), "the other tenant's change is not there");
        Map<Long, List<HistoryEntry<?>>> grouped = Changes.byTransaction(range);
        assertEquals(List.of(transactions[0], transactions[1], transactions[2]), new ArrayList<>(grouped.keySet()));
        assertEquals(List.of(3, 1, 2), grouped.values().stream().map(List::size).toList());

        List<HistoryEntry<?>> last = TenantContext.callAs("acme", () -> Changes.inTransactionOrder(
                notes.changesInTransaction(transactions[2]), tags.changesInTransaction(transactions[2])));
        assertEquals(List.of("tag 1 UPDATE done", "note 2 DELETE other"), describe(last), "what that transaction changed");
        assertEquals(List.of(), TenantContext.callAs("globex", () -> Changes.inTransactionOrder(
                notes.changesInTransaction(transactions[2]), tags.changesInTransaction(transactions[2]))),
                "another tenant's transaction");
    }

    private static List<String> describe(List<HistoryEntry<?>> entries) {
        return entries.stream().map(e -> {
            if (e.entity() instanceof AsOfRowNote note) {
                return "note " + note.id() + " " + e.operation() + " " + note.text();
            }
            AsOfRowTag tag = (AsOfRowTag) e.entity();
            return "tag " + tag.id() + " " + e.operation() + " " + tag.label();
        }).toList();
    }

    private static Instant now() {
        try (Connection c = Postgres.shared().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
