package dev.tenantdao.runtime;

/**
 * An update or delete matched no row of the current tenant. The message is the same whether the
 * row never existed, was deleted, or belongs to another tenant: it never reveals another tenant's
 * ids.
 */
public class RowNotFoundException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final transient Object id;

    public RowNotFoundException(String entity, Object id) {
        super("No " + entity + " with id " + id + " in the current tenant");
        this.entity = entity;
        this.id = id;
    }

    /** The simple name of the entity. */
    public String entity() {
        return entity;
    }

    /** The id that matched no row. */
    public Object id() {
        return id;
    }
}
