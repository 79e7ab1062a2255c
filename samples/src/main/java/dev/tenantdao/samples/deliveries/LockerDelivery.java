package dev.tenantdao.samples.deliveries;

import dev.tenantdao.annotations.Subtype;

/** A delivery to a parcel locker. Table {@code locker_delivery}. */
@Subtype("locker")
public final class LockerDelivery extends Delivery {

    private String locker;

    public LockerDelivery() {
    }

    public LockerDelivery(String address, String locker) {
        setAddress(address);
        this.locker = locker;
    }

    public String getLocker() {
        return locker;
    }

    public void setLocker(String locker) {
        this.locker = locker;
    }
}
