package dev.tenantdao.processor.read;

import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import dev.tenantdao.annotations.Entity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds what an entity depends on that javac cannot resolve yet: a type another annotation
 * processor will generate in a later round. Such an entity is deferred to the next round (as
 * Dagger's and AutoValue's processors do), and only reported if it is still unresolved when
 * processing is over. What is looked at: the entity's supertypes, the types of its fields (and
 * record components, and an interface root's accessors), and every class named in a tenantdao
 * annotation on the entity, its members or its package ({@code @Convert}, {@code @Converters},
 * {@code @Listeners}, {@code @References}, {@code @Polymorphic(subtypes)}); for a
 * {@code @Polymorphic} root, the same for each of its subtypes.
 */
public final class Unresolved {

    /**
     * One unresolved dependency: on {@code element}, in {@code annotation}'s {@code value} when
     * the type is named in an annotation (both null otherwise).
     *
     * @param type the unresolved type as the source names it, as far as javac can tell
     */
    public record Dependency(Element element, AnnotationMirror annotation, AnnotationValue value, String type) {}

    private static final String ANNOTATIONS = Entity.class.getPackageName() + ".";

    private final Trees trees;
    private final Set<Dependency> found = new LinkedHashSet<>();

    private Unresolved(Trees trees) {
        this.trees = trees;
    }

    /**
     * What {@code entity} (and, for a {@code @Polymorphic} root, its {@code subtypes}) depends on
     * that is not resolvable yet, in source order; empty when everything resolves.
     *
     * @param trees javac's source trees, to name a class an annotation names (javac's model only
     *     says {@code <error>}); null where the compiler has none
     */
    public static List<Dependency> of(TypeElement entity, List<TypeElement> subtypes, Elements elements,
            Trees trees) {
        Unresolved unresolved = new Unresolved(trees);
        unresolved.annotations(elements.getPackageOf(entity));
        unresolved.type(entity);
        for (TypeElement subtype : subtypes) {
            unresolved.type(subtype);
        }
        return new ArrayList<>(unresolved.found);
    }

    private void type(TypeElement type) {
        annotations(type);
        if (isUnresolved(type.getSuperclass())) {
            found.add(new Dependency(type, null, null, type.getSuperclass().toString()));
        }
        for (TypeMirror implemented : type.getInterfaces()) {
            if (isUnresolved(implemented)) {
                found.add(new Dependency(type, null, null, implemented.toString()));
            }
        }
        for (TypeMirror permitted : type.getPermittedSubclasses()) {
            if (isUnresolved(permitted)) {
                found.add(new Dependency(type, null, null, permitted.toString()));
            }
        }
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            annotations(field);
            if (isUnresolved(field.asType())) {
                found.add(new Dependency(field, null, null, field.asType().toString()));
            }
        }
        if (type.getKind() == ElementKind.INTERFACE) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                    annotations(method);
                    if (isUnresolved(method.getReturnType())) {
                        found.add(new Dependency(method, null, null, method.getReturnType().toString()));
                    }
                }
            }
        }
    }

    /** Class values of tenantdao annotations on {@code element} that do not resolve. */
    private void annotations(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement annotationType = (TypeElement) mirror.getAnnotationType().asElement();
            if (!annotationType.getQualifiedName().toString().startsWith(ANNOTATIONS)) {
                continue;
            }
            for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                    : mirror.getElementValues().entrySet()) {
                if (!isClassValued(entry.getKey().getReturnType())) {
                    continue;
                }
                AnnotationValue value = entry.getValue();
                List<?> entries = value.getValue() instanceof List<?> list ? list : List.of(value);
                for (Object item : entries) {
                    AnnotationValue one = (AnnotationValue) item;
                    if (!(one.getValue() instanceof TypeMirror type) || isUnresolved(type)) {
                        found.add(new Dependency(element, mirror, one, name(element, mirror, one)));
                    }
                }
            }
        }
    }

    /** The class an annotation value names, as the source writes it. */
    private String name(Element element, AnnotationMirror mirror, AnnotationValue value) {
        try {
            Tree tree = trees == null ? null : trees.getTree(element, mirror, value);
            if (tree != null) {
                String source = tree.toString();
                return source.endsWith(".class") ? source.substring(0, source.length() - ".class".length()) : source;
            }
        } catch (RuntimeException e) {
            // no source position to be had: fall through to the generic name
        }
        return "a class in @" + mirror.getAnnotationType().asElement().getSimpleName();
    }

    /** Whether an annotation member is a {@code Class} or an array of them. */
    private boolean isClassValued(TypeMirror type) {
        TypeMirror single = type instanceof ArrayType array ? array.getComponentType() : type;
        return single instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Class");
    }

    /** Whether {@code type}, or a type in it (a type argument, an array's component), is an error type. */
    private static boolean isUnresolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            return true;
        }
        if (type instanceof ArrayType array) {
            return isUnresolved(array.getComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            return wildcard.getExtendsBound() != null && isUnresolved(wildcard.getExtendsBound())
                    || wildcard.getSuperBound() != null && isUnresolved(wildcard.getSuperBound());
        }
        if (type instanceof DeclaredType declared) {
            return declared.getTypeArguments().stream().anyMatch(Unresolved::isUnresolved);
        }
        return false;
    }
}
