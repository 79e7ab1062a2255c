package dev.tenantdao.processor.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;

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

    /**
     * The element of array member {@code name} that is {@code entry} (a class's {@code TypeElement},
     * or a constant such as a {@code String}), for a diagnostic on just that element; the whole
     * value when it is not an array or has no such element; null when {@code name} is not written.
     */
    public static AnnotationValue entry(AnnotationMirror mirror, String name, Object entry) {
        AnnotationValue value = explicitValue(mirror, name);
        if (value == null || !(value.getValue() instanceof List<?> entries)) {
            return value;
        }
        for (Object item : entries) {
            AnnotationValue one = (AnnotationValue) item;
            Object content = one.getValue() instanceof DeclaredType declared ? declared.asElement() : one.getValue();
            if (entry.equals(content)) {
                return one;
            }
        }
        return value;
    }

    /**
     * The value of a {@code @Column} member the source writes on {@code element} (its name, say),
     * to point a diagnostic at; null when {@code @Column} or the member is not written.
     */
    public static AnnotationValue columnValue(Element element, String name) {
        return explicitValue(mirror(element, dev.tenantdao.annotations.Column.class).orElse(null), name);
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
