package dev.tenantdao.benchmarks;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/** {@link Item}, audited, with the application's ids: for {@link AsOfBenchmark}'s pages of the past. */
@Entity
@Tenanted(rowLevelSecurity = false)
@Audited
public record HistoryItem(
        @Id long id,
        @Column(nullable = false) String name,
        @Column(nullable = false) BigDecimal price,
        int quantity) {}
