package dev.tenantdao.samples.invoicing;

/** Whether a product can be sold; stored as the PostgreSQL enum type {@code product_status}. */
public enum ProductStatus {
    ACTIVE,
    DISCONTINUED
}
