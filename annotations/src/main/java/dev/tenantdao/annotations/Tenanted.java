package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an entity tenant-scoped: every generated statement is confined to the current tenant, and
 * a DAO method called with no current tenant throws before any SQL is sent.
 *
 * <p>Put it on an {@link Entity}, or on a package ({@code package-info.java}) to make every entity
 * of that package tenanted the same way; an annotation on the entity wins over the package's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Tenanted {

    /**
     * The transaction-local PostgreSQL setting that holds the current tenant for row-level
     * security policies; the runtime sets it with {@code set_config(TENANT_SETTING, tenant, true)}.
     */
    String TENANT_SETTING = dev.tenantdao.annotations.internal.Wire.TENANT_SETTING;

    /** How rows of different tenants are kept apart. */
    Strategy strategy() default Strategy.ROW;

    /** {@link Strategy#ROW}: the discriminator column. */
    String column() default "tenant_id";

    /** {@link Strategy#ROW}: the SQL type of the discriminator column. */
    ColumnType columnType() default ColumnType.TEXT;

    /**
     * {@link Strategy#ROW}: whether the generated DDL enables and forces row-level security with a
     * policy comparing the tenant column with {@link #TENANT_SETTING}, and the DAO sets that
     * setting in the transaction of every statement. On by default; the processor option
     * {@code -Atenantdao.rowLevelSecurity=false} changes the default for a whole compilation.
     */
    boolean rowLevelSecurity() default true;

    /** How tenants are kept apart. */
    enum Strategy {
        /** One table for all tenants with a tenant discriminator column in its primary key. */
        ROW,
        /**
         * One schema per tenant, holding the same tables; statements name the tenant's schema
         * (from the runtime's schema mapping), so pooled connections keep no state.
         */
        SCHEMA,
        /** One database per tenant; the runtime routes each tenant to its data source. */
        DATABASE
    }

    /** SQL type of a row-strategy discriminator column; the tenant id is the text form of the value. */
    enum ColumnType {
        /** {@code text}; the Java side is {@code String}. */
        TEXT,
        /** {@code uuid}; the Java side is {@code java.util.UUID}. */
        UUID,
        /** {@code bigint}; the Java side is {@code Long}. */
        BIGINT
    }
}
