package dev.tenantdao.processor.validate;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Hierarchy;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.read.Annotations;
import dev.tenantdao.processor.read.Hierarchies;
import dev.tenantdao.processor.sql.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Types;

/**
 * Judges a {@code @Polymorphic} hierarchy as a whole: the root's shape, which types are its
 * subtypes, discriminator values, subtype tables and, for a single table, columns two subtypes
 * share. Each entity of the hierarchy is then judged by {@link EntityValidator} like any other.
 */
public final class HierarchyValidator {

    private final Diagnostics diagnostics;
    private final Types types;

    public HierarchyValidator(Diagnostics diagnostics, Types types) {
        this.diagnostics = diagnostics;
        this.types = types;
    }

    /** Checks the root's shape before it is read; false when it cannot be read as a root. */
    public boolean validateRoot(TypeElement root, List<TypeElement> subtypes) {
        int before = diagnostics.errorCount();
        AnnotationMirror polymorphic = Annotations.mirror(root, Polymorphic.class).orElse(null);
        boolean sealedInterface = root.getKind() == ElementKind.INTERFACE && root.getModifiers().contains(Modifier.SEALED);
        boolean abstractClass = root.getKind() == ElementKind.CLASS && root.getModifiers().contains(Modifier.ABSTRACT);
        if (!sealedInterface && !abstractClass) {
            String kind = root.getKind() == ElementKind.INTERFACE ? "an interface that is not sealed"
                    : root.getKind() == ElementKind.CLASS ? "a concrete class"
                    : root.getKind().toString().toLowerCase(java.util.Locale.ROOT);
            diagnostics.report(Message.POLYMORPHIC_ROOT_SHAPE, root, polymorphic, root.getSimpleName(), kind);
            return false;
        }
        if (root.getNestingKind() == NestingKind.MEMBER && !root.getModifiers().contains(Modifier.STATIC)
                && root.getKind() == ElementKind.CLASS || root.getModifiers().contains(Modifier.PRIVATE)
                || !root.getTypeParameters().isEmpty()) {
            diagnostics.report(Message.POLYMORPHIC_ROOT_SHAPE, root, polymorphic, root.getSimpleName(),
                    "an inner, private or generic type");
        }
        if (!Identifiers.isUsable(root.getAnnotation(Polymorphic.class).discriminator())) {
            diagnostics.report(Message.INVALID_IDENTIFIER, root, polymorphic,
                    Annotations.explicitValue(polymorphic, "discriminator"),
                    root.getAnnotation(Polymorphic.class).discriminator(), "discriminator column");
        }
        if (subtypes.isEmpty()) {
            diagnostics.report(Message.NO_SUBTYPES, root, polymorphic, root.getSimpleName());
        }
        for (TypeElement subtype : subtypes) {
            if (!Hierarchies.isDirectSubtype(subtype, root, types)) {
                diagnostics.report(Message.NOT_A_SUBTYPE, root, polymorphic,
                        Annotations.entry(polymorphic, "subtypes", subtype), subtype.getSimpleName(),
                        root.getSimpleName());
                continue;
            }
            validateMember(root, subtype);
        }
        return diagnostics.errorCount() == before;
    }

    /** A member of the hierarchy: a concrete subtype, or an intermediate level and everything below it. */
    private void validateMember(TypeElement root, TypeElement subtype) {
        validateHiddenFields(root, subtype);
        if (!Hierarchies.isLevelShape(subtype) || !subtype.getModifiers().contains(Modifier.SEALED)) {
            validateSubtypeShape(root, subtype);
            return;
        }
        Annotations.mirror(subtype, Subtype.class).ifPresent(annotation -> validateLevelAnnotation(root, subtype, annotation));
        validateSubtypeAnnotations(root, subtype);
        for (javax.lang.model.type.TypeMirror permitted : subtype.getPermittedSubclasses()) {
            if (permitted instanceof javax.lang.model.type.DeclaredType declared) {
                validateMember(root, (TypeElement) declared.asElement());
            }
        }
    }

