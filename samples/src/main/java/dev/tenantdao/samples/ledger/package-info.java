/**
 * A per-tenant bookkeeping ledger: every tenant has its own schema ({@code tenant_<id>} by default)
 * holding these tables, created by {@code database.createTenant(tenant, Account.class,
 * LedgerEntry.class)}.
 */
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
package dev.tenantdao.samples.ledger;

import dev.tenantdao.annotations.Tenanted;
