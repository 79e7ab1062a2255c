package dev.tenantdao.samples.keys;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/** Tenants identified by UUID, exposed read-only on the entity. */
@Entity
@Tenanted(column = "organization_id", columnType = Tenanted.ColumnType.UUID)
public record Project(@Id(generated = true) UUID id, @TenantId UUID organizationId, String name) {}
