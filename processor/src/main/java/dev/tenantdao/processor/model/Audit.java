package dev.tenantdao.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * How an entity is audited.
 *
 * @param table the history table
 * @param excluded names given in {@code @Audited(exclude)}, as written (the validator checks them)
 */
public record Audit(String table, List<String> excluded, AnnotationMirror annotation) {

    public Audit {
        excluded = List.copyOf(excluded);
    }
}
