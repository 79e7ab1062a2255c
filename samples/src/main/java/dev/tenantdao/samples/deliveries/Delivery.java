package dev.tenantdao.samples.deliveries;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;

/**
 * A delivery to an address. Table {@code delivery} holds what all deliveries have and the
 * {@code method}; each subtype's table what it adds. Rows of a method no subtype claims load as
 * {@link OtherDelivery}.
 */
@Entity(table = "delivery")
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "method",
        subtypes = {CourierDelivery.class, LockerDelivery.class, OtherDelivery.class})
@Audited
public abstract class Delivery {

    @Id(generated = true)
    private Long id;
    private String address;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
