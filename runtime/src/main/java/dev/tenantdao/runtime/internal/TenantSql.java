package dev.tenantdao.runtime.internal;

/**
 * Schema per tenant: generated SQL names tables as {@code {schema}.table}; this puts the tenant's
 * (validated, quoted) schema in. Not public API: only generated code and the runtime call it.
 */
public final class TenantSql {

    /** The placeholder for the tenant's schema in generated SQL and DDL. */
    public static final String SCHEMA = "{schema}";

    private TenantSql() {}

    /** {@code sql} with every {@value #SCHEMA} replaced by {@code quotedSchema}. */
    public static String inSchema(String sql, String quotedSchema) {
        return sql.replace(SCHEMA, quotedSchema);
    }
}
