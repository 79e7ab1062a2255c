package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.DaoCall;
import dev.tenantdao.runtime.internal.DaoSupport;
import dev.tenantdao.runtime.internal.TenantScope;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work on a connection of a {@link Database}, the way generated DAO methods do it ({@code begin},
 * {@code try}, {@code catch (Throwable)} / {@code failed}, {@code finally} / {@code end}), for tests
 * of the runtime that have no generated DAO.
 */
final class Calls {

    private Calls() {}

    /** The work of a call, given its connection and the call (for its rows). */
    interface Work<T> {
        T run(Connection connection, DaoCall call) throws SQLException;
    }

    static <T> T withConnection(Database database, TenantScope scope, String tenant, String operation, String sql,
            Work<T> work) {
        return run(database.begin(scope, tenant, operation, sql, false), work);
    }

    static <T> T atomically(Database database, TenantScope scope, String tenant, String operation, String sql,
            Work<T> work) {
        return run(database.begin(scope, tenant, operation, sql, true), work);
    }

    static <T> T withConnection(DaoSupport support, String tenant, String operation, String sql, Work<T> work) {
        return run(support.begin(tenant, operation, sql), work);
    }

    private static <T> T run(DaoCall call, Work<T> work) {
        try {
            return work.run(call.connection(), call);
        } catch (Throwable failure) {
            throw call.failed(failure);
        } finally {
            call.end();
        }
    }
}
