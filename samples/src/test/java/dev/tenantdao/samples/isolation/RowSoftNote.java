package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;

/** Row strategy (row-level security), soft-deleted, exposing its tenant. */
@Entity
@Tenanted
@SoftDelete
public record RowSoftNote(@Id(generated = true) Long id, @TenantId String tenant, String body, int version) {}
