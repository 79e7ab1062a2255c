package dev.tenantdao.samples.claims;

/** Travel abroad: a level below the level {@link TravelClaim}, its table by default {@code abroad_claim}. */
public abstract sealed class AbroadClaim extends TravelClaim permits AirfareClaim {

    private String country;

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }
}
