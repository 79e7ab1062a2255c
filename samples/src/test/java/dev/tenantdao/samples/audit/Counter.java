package dev.tenantdao.samples.audit;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** An audited row many threads update at once. */
@Entity
@Tenanted
@Audited
public record Counter(@Id long id, long hits, String lastWriter) {}
