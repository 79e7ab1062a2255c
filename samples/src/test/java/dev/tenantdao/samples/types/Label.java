package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A length-limited column with a default: a longer value is refused, never cut down. */
@Entity
@Tenanted
public record Label(@Id String id, @Column(type = "varchar(5)", defaultSql = "'none'") String text) {}
