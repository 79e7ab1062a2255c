package com.example.billing;

import dev.tenantdao.annotations.Subtype;

/** A pallet, in table {@code freight_pallet}. */
@Subtype(value = "pallet", table = "freight_pallet")
public final class Pallet extends Shipment {

    private boolean stackable;
    private String carrier;

    public boolean isStackable() {
        return stackable;
    }

    public void setStackable(boolean stackable) {
        this.stackable = stackable;
    }

    public String getCarrier() {
        return carrier;
    }

    public void setCarrier(String carrier) {
        this.carrier = carrier;
    }
}
