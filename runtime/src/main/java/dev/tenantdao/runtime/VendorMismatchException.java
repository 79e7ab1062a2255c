package dev.tenantdao.runtime;

/**
 * An operation on a {@link dev.tenantdao.annotations.VendorScoped} entity would cross vendors: the
 * entity carries ({@link dev.tenantdao.annotations.VendorId}) a vendor other than the current one,
 * or the call runs in a transaction that began in another vendor scope (a transaction has one: a
 * vendor, tenant-wide, or none). Thrown before any SQL of the operation is sent.
 */
public class VendorMismatchException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final String tenant;
    private final String boundScope;
    private final String requestedScope;

    /**
     * @param boundScope the scope the work is bound to: {@code vendor 'north'}, {@code tenant-wide} or
     *     {@code no vendor}
     * @param requestedScope the other scope, in the same form
     */
    public VendorMismatchException(String entity, String tenant, String boundScope, String requestedScope,
            String message) {
        super(message);
        this.entity = entity;
        this.tenant = tenant;
        this.boundScope = boundScope;
        this.requestedScope = requestedScope;
    }

    /** The simple name of the entity the operation was called on. */
    public String entity() {
        return entity;
    }

    /** The current tenant. */
    public String tenant() {
        return tenant;
    }

    /** The scope the work is bound to: the open transaction's, or the current one an entity was written under. */
    public String boundScope() {
        return boundScope;
    }

    /** The other scope: the current one that differs from the transaction's, or the vendor the entity carries. */
    public String requestedScope() {
        return requestedScope;
    }
}