    /**
     * A field of a class member (subtype or level) named like a mapped field of a class above it, up to the
     * root: Java keeps both, the hierarchy maps the one above, so the member's own value would never be
     * stored.
     */
    private void validateHiddenFields(TypeElement root, TypeElement member) {
        if (member.getKind() != ElementKind.CLASS || root.getKind() != ElementKind.CLASS) {
            return;
        }
        for (javax.lang.model.element.VariableElement field
                : javax.lang.model.util.ElementFilter.fieldsIn(member.getEnclosedElements())) {
            if (!mapped(field)) {
                continue;
            }
            for (TypeElement above = superclass(member); above != null; above = above.equals(root) ? null : superclass(above)) {
                javax.lang.model.element.VariableElement hidden = javax.lang.model.util.ElementFilter
                        .fieldsIn(above.getEnclosedElements()).stream()
                        .filter(f -> mapped(f) && f.getSimpleName().contentEquals(field.getSimpleName()))
                        .findFirst().orElse(null);
                if (hidden != null) {
                    diagnostics.report(Message.SUBTYPE_HIDES_FIELD, field, member.getSimpleName(), field.getSimpleName(),
                            above.getSimpleName());
                    break;
                }
            }
        }
    }

    private static boolean mapped(javax.lang.model.element.VariableElement field) {
        return !field.getModifiers().contains(Modifier.STATIC)
                && field.getAnnotation(dev.tenantdao.annotations.Transient.class) == null;
    }

    private static TypeElement superclass(TypeElement type) {
        return type.getSuperclass() instanceof javax.lang.model.type.DeclaredType declared
                ? (TypeElement) declared.asElement() : null;
    }

    /**
     * {@code @Subtype} on an intermediate level: only its {@code table}, in a joined hierarchy, for a
     * level that maps columns (and so has a table of its own).
     */
    private void validateLevelAnnotation(TypeElement root, TypeElement level, AnnotationMirror annotation) {
        for (String element : List.of("value", "fallback")) {
            AnnotationValue value = Annotations.explicitValue(annotation, element);
            if (value != null) {
                diagnostics.report(Message.SUBTYPE_ON_LEVEL, level, annotation, value, level.getSimpleName(),
                        root.getSimpleName(), "a level has no discriminator value of its own: its rows are those of its"
                                + " concrete subtypes");
            }
        }
        AnnotationValue table = Annotations.explicitValue(annotation, "table");
        boolean joined = root.getAnnotation(Polymorphic.class).strategy() == Polymorphic.Strategy.JOINED;
        if (table == null) {
            if (Annotations.explicitValue(annotation, "value") == null && Annotations.explicitValue(annotation, "fallback") == null) {
                diagnostics.report(Message.SUBTYPE_ON_LEVEL, level, annotation, level.getSimpleName(), root.getSimpleName(),
                        "on a level it only names the level's table, @Subtype(table = ...)");
            }
        } else if (!joined) {
            diagnostics.report(Message.SUBTYPE_ON_LEVEL, level, annotation, table, level.getSimpleName(), root.getSimpleName(),
                    "in a SINGLE_TABLE hierarchy a level has no table of its own: its fields are columns of the root's table");
        } else if (!Hierarchies.hasLevelColumns(level)) {
            diagnostics.report(Message.SUBTYPE_ON_LEVEL, level, annotation, table, level.getSimpleName(), root.getSimpleName(),
                    "it maps no fields, so it has no table of its own to name");
        }
    }

