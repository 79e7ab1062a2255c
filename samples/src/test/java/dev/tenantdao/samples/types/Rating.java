package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Converters that see nulls: NULL is a level of its own, a null note is stored as ''. */
@Entity
@Tenanted
@Audited
public record Rating(
        @Id long id,
        @Convert(LevelConverter.class) Level level,
        @Convert(BlankConverter.class) @Column(nullable = false) String note) {}
