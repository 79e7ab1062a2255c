package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers converters for every field of their Java type, on an entity or a whole package
 * ({@code package-info.java}). A field's own {@link Convert} wins, then the entity's, then the
 * package's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Converters {
    /** Converter classes, each implementing {@code dev.tenantdao.runtime.Converter}. */
    Class<?>[] value();
}
