package dev.tenantdao.processor.model;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.annotations.Polymorphic;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Where an entity sits in a {@code @Polymorphic} hierarchy. The root's model has every subtype's
 * model; a subtype's model has the root's properties first ({@code rootProperties} of them), then
 * its own, and names the root's table as its table.
 *
 * @param root the root type
 * @param annotation the root's {@code @Polymorphic}, where hierarchy errors point
 * @param discriminator the discriminator column, in the root's table
 * @param value the subtype's discriminator value; null for the root
 * @param subtypeTable the subtype's own table (joined strategy); null for the root and single table
 * @param rootProperties how many of the model's properties (the first ones) are the root's
 * @param subtypes the root's subtypes, in declaration order; empty for a subtype
 */
public record Polymorphism(
        Polymorphic.Strategy strategy,
        TypeElement root,
        ClassName rootType,
        AnnotationMirror annotation,
        String discriminator,
        String value,
        String subtypeTable,
        int rootProperties,
        List<EntityModel> subtypes) {

    public Polymorphism {
        subtypes = List.copyOf(subtypes);
    }

    public boolean isRoot() {
        return value == null;
    }

    public boolean isJoined() {
        return strategy == Polymorphic.Strategy.JOINED;
    }

    /** A subtype's view of this hierarchy. */
    public Polymorphism forSubtype(String subtypeValue, String table, int rootPropertyCount) {
        return new Polymorphism(strategy, root, rootType, annotation, discriminator, subtypeValue,
                isJoined() ? table : null, rootPropertyCount, List.of());
    }

    /** The root's view, with its subtypes. */
    public Polymorphism withSubtypes(List<EntityModel> models) {
        return new Polymorphism(strategy, root, rootType, annotation, discriminator, null, null, rootProperties,
                models);
    }
}
