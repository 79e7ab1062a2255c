package com.example.billing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;

/** A store's shelf, schema per tenant, vendor-scoped. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@VendorScoped(column = "store_id")
public record Shelf(@Id(generated = true) Long id, String label) {}
