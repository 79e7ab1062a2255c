package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field holds the id of another entity: the generated DDL declares a foreign key. Between two
 * row-tenanted entities the key includes the tenant column
 * ({@code FOREIGN KEY (tenant_id, customer_id) REFERENCES customer (tenant_id, id)}), so no row can
 * point at another tenant's row. A tenanted entity may reference a shared one; a shared entity
 * cannot reference a tenanted one, nor can entities of different tenancy strategies reference each
 * other (compile errors).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface References {
    /** The referenced entity. */
    Class<?> value();
}
