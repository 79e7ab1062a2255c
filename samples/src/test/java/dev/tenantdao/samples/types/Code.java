package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Blank-padded columns, with and without a default: a value that fits is stored whole, a longer one refused. */
@Entity
@Tenanted
public record Code(
        @Id String id,
        @Column(type = "char(5)") String plain,
        @Column(type = "char(5)", defaultSql = "'zzzzz'") String defaulted) {}
