package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import java.time.LocalDateTime;

/** A workshop bench booking: each library keeps its workshop in a schema of its own. */
@Entity(table = "tl_bench")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
@SoftDelete
public record Bench(
        @Id(generated = true) Long id,
        @Column(nullable = false) String bench,
        @Column(nullable = false) String bookedBy,
        @Column(nullable = false) LocalDateTime startsAt,
        @Column(defaultSql = "'open'") String purpose) {

    public static Bench book(String bench, String who, LocalDateTime at) {
        return new Bench(null, bench, who, at, null);
    }
}
