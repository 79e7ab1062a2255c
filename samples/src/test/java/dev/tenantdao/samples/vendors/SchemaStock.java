package dev.tenantdao.samples.vendors;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;

/** A vendor's stock line in its tenant's schema. */
@Entity(table = "schema_stock")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@VendorScoped(column = "store")
public record SchemaStock(@Id(generated = true) Long id, @VendorId String vendor, String body, int quantity) {}
