package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Listener classes for an entity, each implementing
 * {@code dev.tenantdao.runtime.EntityListener<E>} for this entity (or a supertype of it), with a
 * public no-argument constructor. The DAO creates each once and calls it after the entity's own
 * hook methods, in the order listed.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Listeners {
    /** The listener classes, called in this order. */
    Class<?>[] value();
}
