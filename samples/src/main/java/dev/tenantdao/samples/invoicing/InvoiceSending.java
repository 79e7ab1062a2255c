package dev.tenantdao.samples.invoicing;

import java.time.LocalDate;
import java.util.NoSuchElementException;

/**
 * A small service of the application's own over a generated DAO: sends a draft invoice of the current
 * tenant (its status becomes {@code SENT}, its due date 30 days from the day it is sent). Unit-tested
 * with a fake DAO ({@code InvoiceSendingWithAFakeTest}) and against PostgreSQL ({@code
 * InvoiceSendingTest}).
 */
public class InvoiceSending {

    private final InvoiceDao invoices;

    public InvoiceSending(InvoiceDao invoices) {
        this.invoices = invoices;
    }

    /** Sends draft {@code invoiceId} on {@code today}; anything but a draft is refused. */
    public Invoice send(long invoiceId, LocalDate today) {
        Invoice invoice = invoices.findById(invoiceId)
                .orElseThrow(() -> new NoSuchElementException("no invoice " + invoiceId));
        if (invoice.status() != InvoiceStatus.DRAFT) {
            throw new IllegalStateException("invoice " + invoice.number() + " is " + invoice.status() + ", not a draft");
        }
        return invoices.update(new Invoice(invoice.id(), invoice.customerId(), invoice.number(), InvoiceStatus.SENT,
                invoice.currency(), invoice.total(), today, today.plusDays(30)));
    }
}
