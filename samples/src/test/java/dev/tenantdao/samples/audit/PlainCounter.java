package dev.tenantdao.samples.audit;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** {@link Counter} without audit, to measure what auditing costs. */
@Entity
@Tenanted
public record PlainCounter(@Id long id, long hits, String lastWriter) {}
