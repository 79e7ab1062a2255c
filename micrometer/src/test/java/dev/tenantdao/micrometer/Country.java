package dev.tenantdao.micrometer;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/** Reference data shared by all tenants (no {@code @Tenanted}). */
@Entity(table = "metrics_country")
public record Country(@Id String code, String name) {}
