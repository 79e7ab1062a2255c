package dev.tenantdao.runtime;

/**
 * An upsert of a {@code @SoftDelete} entity met a soft-deleted row of the current tenant holding its
 * id: upserts see live rows only, and the id is still taken. Restore the row ({@code restore(id)})
 * to change it, or purge it ({@code purge(id)}) to reuse the id.
 */
public class RowDeletedException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final transient Object id;

    public RowDeletedException(String entity, Object id) {
        super("The " + entity + " with id " + id + " is deleted in the current tenant: restore or purge it first");
        this.entity = entity;
        this.id = id;
    }

    /** The simple name of the entity. */
    public String entity() {
        return entity;
    }

    /** The id held by the deleted row. */
    public Object id() {
        return id;
    }
}
