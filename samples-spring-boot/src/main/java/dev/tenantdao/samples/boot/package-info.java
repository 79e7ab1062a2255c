/**
 * A ticket desk as a Spring Boot application: each tenant (a customer company) has its tickets and
 * their comments, row-tenanted under row-level security; the tenant of a request comes from its
 * {@code X-Tenant-Id} header (tenantdao's Spring Boot auto-configuration).
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.boot;

import dev.tenantdao.annotations.Tenanted;
