package dev.tenantdao.samples.asof;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A second audited entity beside {@link RowNote}, for the changes of several entities in transaction order. */
@Entity
@Tenanted
@Audited
public record RowTag(@Id long id, String label) {}
