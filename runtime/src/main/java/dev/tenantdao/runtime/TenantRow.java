package dev.tenantdao.runtime;

import java.util.Objects;

/**
 * A row read across tenants ({@code findAllAcrossTenants} in {@link Database#asOperator}), with the tenant it
 * belongs to.
 */
public record TenantRow<T>(String tenant, T entity) {

    public TenantRow {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(entity, "entity");
    }
}
