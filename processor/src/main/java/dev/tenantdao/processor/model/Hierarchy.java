package dev.tenantdao.processor.model;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.annotations.Polymorphic;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * What every entity of a {@code @Polymorphic} hierarchy shares: the facts of its root, which both
 * the root's {@link EntityKind.HierarchyRoot} and each {@link EntityKind.Subtype} refer to.
 *
 * @param strategy how the subtypes' rows are stored
 * @param root the root type
 * @param rootType the root type's name
 * @param annotation the root's {@code @Polymorphic}, where hierarchy errors point
 * @param discriminator the discriminator column, in the root's table
 */
public record Hierarchy(
        Polymorphic.Strategy strategy,
        TypeElement root,
        ClassName rootType,
        AnnotationMirror annotation,
        String discriminator) {

    public boolean isJoined() {
        return strategy == Polymorphic.Strategy.JOINED;
    }
}
