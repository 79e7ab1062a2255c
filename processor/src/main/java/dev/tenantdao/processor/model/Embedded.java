package dev.tenantdao.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * An {@code @Embedded} property of an entity: one value object over several columns. The read model
 * flattens it into one {@link Property} per component (named by its path, {@code price.amount}), each
 * pointing back here; the DAO writer groups them back into one value. Facts only: the validator judges
 * them.
 *
 * @param element the entity's field, record component or accessor, where diagnostics point
 * @param name the property's name in the entity ({@code price})
 * @param type the value's type ({@code Money})
 * @param valueElement the value's type element, or null when it is not a declared type
 * @param read how to read the value from an entity, or null when it cannot be read
 * @param write how to set the value on an entity after its no-argument constructor, or null
 * @param construction how to create the value from its components, or null when it cannot be
 * @param components the component names, in the value's declaration order
 * @param isEntity whether the value's type is itself an {@code @Entity}
 * @param required {@code @Column(nullable = false)} on the property: the value is never null
 * @param nested the components that are themselves {@code @Embedded} (not supported)
 * @param prefix the prefix of its columns' names ({@code price_}): each is the prefix and the component's column
 */
public record Embedded(
        Element element,
        AnnotationMirror annotation,
        String name,
        TypeMirror type,
        TypeElement valueElement,
        Access read,
        Access write,
        Construction construction,
        List<String> components,
        boolean isEntity,
        boolean required,
        List<Element> nested,
        String prefix) {

    public Embedded {
        components = List.copyOf(components);
        nested = List.copyOf(nested);
    }

    /** This value, set on entities through {@code access}: a subtype's setter of an interface root's value. */
    public Embedded withWrite(Access access) {
        return new Embedded(element, annotation, name, type, valueElement, read, access, construction, components,
                isEntity, required, nested, prefix);
    }

    /** Whether it was flattened into component columns (a type the reader could take apart). */
    public boolean flattened() {
        return !components.isEmpty() && !isEntity && nested.isEmpty();
    }
}
