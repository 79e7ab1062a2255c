package dev.tenantdao.samples.isolation;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;

/** Row strategy (with row-level security), exposing its tenant. */
@Entity
@Tenanted
public record RowNote(@Id(generated = true) Long id, @TenantId String tenant, String body, int version) {}
