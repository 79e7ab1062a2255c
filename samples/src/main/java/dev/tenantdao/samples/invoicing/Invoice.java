package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;
import dev.tenantdao.samples.reference.Currency;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice: a record with a database-generated id. Its customer is a row of the same tenant (the
 * foreign key includes the tenant column); its currency is shared reference data. Audited: every
 * change writes a row to {@code invoice_history} in the same statement.
 */
@Entity
@Audited
public record Invoice(
        @Id(generated = true) Long id,
        @References(Customer.class) long customerId,
        @Column(nullable = false) String number,
        @Column(nullable = false) InvoiceStatus status,
        @References(Currency.class) @Column(nullable = false) String currency,
        @Column(nullable = false) BigDecimal total,
        LocalDate issuedOn,
        LocalDate dueOn) {

    /** A new draft invoice, before the database gives it an id. */
    public static Invoice draft(long customerId, String number, String currency, BigDecimal total, LocalDate issuedOn) {
        return new Invoice(null, customerId, number, InvoiceStatus.DRAFT, currency, total, issuedOn,
                issuedOn == null ? null : issuedOn.plusDays(30));
    }

    public Invoice withStatus(InvoiceStatus newStatus) {
        return new Invoice(id, customerId, number, newStatus, currency, total, issuedOn, dueOn);
    }

    public Invoice withTotal(BigDecimal newTotal) {
        return new Invoice(id, customerId, number, status, currency, newTotal, issuedOn, dueOn);
    }
}
