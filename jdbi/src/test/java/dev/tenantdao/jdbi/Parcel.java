package dev.tenantdao.jdbi;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.runtime.EntityListener;

/**
 * A joined hierarchy (tables {@code parcel}, {@code letter}, {@code crate}), audited (one history
 * table, {@code parcel_history}), with a listener: every write of a subtype's DAO is atomic, and the
 * root's {@code insertAll} runs one statement per joined row, in one transaction.
 */
@Entity
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
@Listeners(Parcel.Watched.class)
public sealed interface Parcel permits Parcel.Letter, Parcel.Crate {

    @Id(generated = true)
    Long id();

    String label();

    @Subtype(value = "letter", table = "letter")
    record Letter(Long id, String label, @Column(nullable = false) String stamp) implements Parcel {}

    @Subtype(value = "crate", table = "crate")
    record Crate(Long id, String label, Integer weight) implements Parcel {}

    /** Does nothing: a listener makes every write run hooks, so in a transaction. */
    final class Watched implements EntityListener<Parcel> {
        public Watched() {}
    }
}
