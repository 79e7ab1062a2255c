package dev.tenantdao.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * An entity's lifecycle hooks: its own annotated methods and its listeners, as found in the source.
 *
 * @param methods every hook method of the entity, in declaration order
 * @param listeners the {@code @Listeners} classes, in order
 */
public record Hooks(List<Method> methods, List<Listener> listeners) {

    public static final Hooks NONE = new Hooks(List.of(), List.of());

    public Hooks {
        methods = List.copyOf(methods);
        listeners = List.copyOf(listeners);
    }

    /** A hook method of the entity. */
    public record Method(HookKind kind, ExecutableElement element) {
        public String name() {
            return element.getSimpleName().toString();
        }
    }

    /**
     * A listener class.
     *
     * @param listenedType the {@code E} of its {@code EntityListener<E>}, or null when it implements none
     * @param generic whether the listener class has one type parameter, filled with the entity
     */
    public record Listener(TypeElement type, TypeMirror listenedType, boolean instantiable,
            AnnotationMirror annotation, boolean generic) {}

    /** The entity's method for {@code kind}, or null. */
    public Method method(HookKind kind) {
        return methods.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
    }

    /** Whether anything runs for {@code kind}. */
    public boolean has(HookKind kind) {
        return method(kind) != null || !listeners.isEmpty();
    }
}