    private void validateSubtypeShape(TypeElement root, TypeElement subtype) {
        ElementKind kind = subtype.getKind();
        boolean shape = (kind == ElementKind.RECORD || kind == ElementKind.CLASS)
                && !subtype.getModifiers().contains(Modifier.ABSTRACT)
                && !subtype.getModifiers().contains(Modifier.SEALED)
                && !subtype.getModifiers().contains(Modifier.PRIVATE)
                && subtype.getTypeParameters().isEmpty()
                && (subtype.getNestingKind() == NestingKind.TOP_LEVEL
                        || subtype.getNestingKind() == NestingKind.MEMBER
                                && (kind == ElementKind.RECORD || subtype.getModifiers().contains(Modifier.STATIC)));
        if (!shape) {
            diagnostics.report(Message.SUBTYPE_SHAPE, subtype, subtype.getSimpleName(), root.getSimpleName());
        }
        validateSubtypeAnnotations(root, subtype);
    }

    /** What a concrete subtype or an intermediate level must not declare: the root's annotations, an id. */
    private void validateSubtypeAnnotations(TypeElement root, TypeElement subtype) {
        AnnotationMirror strategy = Annotations.mirror(subtype, Polymorphic.class).orElse(null);
        if (strategy != null) {
            diagnostics.report(Message.STRATEGY_ON_SUBTYPE, subtype, strategy, subtype.getSimpleName(),
                    root.getSimpleName());
        }
        Annotations.mirror(subtype, dev.tenantdao.annotations.VendorScoped.class).ifPresent(vendorScoped ->
                diagnostics.report(Message.VENDOR_SCOPED_ON_SUBTYPE, subtype, vendorScoped, subtype.getSimpleName(),
                        root.getSimpleName()));
        Annotations.mirror(subtype, dev.tenantdao.annotations.SoftDelete.class).ifPresent(softDelete ->
                diagnostics.report(Message.SOFT_DELETE_ON_SUBTYPE, subtype, softDelete, subtype.getSimpleName(),
                        root.getSimpleName()));
        AnnotationMirror entity = Annotations.mirror(subtype, Entity.class).orElse(null);
        if (entity != null) {
            diagnostics.report(Message.SUBTYPE_IS_ENTITY, subtype, entity, subtype.getSimpleName(), root.getSimpleName());
        }
        for (Element member : subtype.getEnclosedElements()) {
            AnnotationMirror id = Annotations.mirror(member, Id.class).orElse(null);
            if (id != null && (member.getKind() == ElementKind.FIELD || member.getKind() == ElementKind.METHOD
                    && subtype.getKind() != ElementKind.RECORD && subtype.getKind() != ElementKind.INTERFACE)) {
                diagnostics.report(Message.SUBTYPE_REDECLARES_ID, member, id,
                        subtype.getSimpleName() + "." + member.getSimpleName(), root.getSimpleName());
            }
        }
    }

    /**
     * Reports a type of this compilation that extends a root whose subtypes are listed but is not
     * listed: the DAO would meet its rows and not know them.
     */
    public void validateUnlisted(TypeElement root, List<TypeElement> subtypes, Iterable<? extends Element> compiled) {
        if (root.getModifiers().contains(Modifier.SEALED)) {
            return;
        }
        for (Element element : compiled) {
            if (element instanceof TypeElement type) {
                if (!subtypes.contains(type) && !type.equals(root) && Hierarchies.isDirectSubtype(type, root, types)) {
                    diagnostics.report(Message.SUBTYPE_NOT_LISTED, type, type.getSimpleName(), root.getSimpleName(),
                            root.getSimpleName());
                }
                validateUnlisted(root, subtypes, type.getEnclosedElements());
            }
        }
    }

    /**
     * A fallback's view of the discriminator is a read-only String; its own properties can be null
     * (a row of an unknown value has none of its columns).
     */
    private void validateFallback(EntityModel fallback, Hierarchy hierarchy) {
        fallback.discriminatorProperty().ifPresent(property -> {
            if (!property.type().toString().equals("java.lang.String") || property.mapping().insertable()) {
                AnnotationMirror column = Annotations.mirror(property.element(), dev.tenantdao.annotations.Column.class)
                        .orElse(null);
                diagnostics.report(Message.FALLBACK_DISCRIMINATOR, property.element(), column,
                        fallback.name() + "." + property.name(), hierarchy.discriminator(), hierarchy.discriminator());
            }
        });
        for (Property property : fallback.ownProperties()) {
            if (property.type().getKind().isPrimitive()) {
                diagnostics.report(Message.FALLBACK_PRIMITIVE, property.element(), fallback.name() + "." + property.name(),
                        property.type(), types.boxedClass((javax.lang.model.type.PrimitiveType) property.type())
                                .getSimpleName());
            }
        }
    }

