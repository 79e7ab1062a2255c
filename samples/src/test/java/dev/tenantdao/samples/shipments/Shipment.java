package dev.tenantdao.samples.shipments;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/** A sealed hierarchy of records with a table per subtype, in each tenant's own schema, audited. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
@Audited
public sealed interface Shipment permits Shipment.Parcel, Shipment.Pallet, Shipment.Letter {

    @Id
    UUID id();

    String destination();

    @Subtype(value = "parcel", table = "parcel")
    record Parcel(UUID id, String destination, int weightGrams) implements Shipment {}

    @Subtype(value = "pallet", table = "pallet")
    record Pallet(UUID id, String destination, boolean stackable, String carrier) implements Shipment {}

    @Subtype(value = "letter", table = "letter")
    record Letter(UUID id, String destination, boolean registered) implements Shipment {}
}
