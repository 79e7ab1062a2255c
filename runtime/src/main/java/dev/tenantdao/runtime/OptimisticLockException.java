package dev.tenantdao.runtime;

/**
 * An update or delete found the row changed since the entity was read: its {@code @Version} no
 * longer matches. Nothing was changed and no history was written.
 */
public class OptimisticLockException extends TenantDaoException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final transient Object id;
    private final transient Object expectedVersion;
    private final transient Object actualVersion;

    /** The row's current version unknown: the message names the version the entity held. */
    public OptimisticLockException(String entity, Object id, Object version) {
        this(entity, id, version, null);
    }

    /**
     * @param expectedVersion the version the caller's entity held
     * @param actualVersion the row's current version, or null when unknown
     */
    public OptimisticLockException(String entity, Object id, Object expectedVersion, Object actualVersion) {
        super(actualVersion == null
                ? entity + " with id " + id + " was changed since version " + expectedVersion
                        + " was read; read it again and retry"
                : entity + " with id " + id + " is at version " + actualVersion + ", not " + expectedVersion
                        + ": it was changed since it was read; read it again and retry");
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The simple name of the entity. */
    public String entity() {
        return entity;
    }

    /** The id of the row that changed. */
    public Object id() {
        return id;
    }

    /** The version the caller's entity held: the one the row no longer has. */
    public Object expectedVersion() {
        return expectedVersion;
    }

    /** The row's current version, or null when it is not known. */
    public Object actualVersion() {
        return actualVersion;
    }
}
