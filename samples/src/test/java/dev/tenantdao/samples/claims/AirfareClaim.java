package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Subtype;

/** A flight abroad. Table {@code airfare_claim}; its row spans four tables. */
@Subtype("airfare")
public final class AirfareClaim extends AbroadClaim {

    private String airline;

    public AirfareClaim() {
    }

    public AirfareClaim(String claimant, String destination, String country, String airline) {
        setClaimant(claimant);
        setDestination(destination);
        setCountry(country);
        this.airline = airline;
    }

    public String getAirline() {
        return airline;
    }

    public void setAirline(String airline) {
        this.airline = airline;
    }
}
