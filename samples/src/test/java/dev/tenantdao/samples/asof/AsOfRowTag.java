package dev.tenantdao.samples.asof;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A second audited entity beside {@link AsOfRowNote}, for the changes of several entities in transaction order. */
@Entity
@Tenanted
@Audited
public record AsOfRowTag(@Id long id, String label) {}
