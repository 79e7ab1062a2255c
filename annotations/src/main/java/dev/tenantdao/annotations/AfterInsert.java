package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs on the stored entity (as returned by the database) after it was inserted, inside the statement's transaction. Returns {@code void}.
 *
 * <p>On a method of an {@link Entity}: non-private, non-static, no parameters, no checked
 * exceptions, at most one per kind. An exception it throws aborts the operation, rolls its
 * transaction back and reaches the caller unchanged. Entity methods run before listeners
 * ({@link Listeners}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AfterInsert {}
