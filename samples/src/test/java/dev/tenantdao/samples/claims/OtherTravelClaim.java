package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/**
 * The fallback, below the level {@link TravelClaim}: rows of values no other subtype claims (written
 * by a newer application) load as it, without rows in {@code travel_claim} or its own table
 * {@code other_travel_claim} until it writes them.
 */
@Subtype(value = "other_travel", fallback = true)
public final class OtherTravelClaim extends TravelClaim {

    @Column(name = "kind", insertable = false)
    private String kind;
    private String note;

    public OtherTravelClaim() {
    }

    public OtherTravelClaim(String claimant, String destination, String note) {
        setClaimant(claimant);
        setDestination(destination);
        this.note = note;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
