package dev.tenantdao.processor.model;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * An entity's lifecycle hooks, as found in the source: one {@link Level} per type that declares
 * them, most general first. A standalone entity has one level (itself); a subtype of a
 * {@code @Polymorphic} hierarchy has its root's level, then its own (the order they run in, as in
 * JPA: the root's hook methods and listeners, then the subtype's, for before- and after-hooks alike).
 *
 * @param levels most general first; the last is the entity's own
 */
public record Hooks(List<Level> levels) {

    public static final Hooks NONE = new Hooks(List.of());

    public Hooks {
        levels = List.copyOf(levels);
    }

    /** The hooks one type declares: its hook methods and its {@code @Listeners}. */
    public static Hooks of(TypeElement type, List<Method> methods, List<Listener> listeners) {
        return new Hooks(List.of(new Level(type, methods, listeners)));
    }

    /** {@code inherited}'s levels, then this entity's own. */
    public Hooks after(Hooks inherited) {
        List<Level> all = new ArrayList<>(inherited.levels);
        all.addAll(levels);
        return new Hooks(all);
    }

    /**
     * The levels of {@code each}, in order, each type's once: the hooks a hierarchy root's DAO may
     * run on rows of any of its subtypes.
     */
    public static Hooks union(List<Hooks> each) {
        List<Level> all = new ArrayList<>();
        for (Hooks hooks : each) {
            for (Level level : hooks.levels) {
                if (all.stream().noneMatch(l -> l.type().equals(level.type()))) {
                    all.add(level);
                }
            }
        }
        return new Hooks(all);
    }

    /**
     * The hook methods and listeners one type declares.
     *
     * @param type the declaring type (null in models built without elements)
     * @param methods every hook method of the type, in declaration order
     * @param listeners the type's {@code @Listeners} classes, in order
     */
    public record Level(TypeElement type, List<Method> methods, List<Listener> listeners) {

        public Level {
            methods = List.copyOf(methods);
            listeners = List.copyOf(listeners);
        }

        /** The type's method for {@code kind}, or null. */
        public Method method(HookKind kind) {
            return methods.stream().filter(m -> m.kind() == kind).findFirst().orElse(null);
        }

        /** Whether anything of this level runs for {@code kind}. */
        public boolean has(HookKind kind) {
            return method(kind) != null || !listeners.isEmpty();
        }
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

    /** The level {@code type} declares, or an empty one. */
    public Level own(TypeElement type) {
        return levels.stream().filter(l -> l.type().equals(type)).findFirst()
                .orElse(new Level(type, List.of(), List.of()));
    }

    /** Every listener of every level, in order. */
    public List<Listener> listeners() {
        return levels.stream().flatMap(l -> l.listeners().stream()).toList();
    }

    /** Whether anything runs for {@code kind}, at any level. */
    public boolean has(HookKind kind) {
        return levels.stream().anyMatch(l -> l.has(kind));
    }
}
