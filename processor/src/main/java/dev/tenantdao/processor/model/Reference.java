package dev.tenantdao.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * What a {@code @References} field points at, read shallowly (enough for the foreign key and its
 * checks, without reading the target's own references).
 *
 * @param isEntity whether the target is an {@code @Entity} at all
 * @param idColumn the target's id column, or null when it has no single {@code @Id}
 * @param idType the target's id value type, or null
 * @param tenancy the target's tenancy, or null when it is shared
 */
public record Reference(
        AnnotationMirror annotation,
        TypeElement target,
        boolean isEntity,
        String table,
        String idColumn,
        ValueType idType,
        Tenancy tenancy) {

    public String targetName() {
        return target.getSimpleName().toString();
    }
}
