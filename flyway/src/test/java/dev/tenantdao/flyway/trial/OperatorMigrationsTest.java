package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.testkit.Postgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Operator access ({@code -Atenantdao.operatorRole}) deployed by the generated migrations, run by
 * Flyway: the migrated catalog equals what the entity's DDL creates (policies with their roles,
 * partitions and history included), and a login granted the group role (and nothing else) reads
 * every tenant's rows after migrating; turned off, the policies and privileges go and the access
 * log stays, with its rows.
 */
class OperatorMigrationsTest {

    @TempDir
    Path dir;

    private static final String OPERATORS = "op2_trial_operators";
    private static final String LOGIN = "op2_trial_login_" + ProcessHandle.current().pid();
    private static final List<String> OPTION = List.of("-Atenantdao.operatorRole=" + OPERATORS);

    /** Audited and partitioned: history table and partitions get the operators' policies too. */
    static final String LEDGER = entity("""
            @Entity @Tenanted @Audited @PartitionedByTenant(hash = 2)
            public record Ledger(@Id(generated = true) long id, @Column(nullable = false) String account, long cents) {}""");

    @AfterAll
    static void dropRoles() throws SQLException {
        for (String schema : List.of("trial_operator_on", "trial_operator_on_fresh", "trial_operator_toggled",
                "trial_operator_toggled_fresh")) {
            Postgres.shared().dropSchema(schema);
        }
        for (String role : List.of(LOGIN, OPERATORS)) {
            Trial.execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    /** A login that is a member of the group role and was granted nothing else: what the migrations gave it. */
    private static DataSource operatorLogin(String schema) throws SQLException {
        Trial.execute(Postgres.shared().dataSource(),
                "DO $$ BEGIN CREATE ROLE " + LOGIN + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT " + OPERATORS + " TO " + LOGIN);
        PGSimpleDataSource login = new PGSimpleDataSource();
        login.setURL(Postgres.shared().url());
        login.setUser(LOGIN);
        login.setCurrentSchema(schema);
        return login;
    }

    private static void twoTenantsRows(Evolution e) throws SQLException {
        e.sql("INSERT INTO ledger (tenant_id, account, cents) VALUES ('acme', 'a', 1), ('acme', 'b', 2), ('globex', 'c', 3)",
                "INSERT INTO ledger_history (tenant_id, id, account, cents, history_version, history_operation)"
                        + " SELECT tenant_id, id, account, cents, 1, 'INSERT' FROM ledger");
    }

    @Test
    void onFromTheFirstBuildTheMigratedCatalogIsTheDdlsAndAnOperatorLoginReadsEveryTenant() throws Exception {
        Evolution e = new Evolution(dir, "trial_operator_on");
        e.options = OPTION;
        Compilation build = e.build(LEDGER);
        assertEquals("1", e.migrations.migrateShared());
        assertEquals(List.of(), e.differenceFromFresh(build));
        assertTrue(e.rows("SELECT policyname FROM pg_policies WHERE schemaname = 'trial_operator_on'"
                + " AND tablename = 'ledger_history_p1' ORDER BY 1").contains("ledger_history_operator_read"));
        twoTenantsRows(e);
        DataSource operator = operatorLogin("trial_operator_on");
        assertEquals(List.of("acme|2", "globex|1"),
                Trial.rows(operator, "SELECT tenant_id, count(*) FROM ledger GROUP BY 1 ORDER BY 1"));
        assertEquals(List.of("acme|2", "globex|1"),
                Trial.rows(operator, "SELECT tenant_id, count(*) FROM ledger_history GROUP BY 1 ORDER BY 1"));
        // and appends to the access log, which it may not change
        Trial.execute(operator, "INSERT INTO tenantdao_operator_access (actor, reason, operation, tenants, writes)"
                + " VALUES ('ann', 'ticket 1', 'sql', '{acme,globex}', false)");
        SQLException changed = assertThrows(SQLException.class,
                () -> Trial.execute(operator, "UPDATE tenantdao_operator_access SET actor = 'bob'"));
        assertEquals("42501", changed.getSQLState(), changed.getMessage());
        assertEquals(List.of("ann|{acme,globex}"), Trial.rows(operator, "SELECT actor, tenants FROM tenantdao_operator_access"));
    }

    @Test
    void turnedOnForExistingTablesAndOffAgainTheMigrationsGrantAndTakeBackExactlyTheOperatorsAccess() throws Exception {
        Evolution e = new Evolution(dir, "trial_operator_toggled");
        e.step(LEDGER);
        twoTenantsRows(e);

        e.options = OPTION;
        Compilation on = e.build(LEDGER);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("1.json", "2.json", "V1__create_tables.sql", "V2__operator_access.sql"), e.files());
        assertEquals(List.of(), e.differenceFromFresh(on));
        DataSource operator = operatorLogin("trial_operator_toggled");
        assertEquals(List.of("acme|2", "globex|1"),
                Trial.rows(operator, "SELECT tenant_id, count(*) FROM ledger GROUP BY 1 ORDER BY 1"));
        Trial.execute(operator, "INSERT INTO tenantdao_operator_access (actor, reason, operation, tenants, writes)"
                + " VALUES ('ann', 'ticket 2', 'sql', '{acme,globex}', false)");

        e.options = List.of();
        Compilation off = e.build(LEDGER);
        assertEquals("3", e.migrations.migrateShared());
        // what the DDL without the option creates, and the log kept
        List<String> difference = e.differenceFromFresh(off);
        assertTrue(!difference.isEmpty() && difference.stream().allMatch(line -> line.startsWith("migrated only: ")
                && line.contains("tenantdao_operator_access")), String.join("\n", difference));
        assertEquals(List.of("ann|ticket 2"), e.rows("SELECT actor, reason FROM tenantdao_operator_access"));
        assertEquals(List.of(), e.rows("SELECT policyname FROM pg_policies WHERE schemaname = 'trial_operator_toggled'"
                + " AND policyname LIKE 'ledger%operator%'"));
        SQLException refused = assertThrows(SQLException.class, () -> Trial.rows(operator, "SELECT count(*) FROM ledger"));
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
    }
}
