package dev.tenantdao.runtime;

/**
 * An update or delete found the row changed since the entity was read: its {@code @Version} no
 * longer matches. Nothing was changed and no history was written.
 */
public class OptimisticLockException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    public OptimisticLockException(String entity, Object id, Object version) {
        super(entity + " with id " + id + " was changed since version " + version
                + " was read; read it again and retry");
    }
}
