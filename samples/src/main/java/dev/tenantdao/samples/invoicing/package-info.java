/**
 * A small SaaS invoicing domain: each tenant is a company with its customers, invoices and invoice
 * lines; currencies are shared by all tenants. Every entity of this package is row-tenanted by the
 * package's {@code @Tenanted}, except {@link dev.tenantdao.samples.invoicing.Currency}, which lives in
 * its own package. {@link dev.tenantdao.samples.common.Money} fields are stored through the
 * package's converter.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
@Converters(MoneyConverter.class)
package dev.tenantdao.samples.invoicing;

import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.common.MoneyConverter;
