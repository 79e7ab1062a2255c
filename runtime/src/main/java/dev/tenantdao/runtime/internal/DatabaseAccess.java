package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.Database;

/**
 * How {@link DaoSupport} reaches the {@link Database} operations only generated code uses, which
 * are not public API: {@code Database} installs the one implementation when its class is
 * initialized (the JDK's "shared secrets" pattern). Not API.
 */
public abstract class DatabaseAccess {

    private static volatile DatabaseAccess installed;

    /** Called once, by {@code Database}'s class initializer; a second call fails. */
    public static void install(DatabaseAccess access) {
        synchronized (DatabaseAccess.class) {
            if (installed != null) {
                throw new IllegalStateException("DatabaseAccess is installed by Database only");
            }
            installed = access;
        }
    }

    static DatabaseAccess get() {
        DatabaseAccess access = installed;
        if (access == null) {
            throw new IllegalStateException("Database was not initialized");
        }
        return access;
    }

    protected abstract void checkSupports(Database database, TenantScope scope);

    protected abstract String requireTenant(Database database, TenantScope scope);

    protected abstract String schemaOf(Database database, String tenant);

    protected abstract <T> T withConnection(Database database, TenantScope scope, String tenant, String operation,
            ConnectionCallback<T> work);

    protected abstract <T> T atomically(Database database, TenantScope scope, String tenant, String operation,
            ConnectionCallback<T> work);
}
