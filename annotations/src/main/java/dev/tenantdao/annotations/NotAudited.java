package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leaves a field of an {@link Audited} entity out of its history: it is not copied into history
 * rows, a change to it alone writes no history row, and history queries return it as null. The
 * field must not be primitive.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface NotAudited {}
