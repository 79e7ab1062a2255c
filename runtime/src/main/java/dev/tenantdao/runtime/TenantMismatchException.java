package dev.tenantdao.runtime;

/**
 * An operation would cross tenants: an entity carries a tenant other than the current one, or the
 * current tenant changed inside an open transaction. Thrown before any SQL is sent.
 */
public class TenantMismatchException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String boundTenant;
    private final String requestedTenant;
    private final String entity;

    /** Tenants and entity unknown. */
    public TenantMismatchException(String message) {
        this(null, null, null, message);
    }

    /**
     * @param boundTenant the tenant the work is bound to
     * @param requestedTenant the other tenant, or null for none (a shared entity)
     * @param entity the simple name of the entity, or null when not known
     */
    public TenantMismatchException(String boundTenant, String requestedTenant, String entity, String message) {
        super(message);
        this.boundTenant = boundTenant;
        this.requestedTenant = requestedTenant;
        this.entity = entity;
    }

    /**
     * The tenant the work is bound to: the open transaction's, or the current tenant an entity was
     * written under (as the tenant column's value, in its text form, e.g. a UUID's).
     */
    public String boundTenant() {
        return boundTenant;
    }

    /**
     * The other tenant: the current tenant that differs from the transaction's, or the tenant the
     * entity carries (in its text form); null when the operation asked for no tenant (a shared
     * entity in a transaction of another database).
     */
    public String requestedTenant() {
        return requestedTenant;
    }

    /** The simple name of the entity the operation was called on, or null when not known. */
    public String entity() {
        return entity;
    }
}
