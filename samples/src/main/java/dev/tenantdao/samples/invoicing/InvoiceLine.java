package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import java.math.BigDecimal;
import java.util.UUID;

/** One line of an invoice: a record whose id the application assigns. */
@Entity
public record InvoiceLine(
        @Id UUID id,
        @References(Invoice.class) long invoiceId,
        int position,
        String description,
        int quantity,
        BigDecimal unitPrice) {

    public static InvoiceLine of(long invoiceId, int position, String description, int quantity, BigDecimal unitPrice) {
        return new InvoiceLine(UUID.randomUUID(), invoiceId, position, description, quantity, unitPrice);
    }

    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
