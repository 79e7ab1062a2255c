package dev.tenantdao.runtime.internal;

/**
 * The tenant in SQL beyond the predicate the processor writes. Schema per tenant: generated SQL
 * names tables as {@code {schema}.table}; this puts the tenant's (validated, quoted) schema in.
 * Row-level security: the transaction-local setting the policies read. Not public API: only
 * generated code and the runtime call it.
 */
public final class TenantSql {

    private static final String SET_TENANT = dev.tenantdao.annotations.internal.Wire.SET_TENANT;

    /** The placeholder for the tenant's schema in generated SQL and DDL. */
    public static final String SCHEMA = dev.tenantdao.annotations.internal.Wire.SCHEMA_PLACEHOLDER;

    private TenantSql() {}

    /** {@code sql} with every {@value #SCHEMA} replaced by {@code quotedSchema}. */
    public static String inSchema(String sql, String quotedSchema) {
        return sql.replace(SCHEMA, quotedSchema);
    }

    /**
     * Sets the setting row-level-security policies read to {@code tenant} until the end of the
     * connection's current transaction (a statement of its own: for a transaction's or a batch's
     * start; single statements carry it in front of them).
     */
    public static void setTenant(java.sql.Connection connection, String tenant) throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(SET_TENANT)) {
            statement.setString(1, tenant);
            statement.execute();
        }
    }

    /**
     * {@link #setTenant} at the start of a transaction, for {@code tenant} as the thread's
     * {@code TenantContext} scopes it: inside a vendor's block the vendor too, inside a tenant-wide
     * block the tenant-wide switch, so the application's own SQL in the transaction sees what
     * vendor-scoped DAO calls would (each of which still sets its own in front of it).
     */
    public static void setTenantOfContext(java.sql.Connection connection, String tenant) throws java.sql.SQLException {
        boolean same = tenant.equals(dev.tenantdao.runtime.TenantContext.current().orElse(null));
        java.util.Optional<String> vendor = dev.tenantdao.runtime.TenantContext.currentVendor();
        if (same && vendor.isPresent()) {
            setTenantAndVendor(connection, tenant, vendor.get());
        } else if (same && dev.tenantdao.runtime.TenantContext.isTenantWide()) {
            setTenantAndVendor(connection, tenant, null);
        } else {
            setTenant(connection, tenant);
        }
    }

    /**
     * {@link #setTenant} for a vendor-scoped entity's batch: the tenant, the vendor ({@code ''} when
     * null, tenant-wide) and the tenant-wide switch, until the end of the transaction.
     */
    public static void setTenantAndVendor(java.sql.Connection connection, String tenant, String vendor)
            throws java.sql.SQLException {
        try (java.sql.PreparedStatement statement = connection.prepareStatement(
                dev.tenantdao.annotations.internal.Wire.SET_TENANT_AND_VENDOR)) {
            statement.setString(1, tenant);
            statement.setString(2, TenantKeys.vendorSetting(vendor));
            statement.setString(3, TenantKeys.tenantWideSetting(vendor));
            statement.execute();
        }
    }
}
