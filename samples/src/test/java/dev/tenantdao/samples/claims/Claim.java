package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;

/**
 * An expense claim: a joined hierarchy whose intermediate levels map fields, so each has a table
 * of its own. Table {@code claim} holds what every claim has and the {@code kind};
 * {@link TravelClaim} (table {@code travel_claim}) adds the destination, {@link AbroadClaim}
 * below it (table {@code abroad_claim}) the country; each concrete subtype has its own table.
 * Row-tenanted with row-level security, audited. In test sources, so the samples' committed
 * migrations do not grow.
 */
@Entity(table = "claim")
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "kind")
public abstract sealed class Claim permits TravelClaim, EquipmentClaim {

    @Id(generated = true)
    private Long id;
    private String claimant;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getClaimant() {
        return claimant;
    }

    public void setClaimant(String claimant) {
        this.claimant = claimant;
    }
}
