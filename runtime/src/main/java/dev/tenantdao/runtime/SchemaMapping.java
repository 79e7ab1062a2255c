package dev.tenantdao.runtime;

/**
 * Schema per tenant: the schema holding a tenant's tables. Whatever it returns is validated by
 * {@link Database#schemaOf} (a plain lower-case SQL identifier, at most 63 characters, and a
 * tenant's own schema: not {@code pg_*}, {@code information_schema}, {@code public} or the schema of
 * the shared tables) and quoted, so a hostile tenant id is rejected with
 * {@link InvalidTenantException} and nothing of the tenant's runs.
 */
@FunctionalInterface
public interface SchemaMapping {

    String schemaFor(String tenant);

    /** {@code prefix + tenant}, e.g. {@code tenant_acme}. */
    static SchemaMapping prefixed(String prefix) {
        return tenant -> prefix + tenant;
    }

    /** The default: {@code tenant_<tenant id>}. */
    static SchemaMapping standard() {
        return prefixed("tenant_");
    }
}
