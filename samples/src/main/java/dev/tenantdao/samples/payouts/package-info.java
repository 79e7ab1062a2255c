/**
 * Payouts, a class hierarchy whose subtypes have tables of their own
 * ({@code Polymorphic.Strategy.JOINED}), one row per payout per tenant, audited.
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
@Converters(MoneyConverter.class)
package dev.tenantdao.samples.payouts;

import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.common.MoneyConverter;
