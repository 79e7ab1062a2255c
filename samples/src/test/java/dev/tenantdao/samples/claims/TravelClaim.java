package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/** A claim for travel: an intermediate level of {@link Claim} with a column of its own, in table {@code travel_claim}. */
@Subtype(table = "travel_claim")
public abstract sealed class TravelClaim extends Claim permits MileageClaim, AbroadClaim, OtherTravelClaim {

    @Column(nullable = false)
    private String destination;

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }
}
