package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.access.DatabaseAccess;
import dev.tenantdao.runtime.NoTenantException;
import java.util.Objects;

/**
 * What a generated DAO asks of its {@link Database}, bound to the DAO's entity ({@link TenantScope}):
 * the current tenant, the tenant's schema, a connection for the tenant's work, a transaction of its
 * own. Only generated code calls it; it is not API and may change with the processor.
 *
 * <pre>{@code
 * this.support = new DaoSupport(database, SCOPE);          // fails here, at startup, when misconfigured
 * String tenant = support.requireTenant();                  // NoTenantException before any SQL
 * DaoCall call = support.begin(tenant, "Invoice.findById", FIND_BY_ID);  // then try { ... } (see DaoCall)
 * }</pre>
 */
public final class DaoSupport {

    private final Database database;
    private final TenantScope scope;

    /**
     * @throws dev.tenantdao.runtime.TenantDaoException when {@code database} cannot serve the
     *     entity (a database-per-tenant entity on a database without routing), naming both
     */
    public DaoSupport(Database database, TenantScope scope) {
        this.database = Objects.requireNonNull(database, "database");
        this.scope = Objects.requireNonNull(scope, "scope");
        DatabaseAccess.get().checkSupports(database, scope);
    }

    /** The database the DAO was built on (a hierarchy root's DAO builds its subtypes' DAOs on it). */
    public Database database() {
        return database;
    }

    /**
     * The current tenant.
     *
     * @throws NoTenantException when there is none; nothing has been sent to the database
     */
    public String requireTenant() {
        return DatabaseAccess.get().requireTenant(database, scope);
    }

    /**
     * The current vendor of {@code tenant}, for a vendor-scoped entity, or null in an explicit
     * tenant-wide block ({@code TenantContext.runTenantWide}).
     *
     * @throws dev.tenantdao.runtime.NoVendorException when there is neither; nothing has been sent
     */
    public String requireVendor(String tenant) {
        return DatabaseAccess.get().requireVendor(database, scope, tenant);
    }

    /** Schema per tenant: the quoted name of {@code tenant}'s schema, checked to be a tenant's. */
    public String schemaOf(String tenant) {
        return DatabaseAccess.get().schemaOf(database, tenant);
    }

    /**
     * Begins a call that sends statement {@code sql} (null: none of its own) on a connection for
     * {@code tenant}'s work (the open transaction's, or one of its own), which the listeners are told of
     * when it ends (see {@link DaoCall} for the shape of the generated code around it).
     */
    public DaoCall begin(String tenant, String operation, String sql) {
        return DatabaseAccess.get().begin(database, scope, tenant, operation, sql, false);
    }

    /**
     * Like {@link #begin}, all of the call's statements (and DAO calls it makes) in one transaction: of
     * its own, committed when the call ends, when none is open.
     */
    public DaoCall beginAtomically(String tenant, String operation, String sql) {
        return DatabaseAccess.get().begin(database, scope, tenant, operation, sql, true);
    }

    /**
     * Begins a call that reads the rows of every tenant (statement {@code sql}, without a tenant
     * predicate), only inside {@code Database.asOperator}, logged there like every call.
     *
     * @throws dev.tenantdao.runtime.OperatorAccessException outside an operator block; nothing has been sent
     */
    public DaoCall beginAcrossTenants(String operation, String sql) {
        return DatabaseAccess.get().beginAcrossTenants(database, scope, operation, sql);
    }

    /**
     * The rows of {@code query} (statement {@code sql}) as a lazy stream over a server-side cursor, in
     * the open transaction or one of its own held until the stream is closed (see {@code Database});
     * listeners are told of the statement when the stream is released.
     */
    public <T> java.util.stream.Stream<T> stream(String tenant, String operation, String sql, RowStream.Query<T> query) {
        return DatabaseAccess.get().stream(database, scope, tenant, operation, sql, query);
    }
}
