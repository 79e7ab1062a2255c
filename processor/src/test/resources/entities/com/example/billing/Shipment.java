package com.example.billing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;

/** A class hierarchy with a table per subtype, schema per tenant; not sealed, so its subtypes are listed. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, subtypes = {Parcel.class, Pallet.class})
public abstract class Shipment {

    @Id
    private String id;
    private String destination;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }
}
