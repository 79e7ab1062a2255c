package dev.tenantdao.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DAO calls join Jdbi's transactions (rolled back with them, committed with them), and Jdbi's own
 * SQL in a transaction sees the current tenant's rows under row-level security. On PostgreSQL, as a
 * role that is neither superuser nor owner.
 */
class JdbiTransactionsTest {

    /** Existing Jdbi code of the application: a SqlObject on the same table. */
    public interface Notes {
        @SqlUpdate("INSERT INTO note (tenant_id, text) VALUES (current_setting('tenantdao.tenant'), :text)")
        void add(@Bind("text") String text);

        @SqlQuery("SELECT count(*) FROM note")
        long visible();

        @Transaction
        default void addBothThenFail(NoteDao dao, String text) {
            add(text + " (jdbi)");
            dao.insert(Note.of(text + " (dao)"));
            throw new IllegalStateException("fails after both writes");
        }
    }

    private static DataSource owner;
    private static Jdbi jdbi;
    private static NoteDao notes;

    @BeforeAll
    static void schema() {
        owner = Postgres.shared().freshSchema("jdbi_transactions");
        Schema.create(owner, Note.class);
        DataSource app = Postgres.shared().applicationRole("tenantdao_app", "jdbi_transactions");
        jdbi = Jdbi.create(app).installPlugin(new SqlObjectPlugin());
        JdbiTransactions transactions = JdbiTransactions.install(jdbi);
        Database database = Database.builder(app).externalTransactions(transactions).build();
        notes = new NoteDao(database);
    }

    private static long rows(String tenant) {
        return Jdbi.create(owner).withHandle(h -> h.createQuery("SELECT count(*) FROM note WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    private static long historyRows(String tenant) {
        return Jdbi.create(owner).withHandle(h -> h.createQuery("SELECT count(*) FROM note_history WHERE tenant_id = :t")
                .bind("t", tenant).mapTo(Long.class).one());
    }

    @Test
    void aJdbiRollbackUndoesTheDaosWritesAndTheirHistory() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("rolled_back", () -> jdbi.useTransaction(h -> {
            h.attach(Notes.class).add("by jdbi");
            notes.insert(Note.of("by the dao"));
            notes.insertAll(List.of(Note.of("batch 1"), Note.of("batch 2")));
            throw new IllegalStateException("the application fails");
        })));
        assertEquals(0, rows("rolled_back"));
        assertEquals(0, historyRows("rolled_back"));
    }

    @Test
    void aJdbiCommitKeepsThemAndTheDaoSeesJdbisUncommittedRows() {
        TenantContext.runAs("committed", () -> jdbi.useTransaction(h -> {
            h.attach(Notes.class).add("by jdbi");
            notes.insert(Note.of("by the dao"));
            assertEquals(2, notes.count(), "the DAO sees the row Jdbi wrote in the same transaction");
        }));
        assertEquals(2, rows("committed"));
        assertEquals(1, historyRows("committed"));
    }

    @Test
    void aSqlObjectTransactionRollsBackTheDaoToo() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("sql_object",
                () -> jdbi.onDemand(Notes.class).addBothThenFail(notes, "x")));
        assertEquals(0, rows("sql_object"));
    }

    @Test
    void jdbisOwnQueriesSeeTheCurrentTenantsRowsUnderRowLevelSecurity() {
        TenantContext.runAs("rls_a", () -> notes.insertAll(List.of(Note.of("a1"), Note.of("a2"))));
        TenantContext.runAs("rls_b", () -> notes.insert(Note.of("b1")));
        long seen = TenantContext.callAs("rls_a", () -> jdbi.inTransaction(h -> h.attach(Notes.class).visible()));
        assertEquals(2, seen, "Jdbi's SQL in a transaction carries the tenant: a's rows, never b's");
        long outside = jdbi.inTransaction(h -> h.attach(Notes.class).visible());
        assertEquals(0, outside, "without a tenant, row-level security shows nothing");
    }

    @Test
    void aSecondTenantInAJdbiTransactionIsRefused() {
        assertThrows(dev.tenantdao.runtime.TenantMismatchException.class, () -> TenantContext.runAs("ta",
                () -> jdbi.useTransaction(h -> {
                    h.attach(Notes.class).add("ta's");
                    TenantContext.runAs("tb", () -> notes.insert(Note.of("tb's, refused")));
                })));
        assertEquals(0, rows("ta"));
        assertEquals(0, rows("tb"));
    }
}
