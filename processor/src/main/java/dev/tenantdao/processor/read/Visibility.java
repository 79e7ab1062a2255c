package dev.tenantdao.processor.read;

import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.Embedded;
import dev.tenantdao.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * What generated code in another package than a type's cannot use: the members the reader found
 * usable from the type's own package (anything but private) that are not public. One place for the
 * DAO's embedded values (judged by the validator) and a repository's entities (judged by its writer).
 */
public final class Visibility {

    private Visibility() {}

    /** {@code type} or a type enclosing it, if one is not public: its qualified name. */
    public static Optional<String> hiddenType(TypeElement type) {
        for (Element each = type; each instanceof TypeElement enclosing; each = each.getEnclosingElement()) {
            if (!enclosing.getModifiers().contains(Modifier.PUBLIC)) {
                return Optional.of(enclosing.getQualifiedName().toString());
            }
        }
        return Optional.empty();
    }

    /** {@code read} (and {@code write}, unless null) of {@code type}, if one is not public: {@code Type.name()}. */
    public static Optional<String> hiddenMember(Elements elements, TypeElement type, Access read, Access write) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
        List<Access> used = new ArrayList<>(List.of(read));
        if (write != null) {
            used.add(write);
        }
        for (Access access : used) {
            boolean visible = access.kind() == Access.Kind.FIELD
                    ? ElementFilter.fieldsIn(elements.getAllMembers(type)).stream()
                            .anyMatch(f -> f.getSimpleName().contentEquals(access.name())
                                    && f.getModifiers().contains(Modifier.PUBLIC))
                    : methods.stream().anyMatch(m -> m.getSimpleName().contentEquals(access.name())
                            && m.getModifiers().contains(Modifier.PUBLIC));
            if (!visible) {
                return Optional.of(type.getSimpleName() + "." + access.name()
                        + (access.kind() == Access.Kind.METHOD ? "()" : ""));
            }
        }
        return Optional.empty();
    }

    /**
     * What a DAO or repository uses of {@code embedded}'s type to read {@code component} and to build the
     * value (the type, the constructor, the component's accessor and, for a value built through setters,
     * its setter), if one is not public.
     */
    public static Optional<String> hiddenInValue(Elements elements, Embedded embedded, Property component) {
        boolean setters = embedded.construction().kind() == Construction.Kind.SETTERS;
        TypeElement value = embedded.valueElement();
        return hiddenType(value)
                .or(() -> hiddenConstructor(value, setters ? 0 : embedded.construction().constructorOrder().size()))
                .or(() -> hiddenMember(elements, value, component.read(), setters ? component.write() : null));
    }

    /** The constructor taking {@code arguments} values, if none such is public: {@code Type(...)}. */
    public static Optional<String> hiddenConstructor(TypeElement type, int arguments) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        if (constructors.stream().noneMatch(c -> c.getParameters().size() == arguments
                && c.getModifiers().contains(Modifier.PUBLIC))) {
            return Optional.of("the constructor " + type.getSimpleName() + "(" + (arguments == 0 ? "" : "...") + ")");
        }
        return Optional.empty();
    }
}
