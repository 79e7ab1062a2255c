package dev.tenantdao.processor.read;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds annotation mirrors and explicitly written values, which diagnostics point at. */
public final class Annotations {

    private Annotations() {}

    /** The mirror of annotation type {@code annotation} on {@code element}, if present. */
    public static Optional<AnnotationMirror> mirror(Element element, Class<?> annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(annotation.getCanonicalName())) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code element} has annotation {@code annotation}, asked of its mirrors: unlike
     * {@code getAnnotation}, it does not read the annotation's values, so it works while a class
     * one of them names does not resolve yet (javac fails reading those).
     */
    public static boolean has(Element element, Class<?> annotation) {
        return mirror(element, annotation).isPresent();
    }

    /** The value of {@code name} if it is written in the source (defaults are not), else null. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        if (mirror == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
