package dev.tenantdao.processor;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The elements of a round that carry each of the annotations the processor reads, found in one walk
 * of the round: javac walks every element of the round again for each {@code
 * getElementsAnnotatedWith}, and the processor reads some twenty annotations. None of them is
 * {@code @Inherited}, so an element carries one exactly when one of its own annotation mirrors is of
 * it: {@link #of} gives the elements {@code getElementsAnnotatedWith} gives, in the same order.
 */
final class RoundScan {

    private final Map<String, List<Element>> byAnnotation = new HashMap<>();

    /** Walks {@code round} once for the annotations named {@code annotations} (those not found are skipped). */
    RoundScan(RoundEnvironment round, Elements elements, Collection<String> annotations) {
        Set<TypeElement> types = new LinkedHashSet<>();
        for (String name : annotations) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        if (types.isEmpty()) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWithAny(types.toArray(TypeElement[]::new))) {
            for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
                if (annotations.contains(name)) {
                    List<Element> carrying = byAnnotation.computeIfAbsent(name, n -> new ArrayList<>());
                    if (carrying.isEmpty() || carrying.get(carrying.size() - 1) != element) {
                        carrying.add(element);
                    }
                }
            }
        }
    }

    /** The elements of the round annotated with {@code annotation}, as {@code getElementsAnnotatedWith} gives them. */
    List<Element> of(Class<? extends Annotation> annotation) {
        return of(annotation.getCanonicalName());
    }

    /** The elements of the round annotated with the annotation named {@code annotation}. */
    List<Element> of(String annotation) {
        return byAnnotation.getOrDefault(annotation, List.of());
    }
}
