package dev.tenantdao.samples.marketplace;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;
import dev.tenantdao.samples.common.Money;
import java.time.LocalDate;

/**
 * A buyer's order of one of a vendor's products: vendor-scoped, and its foreign key to the product
 * includes the vendor column ({@code FOREIGN KEY (tenant_id, vendor_id, product_id)}), so an order
 * can never point at another vendor's product. Audited: its history rows carry the vendor too.
 */
@Entity
@VendorScoped
@Audited
public record SalesOrder(
        @Id(generated = true) Long id,
        @VendorId String vendor,
        @References(Product.class) long productId,
        int quantity,
        @Column(nullable = false) Money total,
        @Column(nullable = false) String buyer,
        LocalDate placedOn) {

    /** A new order of {@code quantity} of {@code product} at its price, for the current vendor. */
    public static SalesOrder of(Product product, int quantity, String buyer, LocalDate placedOn) {
        return new SalesOrder(null, null, product.id(), quantity, product.price().times(quantity), buyer, placedOn);
    }
}
