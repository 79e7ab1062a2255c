package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Subtype;

/** Equipment bought: a direct subtype of {@link Claim}, beside the level. Table {@code equipment_claim}. */
@Subtype("equipment")
public final class EquipmentClaim extends Claim {

    private String item;

    public EquipmentClaim() {
    }

    public EquipmentClaim(String claimant, String item) {
        setClaimant(claimant);
        this.item = item;
    }

    public String getItem() {
        return item;
    }

    public void setItem(String item) {
        this.item = item;
    }
}
