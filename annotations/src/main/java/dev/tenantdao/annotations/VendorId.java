package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes the vendor of a {@link VendorScoped} entity, read-only, for display (a tenant-wide
 * dashboard showing whose row each is). Loaded rows carry their vendor; on insert and update the
 * DAO writes the current vendor and rejects (before any SQL) an entity whose vendor is set to a
 * different one. Null means "the current vendor".
 *
 * <p>The field's type must match {@link Tenanted#columnType()}: {@code String} for text,
 * {@code UUID} for uuid, {@code Long} for bigint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface VendorId {}
