package dev.tenantdao.runtime;

/**
 * Lifecycle callbacks for entities of type {@code E}, attached with
 * {@code @Listeners(MyListener.class)}. Every method has a default that does nothing, so a listener
 * implements only what it needs. The DAO creates one instance (public no-argument constructor)
 * and calls it after the entity's own hook methods, inside the statement's transaction. An
 * exception thrown here aborts the operation, rolls back, and reaches the caller unchanged.
 *
 * <p>{@code beforeInsert} and {@code beforeUpdate} return the entity to write: a class may be
 * changed in place and returned, a record is replaced by a new one (e.g. with {@code updatedAt}
 * set).
 */
public interface EntityListener<E> {

    default E beforeInsert(E entity) {
        return entity;
    }

    default void afterInsert(E entity) {}

    default E beforeUpdate(E entity) {
        return entity;
    }

    default void afterUpdate(E entity) {}

    default void beforeDelete(E entity) {}

    default void afterDelete(E entity) {}

    default void afterLoad(E entity) {}
}
