package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes the tenant of a {@link Tenanted} row-strategy entity, read-only, for display. Loaded rows
 * carry their tenant; on insert and update the DAO writes the current tenant and rejects (before
 * any SQL) an entity whose tenant is set to a different one. Null means "the current tenant".
 *
 * <p>The field's type must match {@link Tenanted#columnType()}: {@code String} for text,
 * {@code UUID} for uuid, {@code Long} for bigint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface TenantId {}
