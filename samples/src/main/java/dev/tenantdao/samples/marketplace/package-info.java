/**
 * A marketplace SaaS: each tenant is a marketplace operator, and its vendors (sellers) list
 * products and take orders. {@link dev.tenantdao.samples.marketplace.Vendor} and
 * {@link dev.tenantdao.samples.marketplace.Category} are the operator's own rows, tenant-wide;
 * {@link dev.tenantdao.samples.marketplace.Product} and
 * {@link dev.tenantdao.samples.marketplace.SalesOrder} belong to one vendor each
 * ({@code @VendorScoped}): a vendor's users work inside {@code TenantContext.runAsVendor}, the
 * operator's dashboard ({@link dev.tenantdao.samples.marketplace.MarketplaceDashboard}) reads every
 * vendor of its tenant inside {@code TenantContext.callTenantWide}. Every entity of this package is
 * row-tenanted by the package's {@code @Tenanted}, with row-level security.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
@Converters(MoneyConverter.class)
package dev.tenantdao.samples.marketplace;

import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.common.MoneyConverter;
