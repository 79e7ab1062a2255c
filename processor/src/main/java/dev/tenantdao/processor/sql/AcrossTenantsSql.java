package dev.tenantdao.processor.sql;

/**
 * The reads across tenants of a row-tenanted entity's DAO with {@code -Atenantdao.operatorRole}, each
 * built through {@code TenancyPass.acrossTenants} (no tenant predicate, each row's tenant selected last).
 *
 * @param page offset paging over every tenant's rows, in key order ({@code findAllAcrossTenants})
 * @param after keyset paging after a (tenant, id) in (tenant, id) order ({@code findAllAcrossTenantsAfter})
 * @param byId the rows with an id, one per tenant that has it ({@code findByIdAcrossTenants})
 * @param count each tenant's number of rows, in tenant order ({@code countAcrossTenants})
 */
public record AcrossTenantsSql(Statement page, Statement after, Statement byId, Statement count) {}
