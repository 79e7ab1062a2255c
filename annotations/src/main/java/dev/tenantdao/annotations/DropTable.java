package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that the table {@code value} of the previous schema version, whose entity is gone, is to
 * be dropped with its rows (and its history table) by the next generated migration. Put it on a
 * package ({@code package-info.java}) or any type of the compilation. Without it a table that
 * disappears is a compile error. A declaration that no longer applies does nothing.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(DropTable.List.class)
public @interface DropTable {
    /** The table's name in the previous schema version. */
    String value();

    /** Several {@link DropTable}s on one element. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {
        DropTable[] value();
    }
}
