package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: {@code update} and {@code delete} only succeed when the row still has the
 * entity's version (and {@code update} increments it); otherwise they change nothing and throw
 * {@code OptimisticLockException}. An {@code int}, {@code long}, {@code Integer} or {@code Long}
 * field, at most one per entity; inserts start it at 0.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface Version {}
