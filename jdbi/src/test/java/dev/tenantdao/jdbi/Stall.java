package dev.tenantdao.jdbi;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;

/** A market stall's item: vendor-scoped under row-level security. */
@Entity(table = "stall_item")
@Tenanted
@VendorScoped
public record Stall(@Id(generated = true) Long id, String item) {}
