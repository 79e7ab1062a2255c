package dev.tenantdao.runtime;

/**
 * A tenant id cannot address a tenant: for example {@code "acme"} for a tenant column of type
 * {@code uuid}. Thrown before any SQL is sent.
 */
public class InvalidTenantException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String tenant;
    private final String schema;

    /** Tenant and schema unknown. */
    public InvalidTenantException(String message, Throwable cause) {
        this(null, null, message, cause);
    }

    /**
     * @param tenant the tenant id, as given (may be null)
     * @param schema the schema name the tenant's {@link SchemaMapping} gave, when that is the
     *     problem; else null
     */
    public InvalidTenantException(String tenant, String schema, String message, Throwable cause) {
        super(message, cause);
        this.tenant = tenant;
        this.schema = schema;
    }

    /** The tenant id, exactly as given (not cut or escaped as in the message); may be null. */
    public String tenant() {
        return tenant;
    }

    /**
     * The schema name the {@link SchemaMapping} gave the tenant, when that name is the problem
     * (see {@link Database#schemaOf}); null when the problem is the id itself, or the mapping gave
     * null.
     */
    public String schema() {
        return schema;
    }
}
