package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.math.BigDecimal;

/** A sealed hierarchy of records with a table per subtype, row-tenanted with row-level security, audited, versioned. */
@Entity
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
public sealed interface Claim permits Claim.Damage, Claim.Delay {

    @Id
    String id();

    BigDecimal amount();

    @Version
    long version();

    @Subtype(value = "damage", table = "damage_claim")
    record Damage(String id, BigDecimal amount, long version, String description) implements Claim {}

    @Subtype(value = "delay", table = "delay_claim")
    record Delay(String id, BigDecimal amount, long version, int days) implements Claim {}
}
