package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.NotAudited;
import dev.tenantdao.annotations.Tenanted;

// README: embedded-entity
/** A product's price tag: its price and its list price are two Money values, two columns each. */
@Entity
@Tenanted
@Audited
public record PriceTag(
        @Id long id,
        @Column(unique = true) String sku,
        @Embedded @Column(nullable = false) Money price,    // price_amount, price_currency: NOT NULL
        @Embedded(prefix = "list_") Money listPrice,        // list_amount, list_currency: nullable
        @Embedded @NotAudited Size label) {}                 // label_width, label_height, label_unit
// README: end
