package dev.tenantdao.runtime;

/**
 * Schema per tenant: the schema holding a tenant's tables. Whatever it returns is validated by
 * {@link Database} (a plain lower-case SQL identifier, at most 63 characters, not {@code pg_*}) and
 * quoted, so a hostile tenant id is rejected with {@link InvalidTenantException} and nothing runs.
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
