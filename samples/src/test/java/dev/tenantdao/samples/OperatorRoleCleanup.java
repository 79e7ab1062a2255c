package dev.tenantdao.samples;

import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops the operators' group role the samples' test entities' DDL creates (their sources compile with
 * {@code -Atenantdao.operatorRole=}{@value #ROLE}) when the tests end: a role belongs to the whole
 * cluster, not to the test database. First its privileges and policies in the test database go
 * ({@code DROP OWNED BY}); then the role, unless another database still has privileges or policies
 * for it (another test run's): PostgreSQL refuses the drop then ({@code 2BP01}), and the role stays
 * for that run, which drops it when it ends. Registered for the JUnit Platform in
 * {@code META-INF/services}.
 */
public final class OperatorRoleCleanup implements TestExecutionListener {

    /** The role named in {@code samples/pom.xml}'s test compilation. */
    static final String ROLE = "op_samples_operator";

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        Postgres.sharedIfUsed().ifPresent(server -> {
            try {
                if (!drop(server, ROLE)) {
                    System.out.println("OperatorRoleCleanup: role " + ROLE + " kept, another database still uses it");
                }
            } catch (SQLException e) {
                System.err.println("OperatorRoleCleanup: role " + ROLE + " kept: " + e.getMessage());
            }
        });
    }

    /** Whether {@code role} is gone (false: another database still has privileges or policies for it). */
    static boolean drop(Postgres server, String role) throws SQLException {
        try (Connection connection = server.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '" + role + "')"
                    + " THEN EXECUTE 'DROP OWNED BY " + role + "'; END IF; END $$");
            try {
                statement.execute("DROP ROLE IF EXISTS " + role);
                return true;
            } catch (SQLException e) {
                if ("2BP01".equals(e.getSQLState())) {     // dependent_objects_still_exist: in another database
                    return false;
                }
                throw e;
            }
        }
    }
}
