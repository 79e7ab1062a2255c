package dev.tenantdao.processor.read;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Polymorphic;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** Where a type stands to {@code @Polymorphic} roots: the one place the processor asks. */
public final class Hierarchies {

    private Hierarchies() {}

    /**
     * The {@code @Polymorphic} entity {@code type} extends or implements, directly or through
     * intermediate levels (abstract classes and interfaces below the root), or null.
     */
    public static TypeElement root(TypeElement type, Types types) {
        for (TypeMirror supertype : types.directSupertypes(type.asType())) {
            if (supertype instanceof DeclaredType declared
                    && Annotations.has(declared.asElement(), Polymorphic.class)
                    && declared.asElement().getAnnotation(Entity.class) != null) {
                return (TypeElement) declared.asElement();
            }
        }
        for (TypeMirror supertype : types.directSupertypes(type.asType())) {
            if (supertype instanceof DeclaredType declared && declared.asElement() instanceof TypeElement level
                    && isLevelShape(level)) {
                TypeElement root = root(level, types);
                if (root != null) {
                    return root;
                }
            }
        }
        return null;
    }

    /** Whether {@code type} could be an intermediate level: an interface or an abstract class. */
    public static boolean isLevelShape(TypeElement type) {
        return type.getKind() == javax.lang.model.element.ElementKind.INTERFACE
                || type.getKind() == javax.lang.model.element.ElementKind.CLASS
                        && type.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT);
    }

    /**
     * Whether {@code level}, an intermediate level, maps columns of its own: an abstract class's
     * instance fields, an interface's abstract accessors (not {@code @Transient}). In a joined
     * hierarchy such a level has a table of its own.
     */
    public static boolean hasLevelColumns(TypeElement level) {
        if (level.getKind() == javax.lang.model.element.ElementKind.INTERFACE) {
            return javax.lang.model.util.ElementFilter.methodsIn(level.getEnclosedElements()).stream()
                    .anyMatch(method -> method.getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT)
                            && method.getParameters().isEmpty()
                            && method.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID
                            && method.getAnnotation(dev.tenantdao.annotations.Transient.class) == null);
        }
        return javax.lang.model.util.ElementFilter.fieldsIn(level.getEnclosedElements()).stream()
                .anyMatch(field -> !field.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
                        && field.getAnnotation(dev.tenantdao.annotations.Transient.class) == null);
    }

    /** Whether {@code type} directly extends or implements {@code root}. */
    public static boolean isDirectSubtype(TypeElement type, TypeElement root, Types types) {
        for (TypeMirror supertype : types.directSupertypes(type.asType())) {
            if (supertype instanceof DeclaredType declared && declared.asElement().equals(root)) {
                return true;
            }
        }
        return false;
    }
}
