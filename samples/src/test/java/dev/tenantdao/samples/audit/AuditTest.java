package dev.tenantdao.samples.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.OptimisticLockException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation's history row, rollback, optimistic locking, history queries, round trips. */
class AuditTest {

    private static RecordingDataSource dataSource;
    private static Database database;
    private static ContractDao contracts;

    @BeforeAll
    static void schema() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("audit"));
        Schema.create(dataSource, Contract.class);
        database = new Database(dataSource);
        contracts = new ContractDao(database);
    }

    private static <T> T asAcme(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs("acme", () -> AuditContext.callAs("alice", work));
    }

    private static long currentTransactionId(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rows = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void everyOperationWritesOneHistoryRowWithVersionActorTenantAndTransaction() throws SQLException {
        Contract contract = Contract.of("Lease", "1000.00");
        long[] transaction = new long[1];
        Contract inserted = TenantContext.callAs("acme", () -> AuditContext.callAs("alice", () -> database.inTransaction(tx -> {
            transaction[0] = currentTransactionId(tx.connection());
            return contracts.insert(contract);
        })));
        Contract updated = asAcme(() -> contracts.update(inserted.withTitle("Lease v2")));
        assertEquals(1, updated.version(), "@Version went up");
        asAcme(() -> {
            contracts.delete(updated);
            return null;
        });

        List<HistoryEntry<Contract>> history = asAcme(() -> contracts.history(contract.id()));
        assertEquals(List.of(Operation.DELETE, Operation.UPDATE, Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertEquals(List.of(3L, 2L, 1L), history.stream().map(HistoryEntry::version).toList());
        assertEquals("Lease v2", history.get(0).entity().title(), "a delete records the last values");
        assertEquals("Lease", history.get(2).entity().title());
        assertEquals(0, new BigDecimal("1000.00").compareTo(history.get(2).entity().amount()));
        history.forEach(h -> assertEquals("alice", h.actor()));
        assertEquals(transaction[0], history.get(2).transactionId());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT DISTINCT tenant_id FROM contract_history WHERE id = '"
                        + contract.id() + "'")) {
            rows.next();
            assertEquals("acme", rows.getString(1));
        }
    }

    @Test
    void anUpdateThatChangesNoAuditedColumnWritesNoHistoryAndBumpsNoVersion() {
        Contract inserted = asAcme(() -> contracts.insert(Contract.of("Same", "1.00")));
        Contract same = asAcme(() -> contracts.update(inserted));
        Contract noteOnly = asAcme(() -> contracts.update(same.withNote("internal: call back")));
        assertEquals("internal: call back", noteOnly.internalNote(), "the excluded column is still written");
        List<HistoryEntry<Contract>> history = asAcme(() -> contracts.history(inserted.id()));
        assertEquals(1, history.size(), "only the insert: " + history);
        assertNull(history.get(0).entity().internalNote(), "excluded fields are not in history");
        assertNull(history.get(0).entity().views());
        Contract changed = asAcme(() -> contracts.update(noteOnly.withTitle("Changed")));
        assertEquals(List.of(2L, 1L), asAcme(() -> contracts.history(changed.id())).stream()
                .map(HistoryEntry::version).toList(), "no gap after the unaudited updates");
    }

    @Test
    void upsertsAndBatchesWriteHistoryPerRow() {
        Contract contract = Contract.of("Upserted", "5.00");
        asAcme(() -> contracts.upsert(contract));
        asAcme(() -> contracts.upsert(contract.withTitle("Upserted again")));
        asAcme(() -> contracts.upsert(contract.withTitle("Upserted again")));      // no change: no history
        assertEquals(List.of(Operation.UPDATE, Operation.INSERT),
                asAcme(() -> contracts.history(contract.id())).stream().map(HistoryEntry::operation).toList());
        List<Contract> batch = List.of(Contract.of("B1", "1"), Contract.of("B2", "2"), Contract.of("B3", "3"));
        asAcme(() -> contracts.insertAll(batch));
        for (Contract row : batch) {
            List<HistoryEntry<Contract>> history = asAcme(() -> contracts.history(row.id()));
            assertEquals(1, history.size());
            assertEquals(row.title(), history.get(0).entity().title());
        }
    }

    @Test
    void aRolledBackChangeLeavesNoHistory() {
        Contract contract = Contract.of("Rolled back", "9.00");
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            Contract inserted = contracts.insert(contract);
            contracts.update(inserted.withTitle("never"));
            throw new IllegalStateException("abort");
        })));
        assertEquals(List.of(), asAcme(() -> contracts.history(contract.id())));
    }

    @Test
    void optimisticLockConflictsChangeNothingAndWriteNoHistory() {
        Contract read = asAcme(() -> contracts.insert(Contract.of("Locked", "1.00")));
        Contract first = asAcme(() -> contracts.update(read.withTitle("first writer")));
        OptimisticLockException e = assertThrows(OptimisticLockException.class,
                () -> asAcme(() -> contracts.update(read.withTitle("second writer"))));
        assertEquals("Contract with id " + read.id() + " is at version 1, not 0: it was changed since it was read;"
                + " read it again and retry", e.getMessage());
        assertEquals("Contract", e.entity());
        assertEquals(read.id(), e.id());
        assertEquals(0L, e.expectedVersion());
        assertEquals(1L, e.actualVersion(), "the row's version, read on the update's own connection");
        OptimisticLockException onDelete = assertThrows(OptimisticLockException.class,
                () -> TenantContext.runAs("acme", () -> contracts.delete(read)));
        assertEquals(1L, onDelete.actualVersion());
        assertEquals("first writer", asAcme(() -> contracts.findById(read.id())).orElseThrow().title());
        assertEquals(2, asAcme(() -> contracts.history(read.id())).size());
        assertEquals(Optional.empty(), TenantContext.callAs("globex", () -> contracts.findById(read.id())));
        assertThrows(dev.tenantdao.runtime.RowNotFoundException.class,
                () -> TenantContext.callAs("globex", () -> contracts.update(first)), "another tenant: not found");
    }

    @Test
    void asOfBeforeBetweenAndAfterChanges() throws InterruptedException {
        Contract contract = Contract.of("v1", "1.00");
        Instant before = asAcme(() -> now());
        asAcme(() -> contracts.insert(contract));
        Instant afterInsert = asAcme(() -> now());
        Contract v2 = asAcme(() -> contracts.update(contracts.findById(contract.id()).orElseThrow().withTitle("v2")));
        Instant afterUpdate = asAcme(() -> now());
        asAcme(() -> {
            contracts.delete(v2);
            return null;
        });
        Instant afterDelete = asAcme(() -> now());

        assertEquals(Optional.empty(), asAcme(() -> contracts.asOf(contract.id(), before)));
        assertEquals("v1", asAcme(() -> contracts.asOf(contract.id(), afterInsert)).orElseThrow().title());
        assertEquals("v2", asAcme(() -> contracts.asOf(contract.id(), afterUpdate)).orElseThrow().title());
        assertEquals(Optional.empty(), asAcme(() -> contracts.asOf(contract.id(), afterDelete)));
        assertEquals(Optional.empty(), TenantContext.callAs("globex", () -> contracts.asOf(contract.id(), afterUpdate)));

        List<HistoryEntry<Contract>> between = asAcme(() -> contracts.changesBetween(afterInsert, afterDelete));
        assertEquals(List.of(Operation.UPDATE, Operation.DELETE),
                between.stream().filter(h -> h.entity().id().equals(contract.id())).map(HistoryEntry::operation).toList());
    }

    @Test
    void aRowDeletedAndInsertedAgainKeepsOneHistoryAcrossItsLives() {
        Contract contract = Contract.of("first life", "1.00");
        Contract first = asAcme(() -> contracts.update(contracts.insert(contract).withTitle("first life, edited")));
        asAcme(() -> contracts.deleteById(contract.id()));
        Instant gap = asAcme(() -> now());
        Contract second = asAcme(() -> contracts.insert(contract.withTitle("second life")));
        Instant secondLife = asAcme(() -> now());
        asAcme(() -> {
            contracts.delete(second);
            return null;
        });
        asAcme(() -> contracts.upsert(contract.withTitle("third life, by upsert")));
        asAcme(() -> contracts.deleteById(contract.id()));
        List<Contract> fourth = asAcme(() -> contracts.insertAll(List.of(contract.withTitle("fourth life, in a batch"))));

        List<HistoryEntry<Contract>> history = asAcme(() -> contracts.history(contract.id()));
        assertEquals(List.of(Operation.INSERT, Operation.DELETE, Operation.INSERT, Operation.DELETE, Operation.INSERT,
                Operation.DELETE, Operation.UPDATE, Operation.INSERT), history.stream().map(HistoryEntry::operation).toList());
        assertEquals(List.of(8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), history.stream().map(HistoryEntry::version).toList(),
                "the versions count on across the lives of the id");
        assertEquals(List.of("fourth life, in a batch", "third life, by upsert", "third life, by upsert", "second life",
                "second life", "first life, edited", "first life, edited", "first life"),
                history.stream().map(h -> h.entity().title()).toList());
        assertEquals(Optional.empty(), asAcme(() -> contracts.asOf(contract.id(), gap)), "deleted in the gap");
        assertEquals("second life", asAcme(() -> contracts.asOf(contract.id(), secondLife)).orElseThrow().title());
        assertEquals("fourth life, in a batch", fourth.get(0).title());
        assertEquals(first.version(), 1L);
    }

    /** The database clock, which history rows use. */
    private static Instant now() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            return rows.getObject(1, java.time.OffsetDateTime.class).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void changesMadeTogetherShareTheirTransactionId() {
        Contract a = Contract.of("A", "1");
        Contract b = Contract.of("B", "2");
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            contracts.insert(a);
            contracts.insert(b);
        }));
        long transactionId = asAcme(() -> contracts.history(a.id())).get(0).transactionId();
        List<HistoryEntry<Contract>> together = asAcme(() -> contracts.changesInTransaction(transactionId));
        assertEquals(List.of("A", "B"), together.stream().map(h -> h.entity().title()).sorted().toList());
        assertEquals(List.of(), TenantContext.callAs("globex", () -> contracts.changesInTransaction(transactionId)));
    }

    @Test
    void severalWritesToOneRowInOneTransactionEachWriteTheirOwnHistoryRow() {
        Contract contract = Contract.of("Draft", "1");
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            Contract v1 = contracts.insert(contract);
            Contract v2 = contracts.update(v1.withTitle("Reviewed"));
            contracts.update(v2.withTitle("Signed"));
        }));
        List<HistoryEntry<Contract>> history = asAcme(() -> contracts.history(contract.id()));
        assertEquals(List.of("Signed", "Reviewed", "Draft"), history.stream().map(h -> h.entity().title()).toList());
        assertEquals(List.of(3L, 2L, 1L), history.stream().map(HistoryEntry::version).toList());
        assertEquals(1, history.stream().map(HistoryEntry::transactionId).distinct().count(), "one transaction id");
        assertEquals(List.of(2L, 1L, 0L), history.stream().map(h -> h.entity().version()).toList(),
                "the @Version as it was after each change");
    }

    @Test
    void oneStatementPerAuditedSingleRowWrite() {
        Contract contract = Contract.of("Counted", "1");
        dataSource.reset();
        TenantContext.runAs("acme", () -> database.useTransaction(tx -> {
            Contract inserted = contracts.insert(contract);
            Contract updated = contracts.update(inserted.withTitle("Counted 2"));
            contracts.upsert(updated.withTitle("Counted 3"));
        }));
        assertEquals(List.of("SELECT set_config('tenantdao.tenant', ?, true)", ContractDao.INSERT, ContractDao.UPDATE,
                ContractDao.UPSERT), dataSource.statements(),
                "one statement per write (the write and its history row), after the transaction's tenant setting");
    }

    @Test
    void historyIsAppendOnly() throws SQLException {
        asAcme(() -> contracts.insert(Contract.of("Append only", "1")));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : List.of("UPDATE contract_history SET history_actor = 'mallory'", "DELETE FROM contract_history",
                    "TRUNCATE contract_history")) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(e.getMessage().contains("history is append-only"), e.getMessage());
            }
        }
    }
}
