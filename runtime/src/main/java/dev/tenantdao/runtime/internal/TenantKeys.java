package dev.tenantdao.runtime.internal;

import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.TenantMismatchException;
import java.util.UUID;

/**
 * Turns the current tenant id into the value of a tenant column, and checks the tenant an entity
 * carries. Not public API: only generated code calls it.
 */
public final class TenantKeys {

    private TenantKeys() {}

    /** The tenant id as the value of a {@code uuid} tenant column. */
    public static UUID uuid(String tenant) {
        UUID key;
        try {
            key = UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantException(tenant, null,
                    "Tenant id '" + tenant + "' is not a UUID, but the tenant column is uuid", e);
        }
        // one tenant, one spelling: UUID.fromString also takes "1-1-1-1-1" and upper case
        if (!key.toString().equals(tenant)) {
            throw new InvalidTenantException(tenant, null, "Tenant id '" + tenant + "' is not a UUID in its"
                    + " canonical form (" + key + "); a tenant has one id", null);
        }
        return key;
    }

    /** The tenant id as the value of a {@code bigint} tenant column. */
    public static Long bigint(String tenant) {
        Long key;
        try {
            key = Long.valueOf(tenant);
        } catch (NumberFormatException e) {
            throw new InvalidTenantException(tenant, null,
                    "Tenant id '" + tenant + "' is not a number, but the tenant column is bigint", e);
        }
        // one tenant, one spelling: Long.valueOf also takes "042" and "+42"
        if (!key.toString().equals(tenant)) {
            throw new InvalidTenantException(tenant, null, "Tenant id '" + tenant + "' is not a number in its"
                    + " canonical form (" + key + "); a tenant has one id", null);
        }
        return key;
    }

    /**
     * Rejects an entity that carries a tenant other than the current one. A null carried tenant
     * means "the current tenant".
     */
    public static void requireCurrent(String entity, Object currentTenant, Object carriedTenant) {
        if (carriedTenant != null && !carriedTenant.equals(currentTenant)) {
            throw new TenantMismatchException(String.valueOf(currentTenant), String.valueOf(carriedTenant), entity,
                    "The " + entity + " belongs to tenant '" + carriedTenant
                    + "', but the current tenant is '" + currentTenant + "'; a DAO never writes another tenant's rows");
        }
    }
}
