package dev.tenantdao.samples.reference;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;

/** A currency: reference data shared by all tenants (no {@code @Tenanted}). */
@Entity
public record Currency(@Id String code, String name, short minorUnits) {}
