package dev.tenantdao.samples.invoicing;

/** Where an invoice is in its life; stored as text. */
public enum InvoiceStatus {
    DRAFT,
    SENT,
    PAID,
    CANCELLED
}
