package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes the vendor of a {@link VendorScoped} entity, read-only, for display (a tenant-wide
 * dashboard showing whose row each is). Loaded rows carry their vendor; an insert writes the
 * current vendor, an update never changes the row's. Inside a vendor's block an entity whose vendor
 * is set to another one is rejected (before any SQL) with {@code VendorMismatchException}; null means
 * "the current vendor". Inside a tenant-wide block the vendor an entity carries narrows its update:
 * it meets the row only while the row belongs to that vendor (null: any vendor of the tenant).
 *
 * <p>The field's type must match {@link Tenanted#columnType()}: {@code String} for text,
 * {@code UUID} for uuid, {@code Long} for bigint.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface VendorId {}
