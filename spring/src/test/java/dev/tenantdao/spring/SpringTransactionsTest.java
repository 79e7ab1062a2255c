package dev.tenantdao.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DAO calls join Spring's transactions: the scenario (JdbcTemplate writes, then an insert, an
 * insertAll, a hooked entity and a nested database.inTransaction, then a rollback) leaves nothing,
 * history included; a commit keeps everything. On PostgreSQL, as a role that is neither superuser nor owner.
 */
class SpringTransactionsTest {

    private static DataSource owner;
    private static TransactionTemplate transactions;
    private static JdbcTemplate jdbc;
    private static Database database;
    private static NoteDao notes;

    @BeforeAll
    static void schema() {
        owner = Postgres.shared().freshSchema("spring_transactions");
        Schema.create(owner, Note.class);
        DataSource app = Postgres.shared().applicationRole("tenantdao_app", "spring_transactions");
        transactions = new TransactionTemplate(new DataSourceTransactionManager(app));
        jdbc = new JdbcTemplate(app);
        database = Database.builder(app).externalTransactions(new SpringTransactions(app)).build();
        notes = new NoteDao(database);
    }

    private static long rows(String table, String tenant) {
        return new JdbcTemplate(owner).queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?",
                Long.class, tenant);
    }

    /** The scenario: Spring's own write, then every kind of DAO write. */
    private static void everyKindOfWrite() {
        notes.insert(Note.of("first"));                         // the tenant setting, made once on Spring's connection
        jdbc.update("INSERT INTO note (tenant_id, text) VALUES (current_setting('tenantdao.tenant'), 'by jdbc')");
        notes.insertAll(List.of(Note.of(" batch 1 "), Note.of(" batch 2 ")));
        database.useTransaction(tx -> notes.insert(Note.of("nested")));
        assertEquals(5, notes.count(), "the DAO sees what JdbcTemplate wrote in the same transaction");
    }

    @Test
    void springsRollbackUndoesEveryDaoWriteAndItsHistory() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("rolled_back",
                () -> transactions.executeWithoutResult(status -> {
                    everyKindOfWrite();
                    throw new IllegalStateException("the service fails after the DAO calls");
                })));
        assertEquals(0, rows("note", "rolled_back"));
        assertEquals(0, rows("note_history", "rolled_back"));
    }

    @Test
    void springsRollbackOnlyUndoesThemToo() {
        TenantContext.runAs("rollback_only", () -> transactions.executeWithoutResult(status -> {
            everyKindOfWrite();
            status.setRollbackOnly();
        }));
        assertEquals(0, rows("note", "rollback_only"));
    }

    @Test
    void springsCommitKeepsThem() {
        TenantContext.runAs("committed", () -> transactions.executeWithoutResult(status -> everyKindOfWrite()));
        assertEquals(5, rows("note", "committed"));
        assertEquals(4, rows("note_history", "committed"));
    }

    @Test
    void outsideSpringsTransactionsDaosWorkAsBefore() {
        TenantContext.runAs("alone", () -> notes.insertAll(List.of(Note.of("a"), Note.of("b"))));
        assertEquals(2, rows("note", "alone"));
    }

    @Test
    void aRequiresNewTransactionIsATransactionOfItsOwn() {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions.getTransactionManager());
        requiresNew.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TenantContext.runAs("requires_new", () -> transactions.executeWithoutResult(outer -> {
            notes.insert(Note.of("outer, rolled back"));
            requiresNew.executeWithoutResult(inner -> notes.insert(Note.of("inner, committed")));
            notes.insert(Note.of("outer again"));
            outer.setRollbackOnly();
        }));
        assertEquals(1, rows("note", "requires_new"), "only the inner transaction's row: it committed on its own");
        assertEquals("inner, committed", new JdbcTemplate(owner).queryForObject(
                "SELECT text FROM note WHERE tenant_id = 'requires_new'", String.class));
    }
}
