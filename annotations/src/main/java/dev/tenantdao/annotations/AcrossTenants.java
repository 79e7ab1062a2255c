package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Operator access: a repository find or count method (derived name, {@code @Find} or {@code @Query}) that reads
 * the rows of every tenant: declared {@code List<TenantRow<E>>} or {@code Page<TenantRow<E>>} (with a
 * {@code PageRequest}; {@code E} the entity or a record of its attributes) or {@code CursoredPage<TenantRow<E>>}
 * (the entity; its cursor the tenant, the order's values, the id), each row with its tenant, in tenant
 * order, then the method's order, then the id (a {@code Limit}, an {@code Order} or a {@code Sort} as for any
 * find method, the tenant staying the first key); a count declared {@code Map<String, Long>}, each tenant's count
 * in tenant order. It needs the processor option {@code -Atenantdao.operatorRole} and a row-tenanted entity; the
 * generated method runs only inside {@code Database.asOperator}, on the operators' login, and writes one access log
 * row with the tenants whose rows it returned (or counted). Elsewhere it throws {@code OperatorAccessException}
 * before any SQL.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AcrossTenants {}
