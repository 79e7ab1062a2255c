package dev.tenantdao.samples.keys;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Tenants identified by number. */
@Entity
@Tenanted(column = "account_no", columnType = Tenanted.ColumnType.BIGINT)
public record Ticket(@Id(generated = true) Long id, String title) {}
