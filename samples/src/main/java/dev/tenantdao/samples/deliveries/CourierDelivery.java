package dev.tenantdao.samples.deliveries;

import dev.tenantdao.annotations.Subtype;

/** A delivery by courier, by a named courier. Table {@code courier_delivery}. */
@Subtype("courier")
public final class CourierDelivery extends Delivery {

    private String courier;

    public CourierDelivery() {
    }

    public CourierDelivery(String address, String courier) {
        setAddress(address);
        this.courier = courier;
    }

    public String getCourier() {
        return courier;
    }

    public void setCourier(String courier) {
        this.courier = courier;
    }
}
