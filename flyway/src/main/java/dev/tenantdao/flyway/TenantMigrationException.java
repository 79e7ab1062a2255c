package dev.tenantdao.flyway;

import dev.tenantdao.runtime.TenantDaoException;

/** A tenant's migration failed; the tenant is left at the version it had (see {@link TenantOutcome}). */
public class TenantMigrationException extends TenantDaoException {

    private static final long serialVersionUID = 1L;

    private final transient TenantOutcome outcome;

    public TenantMigrationException(TenantOutcome outcome, Throwable cause) {
        super("Migrating tenant " + outcome.tenant() + " failed; it is left at version " + outcome.fromVersion() + ": "
                + outcome.error(), cause);
        this.outcome = outcome;
    }

    public TenantOutcome outcome() {
        return outcome;
    }
}
