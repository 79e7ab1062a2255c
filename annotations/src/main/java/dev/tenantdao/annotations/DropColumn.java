package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares on an entity that the column {@code value} of its table, in the previous schema version,
 * is to be dropped with its data by the next generated migration (in the history table too). Without
 * it a column that disappears from the entity is a compile error. A declaration that no longer
 * applies does nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(DropColumn.List.class)
public @interface DropColumn {
    /** The column's name in the previous schema version. */
    String value();

    /** Several {@link DropColumn}s on one entity. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        DropColumn[] value();
    }
}
