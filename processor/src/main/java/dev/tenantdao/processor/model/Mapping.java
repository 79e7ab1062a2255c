package dev.tenantdao.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.type.TypeMirror;

/**
 * How a property's column is declared beyond its name and type.
 *
 * @param customType {@code @Column(type)}: a PostgreSQL type the Java type does not imply, or null
 * @param enumConstants for an enum stored as a PostgreSQL enum type, its constants (for the DDL)
 * @param elementType for a list or array column, its elements' value type (null: unsupported)
 * @param elementJavaType for a list or array column, its elements' Java type
 * @param insertable {@code @Column(insertable)}: false when only the database writes the column
 * @param converter the converter the value goes through, or null
 * @param columnAnnotation the {@code @Column} mirror, or null, for diagnostics
 * @param version whether it is the {@code @Version} field
 * @param notAudited whether {@code @NotAudited} leaves it out of history
 */
public record Mapping(
        String customType,
        List<String> enumConstants,
        boolean unique,
        boolean updatable,
        boolean insertable,
        String defaultSql,
        String generatedAs,
        ValueType elementType,
        TypeMirror elementJavaType,
        ConverterModel converter,
        AnnotationMirror columnAnnotation,
        boolean version,
        boolean notAudited) {

    public static final Mapping PLAIN =
            new Mapping(null, List.of(), false, true, true, null, null, null, null, null, null, false, false);

    public Mapping {
        enumConstants = List.copyOf(enumConstants);
    }

    /** Whether PostgreSQL fills the column in: a default or a generated expression. */
    public boolean databaseValue() {
        return defaultSql != null || generatedAs != null;
    }

    /** Whether only PostgreSQL ever writes the column: a generated column, or one declared not insertable. */
    public boolean databaseOwned() {
        return generatedAs != null || !insertable;
    }
}
