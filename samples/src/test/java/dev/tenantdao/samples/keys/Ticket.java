package dev.tenantdao.samples.keys;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Tenants identified by number; row-level security turned off (the DAO predicate alone). */
@Entity
@Tenanted(column = "account_no", columnType = Tenanted.ColumnType.BIGINT, rowLevelSecurity = false)
public record Ticket(@Id(generated = true) Long id, String title) {}
