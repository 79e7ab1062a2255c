package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain's head office reads every clinic's clients (a support ticket, a billing job) through the
 * operators' login: every call logged, deleted clients still hidden, writes only when opened for them.
 * The samples' tests compile with {@code -Atenantdao.operatorRole=op_samples_operator}.
 */
class VetOperatorTest {

    private static final String SCHEMA = "trial_vet_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "trial_vet_op_app" + SUFFIX;
    private static final String LOGIN = "trial_vet_op_login" + SUFFIX;
    private static DataSource admin;
    private static DataSource app;
    private static Database database;
    private static PetOwnerDao owners;
    private static PetDao pets;

    @BeforeAll
    static void schema() throws SQLException {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, PetOwner.class, Pet.class);
        app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        execute(admin, "GRANT op_samples_operator TO " + LOGIN);
        database = Database.builder(app).operatorDataSource(login).build();
        owners = new PetOwnerDao(database);
        pets = new PetDao(database);
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        for (String role : List.of(APP, LOGIN)) {
            execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @BeforeEach
    void rows() throws SQLException {
        execute(admin, "ALTER TABLE tenantdao_operator_access DISABLE TRIGGER USER", "TRUNCATE tenantdao_operator_access",
                "ALTER TABLE tenantdao_operator_access ENABLE TRIGGER USER", "ALTER TABLE vet_owner_history DISABLE TRIGGER USER",
                "TRUNCATE vet_pet, vet_owner, vet_owner_history", "ALTER TABLE vet_owner_history ENABLE TRIGGER USER");
        TenantContext.runAs("oak", () -> owners.insertAll(List.of(new PetOwner(1, "a@m", "Ann", eur("1.00")),
                new PetOwner(2, "b@m", "Bob", eur("2.00")), new PetOwner(3, "c@m", "Cy", eur("3.00")))));
        TenantContext.runAs("elm", () -> owners.insert(new PetOwner(1, "d@m", "Dee", eur("4.00"))));
        TenantContext.runAs("oak", () -> owners.deleteById(3));
    }

    @Test
    void headOfficeReadsEveryClinicButNotDeletedClientsAndEveryCallIsLogged() throws SQLException {
        OperatorAccess access = OperatorAccess.of("sam@head-office", "ticket 88: duplicate clients");
        List<TenantRow<PetOwner>> everyone = database.asOperator(access, tx -> owners.findAllAcrossTenants(100, 0));
        assertEquals(List.of("elm:Dee", "oak:Ann", "oak:Bob"),
                everyone.stream().map(r -> r.tenant() + ":" + r.entity().name()).toList(),
                "key order (tenant, id); the soft-deleted Cy is not there");
        List<Long> perClinic = database.asOperator(access, tx -> {
            List<Long> counts = new ArrayList<>();
            for (String clinic : List.of("oak", "elm")) {
                counts.add(TenantContext.callAs(clinic, owners::count));
            }
            return counts;
        });
        assertEquals(List.of(2L, 1L), perClinic);
        assertEquals(List.of(
                "sam@head-office|ticket 88: duplicate clients|PetOwner.findAllAcrossTenants|{elm,oak}|3|false|false",
                "sam@head-office|ticket 88: duplicate clients|PetOwner.count|{oak}|1|false|false",
                "sam@head-office|ticket 88: duplicate clients|PetOwner.count|{elm}|1|false|false"), log(),
                "README: a count reports its one row");
    }

    @Test
    void aCountThatFindsNoRowStillNamesTheTenantItAskedAbout() throws SQLException {
        long none = database.asOperator(OperatorAccess.of("sam@head-office", "empty clinic?"),
                tx -> TenantContext.callAs("ash", owners::count));
        assertEquals(0, none);
        assertEquals(List.of("sam@head-office|empty clinic?|PetOwner.count|{ash}|1|false|false"), log(),
                "README: a count reports its one row, so names its tenant even when the answer is 0");
    }

    @Test
    void readsOfDeletedRowsWorkForAnOperatorAndAreLogged() throws SQLException {
        Optional<PetOwner> cy = database.asOperator(OperatorAccess.of("sam@head-office", "restore request 12"),
                tx -> TenantContext.callAs("oak", () -> owners.findDeletedById(3)));
        assertEquals("Cy", cy.orElseThrow().name());
        assertEquals(List.of("sam@head-office|restore request 12|PetOwner.findDeletedById|{oak}|1|false|false"), log());
    }

    @Test
    void writesAreRefusedUntilTheBlockIsOpenedForThem() throws SQLException {
        OperatorAccess readOnly = OperatorAccess.of("sam@head-office", "restore request 12");
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("oak", () -> owners.restore(3))));
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("oak", () -> owners.deleteById(1))));
        assertThrows(OperatorAccessException.class, () -> database.asOperator(readOnly,
                tx -> TenantContext.callAs("oak", () -> owners.purge(3))));
        assertEquals(List.of(), log(), "a call refused before any SQL logs nothing");
        assertEquals(Optional.empty(), TenantContext.callAs("oak", () -> owners.findById(3)), "still deleted");

        boolean restored = database.asOperator(readOnly.allowingWrites(),
                tx -> TenantContext.callAs("oak", () -> owners.restore(3)));
        assertTrue(restored);
        List<HistoryEntry<PetOwner>> history = TenantContext.callAs("oak", () -> owners.history(3));
        assertEquals(HistoryEntry.Operation.RESTORE, history.get(0).operation());
        assertEquals("sam@head-office", history.get(0).actor(), "history names the operator");
        assertEquals(List.of("sam@head-office|restore request 12|PetOwner.restore|{oak}|1|true|false"), log());
    }

    @Test
    void aBlockThatThrowsRollsBackButItsCallsStayLogged() throws SQLException {
        OperatorAccess access = OperatorAccess.of("sam@head-office", "restore request 13").allowingWrites();
        assertThrows(IllegalStateException.class, () -> database.asOperator(access, tx -> {
            TenantContext.callAs("oak", () -> owners.restore(3));
            throw new IllegalStateException("changed my mind");
        }));
        assertEquals(Optional.empty(), TenantContext.callAs("oak", () -> owners.findById(3)), "the restore rolled back");
        assertEquals(List.of("sam@head-office|restore request 13|PetOwner.restore|{oak}|1|true|true"), log(),
                "logged again with rolled_back set");
    }

    @Test
    void theApplicationCannotBecomeOrImitateAnOperator() throws SQLException {
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute("SET ROLE op_samples_operator"));
            assertEquals("42501", refused.getSQLState());
            statement.execute("SELECT set_config('tenantdao.operator_writes', 'on', false)");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM vet_owner")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "no tenant set: no client, whatever the operator setting");
            }
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM tenantdao_operator_access")) {
                rows.next();
                assertEquals(0, rows.getLong(1), "the log is not the application's to read");
            }
            statement.execute("SELECT set_config('tenantdao.operator_writes', '', false)");
        }
        assertThrows(OperatorAccessException.class, () -> TenantContext.runAs("oak", () -> database.useTransaction(tx ->
                database.asOperator(OperatorAccess.of("sam", "nested"), inner -> owners.count()))),
                "inside another transaction: refused");
    }

    @Test
    void aSchemaPerTenantEntityReachesTheTenantsSchemaInAnOperatorBlockAndFailsWhereItHasNone() {
        // (schema per tenant is reached through the tenant's schema since operator access covers it; oak has none here)
        KennelDao kennels = new KennelDao(database);
        dev.tenantdao.runtime.DataAccessException missing = assertThrows(dev.tenantdao.runtime.DataAccessException.class,
                () -> database.asOperator(OperatorAccess.of("sam", "kennels"), tx -> TenantContext.callAs("oak", kennels::count)));
        assertEquals("42P01", missing.sqlState(), missing.getMessage());
    }

    @Test
    void actorAndReasonAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> OperatorAccess.of(" ", "why"));
        assertThrows(IllegalArgumentException.class, () -> OperatorAccess.of("sam", ""));
        assertThrows(OperatorAccessException.class, () -> owners.findAllAcrossTenants(10, 0), "outside asOperator");
        assertThrows(OperatorAccessException.class, () -> TenantContext.callAs("oak",
                () -> pets.findAllAcrossTenants(10, 0)), "outside asOperator, even under a tenant");
    }

    private static List<String> log() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT actor, reason, operation, tenants::text, row_count, writes,"
                     + " rolled_back FROM tenantdao_operator_access ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getString(3) + "|"
                        + result.getString(4) + "|" + result.getLong(5) + "|" + result.getBoolean(6) + "|" + result.getBoolean(7));
            }
        }
        return rows;
    }

    private static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
