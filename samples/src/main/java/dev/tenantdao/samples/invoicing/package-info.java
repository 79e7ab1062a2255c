/**
 * A small SaaS invoicing domain: each tenant is a company with its customers, invoices and invoice
 * lines; currencies are shared by all tenants. Every entity of this package is row-tenanted by the
 * package's {@code @Tenanted}, except {@link dev.tenantdao.samples.invoicing.Currency}, which lives in
 * its own package.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.Tenanted;
