package dev.tenantdao.opentelemetry;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/** Reference data shared by all tenants (no {@code @Tenanted}). */
@Entity(table = "otel_country")
public record Country(@Id String code, String name) {}
