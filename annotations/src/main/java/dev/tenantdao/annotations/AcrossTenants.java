package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Operator access: a repository find method (derived name, {@code @Find} or {@code @Query}) that reads the rows
 * of every tenant, declared {@code List<TenantRow<E>>}, each row with its tenant. It needs the processor option
 * {@code -Atenantdao.operatorRole} and a row-tenanted entity; the generated method runs only inside
 * {@code Database.asOperator}, on the operators' login, and writes one access log row with the tenants whose
 * rows it returned. Elsewhere it throws {@code OperatorAccessException} before any SQL.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AcrossTenants {}
