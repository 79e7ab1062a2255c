package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a rename for the next generated migration (with {@code -Atenantdao.schema.dir}): on a
 * field or record component, its column was called {@code value} in the previous schema version
 * ({@code ALTER TABLE ... RENAME COLUMN}, in the history table too); on an {@code @Embedded} property,
 * its previous column name or prefix ({@code "charged"} or {@code "charged_"}), and each component column
 * is renamed from it ({@code charged_amount} to {@code billed_amount}); on an entity, its table was.
 * Without it, a column or table that disappears while another appears is a compile error, since
 * dropping one and adding the other would lose its data. A declaration that no longer applies
 * (the old name is not in the previous version) does nothing, so it may stay.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface RenamedFrom {
    /** The column's or table's name in the previous schema version. */
    String value();
}
