package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Subtype;

/** Kilometres driven. Table {@code mileage_claim}. */
@Subtype("mileage")
public final class MileageClaim extends TravelClaim {

    private int km;

    public MileageClaim() {
    }

    public MileageClaim(String claimant, String destination, int km) {
        setClaimant(claimant);
        setDestination(destination);
        this.km = km;
    }

    public int getKm() {
        return km;
    }

    public void setKm(int km) {
        this.km = km;
    }
}
