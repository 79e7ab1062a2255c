package dev.tenantdao.runtime.access;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.internal.DaoCall;
import dev.tenantdao.runtime.internal.DaoSupport;
import dev.tenantdao.runtime.internal.TenantScope;

/**
 * How {@link DaoSupport} reaches the {@link Database} operations only generated code uses, which
 * are not public API: {@code Database} installs the one implementation when its class is
 * initialized (the JDK's "shared secrets" pattern). In a package the runtime's module does not export:
 * on the module path neither users nor generated code can reach it; on the class path its methods
 * are public like any class's, but only {@code Database} can install the implementation, and only
 * a {@code Database} a caller already holds is served.
 */
public abstract class DatabaseAccess {

    private static volatile DatabaseAccess installed;

    /**
     * Called once, by {@code Database}'s class initializer, with an implementation nested in
     * {@code Database} (no other class can make one: the check is on the nest host); anything else,
     * or a second call, fails.
     */
    public static void install(DatabaseAccess access) {
        if (access.getClass().getNestHost() != Database.class) {
            throw new IllegalArgumentException("DatabaseAccess is installed by Database only");
        }
        synchronized (DatabaseAccess.class) {
            if (installed != null) {
                throw new IllegalStateException("DatabaseAccess is installed by Database only");
            }
            installed = access;
        }
    }

    /** The installed access; {@link DaoSupport} asks it for every operation. */
    public static DatabaseAccess get() {
        DatabaseAccess access = installed;
        if (access == null) {
            throw new IllegalStateException("Database was not initialized");
        }
        return access;
    }

    public abstract void checkSupports(Database database, TenantScope scope);

    public abstract String requireTenant(Database database, TenantScope scope);

    /** The current vendor of {@code tenant}, or null in an explicit tenant-wide block; see {@code Database.requireVendor}. */
    public abstract String requireVendor(Database database, TenantScope scope, String tenant);

    public abstract String schemaOf(Database database, String tenant);

    /** Begins a call of a generated DAO method; see {@code Database.begin}. */
    public abstract DaoCall begin(Database database, TenantScope scope, String tenant, String operation, String sql,
            boolean atomically);

    public abstract DaoCall beginAcrossTenants(Database database, TenantScope scope, String operation, String sql);

    public abstract <T> java.util.stream.Stream<T> stream(Database database, TenantScope scope, String tenant,
            String operation, String sql, dev.tenantdao.runtime.internal.RowStream.Query<T> query);
}