    /** The table of a joined subtype or level: a usable name, and no other entity's of the hierarchy. */
    private void validateTable(Element owner, String name, String table, Map<String, String> byTable) {
        AnnotationMirror annotation = Annotations.mirror(owner, Subtype.class).orElse(null);
        if (!Identifiers.isUsable(table)) {
            diagnostics.report(Message.INVALID_IDENTIFIER, owner, annotation, Annotations.explicitValue(annotation, "table"),
                    table, "table");
            return;
        }
        String sameTable = byTable.putIfAbsent(table, name);
        if (sameTable != null) {
            diagnostics.report(Message.DUPLICATE_SUBTYPE_TABLE, owner, annotation, Annotations.explicitValue(annotation, "table"),
                    table, name, sameTable);
        }
    }

    /** Checks what the subtypes of a read hierarchy must agree on. */
    public void validateSubtypes(EntityModel root) {
        HierarchyRoot kind = HierarchyRoot.of(root);
        Hierarchy hierarchy = kind.hierarchy();
        Map<String, EntityModel> byValue = new HashMap<>();
        Map<String, String> byTable = new HashMap<>();        // a table, and whose table it is
        byTable.put(root.table(), root.name());
        java.util.Set<javax.lang.model.element.TypeElement> levels = new java.util.HashSet<>();
        Map<String, Property> byColumn = new HashMap<>();
        Map<Property, EntityModel> owner = new HashMap<>();
        EntityModel fallback = null;
        for (EntityModel subtype : kind.subtypes()) {
            EntityKind.Subtype position = EntityKind.Subtype.of(subtype);
            AnnotationMirror annotation = Annotations.mirror(subtype.element(), Subtype.class).orElse(null);
            if (position.fallback()) {
                if (fallback != null) {
                    diagnostics.report(Message.TWO_FALLBACKS, subtype.element(), annotation,
                            Annotations.explicitValue(annotation, "fallback"), subtype.name(), root.name(),
                            fallback.name());
                } else {
                    fallback = subtype;
                }
                validateFallback(subtype, hierarchy);
            }
            EntityModel earlier = byValue.putIfAbsent(position.value(), subtype);
            if (earlier != null) {
                diagnostics.report(Message.DUPLICATE_DISCRIMINATOR, subtype.element(), annotation,
                        Annotations.explicitValue(annotation, "value"), position.value(), subtype.name(), earlier.name());
            }
            if (hierarchy.isJoined()) {
                for (EntityKind.LevelTable level : position.levelTables()) {
                    if (levels.add(level.level())) {
                        validateTable(level.level(), level.level().getSimpleName().toString(), level.table(), byTable);
                    }
                }
                validateTable(subtype.element(), subtype.name(), position.table().orElseThrow(), byTable);
                continue;
            }
            for (Property property : subtype.ownProperties()) {
                Property first = byColumn.putIfAbsent(property.column(), property);
                if (first == null) {
                    owner.put(property, subtype);
                } else if (property.valueType() != null && first.valueType() != null
                        && !property.sqlType().equals(first.sqlType())) {
                    diagnostics.report(Message.SUBTYPE_COLUMN_TYPE, property.element(),
                            Annotations.mirror(property.element(), dev.tenantdao.annotations.Column.class).orElse(null),
                            Annotations.columnValue(property.element(), "name"), subtype.name() + "." + property.name(), property.column(), property.sqlType(),
                            owner.get(first).name() + "." + first.name(), first.sqlType());
                }
            }
        }
    }
}
