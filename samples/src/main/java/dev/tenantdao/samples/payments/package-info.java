/**
 * Payments, a sealed hierarchy of records in one table ({@code Polymorphic.Strategy.SINGLE_TABLE}),
 * one row per payment per tenant, audited.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
@Converters(MoneyConverter.class)
package dev.tenantdao.samples.payments;

import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.common.MoneyConverter;
