package com.example.billing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.VendorScoped;

/** A line of a vendor's offer: a foreign key within the vendor, schema per tenant. */
@Entity(table = "offer_line")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@VendorScoped(column = "store_id")
public record OfferLine(
        @Id(generated = true) Long id,
        @References(Shelf.class) long shelfId,
        int quantity) {}
