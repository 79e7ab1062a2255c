package dev.tenantdao.processor.validate;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Transient;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Reference;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.read.Annotations;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Judges entities: every misuse becomes an error on the narrowest element, and every error of an
 * entity is reported (not just the first). The DAO writer runs only for entities without errors.
 */
public final class EntityValidator {

    private final Diagnostics diagnostics;
    private final Elements elements;

    public EntityValidator(Diagnostics diagnostics, Elements elements) {
        this.diagnostics = diagnostics;
        this.elements = elements;
    }

    /**
     * Checks that {@code type} can be read as an entity at all (a concrete, static, visible,
     * non-generic class or record).
     *
     * @return whether it can; when it cannot, the errors are reported
     */
    public boolean validateShape(TypeElement type) {
        int before = diagnostics.errorCount();
        ElementKind kind = type.getKind();
        if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
            diagnostics.report(Message.ENTITY_NOT_CLASS, type, entityAnnotation(type),
                    kind.toString().toLowerCase(java.util.Locale.ROOT), type.getSimpleName());
            return false;
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.report(Message.ENTITY_ABSTRACT, type, type.getSimpleName());
        }
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)
                && kind == ElementKind.CLASS) {
            diagnostics.report(Message.ENTITY_INNER_CLASS, type, type.getSimpleName());
        } else if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            diagnostics.report(Message.ENTITY_INNER_CLASS, type, type.getSimpleName());
        }
        for (Element enclosing = type; enclosing instanceof TypeElement; enclosing = enclosing.getEnclosingElement()) {
            if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
                diagnostics.report(Message.ENTITY_PRIVATE, type, type.getSimpleName(),
                        elements.getPackageOf(type).getQualifiedName());
                break;
            }
        }
        if (!type.getTypeParameters().isEmpty()) {
            diagnostics.report(Message.ENTITY_GENERIC, type, type.getSimpleName());
        }
        return diagnostics.errorCount() == before;
    }

    /**
     * Checks a read entity.
     *
     * @return whether it is valid; when it is not, every error is reported
     */
    public boolean validate(EntityModel entity) {
        int before = diagnostics.errorCount();
        validateTable(entity);
        validateTenancy(entity);
        validateIds(entity);
        validateTenantIds(entity);
        validateColumns(entity);
        validateRecordComponents(entity);
        validateReferences(entity);
        validateConstruction(entity);
        return diagnostics.errorCount() == before;
    }

    private void validateTable(EntityModel entity) {
        if (!Identifiers.isUsable(entity.table())) {
            AnnotationMirror mirror = entityAnnotation(entity.element());
            diagnostics.report(Message.INVALID_IDENTIFIER, entity.element(), mirror,
                    Annotations.explicitValue(mirror, "table"), entity.table(), "table");
        }
    }

    private void validateTenancy(EntityModel entity) {
        Tenancy tenancy = entity.tenancy();
        if (tenancy == null) {
            return;
        }
        if (tenancy.isRow() && !Identifiers.isUsable(tenancy.column())) {
            diagnostics.report(Message.INVALID_IDENTIFIER, tenancy.annotated(), tenancy.annotation(),
                    Annotations.explicitValue(tenancy.annotation(), "column"), tenancy.column(), "tenant column");
        }
    }

    private void validateIds(EntityModel entity) {
        List<Property> ids = entity.ids();
        if (ids.isEmpty()) {
            diagnostics.report(Message.NO_ID, entity.element(), entity.name());
        }
        for (Property extra : ids.subList(Math.min(1, ids.size()), ids.size())) {
            diagnostics.report(Message.TWO_IDS, extra.element(), mirror(extra, Id.class),
                    entity.name(), ids.get(0).name());
        }
        for (Property id : ids) {
            if (id.generated() && id.valueType() != null && !id.valueType().canBeGeneratedId()) {
                AnnotationMirror mirror = mirror(id, Id.class);
                diagnostics.report(Message.GENERATED_ID_TYPE, id.element(), mirror,
                        Annotations.explicitValue(mirror, "generated"), id.type());
            }
            if (id.nullableDeclared()) {
                AnnotationMirror mirror = mirror(id, Column.class);
                diagnostics.report(Message.NULLABLE_ID, id.element(), mirror,
                        Annotations.explicitValue(mirror, "nullable"), describe(entity, id));
            }
            if (id.tenantId()) {
                diagnostics.report(Message.TENANT_ID_ON_ID, id.element(), mirror(id, TenantId.class),
                        describe(entity, id));
            }
        }
    }

    private void validateTenantIds(EntityModel entity) {
        Property first = null;
        for (Property property : entity.properties()) {
            if (!property.tenantId() || property.id()) {
                continue;
            }
            AnnotationMirror mirror = mirror(property, TenantId.class);
            Tenancy tenancy = entity.tenancy();
            if (tenancy == null) {
                diagnostics.report(Message.TENANT_ID_NOT_TENANTED, property.element(), mirror,
                        describe(entity, property), entity.name());
            } else if (!tenancy.isRow()) {
                diagnostics.report(Message.TENANT_ID_NEEDS_ROW, property.element(), mirror,
                        describe(entity, property), entity.name(), tenancy.strategy());
            } else if (!property.type().toString().equals(tenancy.javaType())) {
                diagnostics.report(Message.TENANT_ID_TYPE, property.element(), mirror,
                        describe(entity, property), tenancy.javaType(), tenancy.columnType());
            }
            if (first != null) {
                diagnostics.report(Message.TWO_TENANT_IDS, property.element(), mirror,
                        entity.name(), first.name());
            }
            first = property;
        }
    }

    private void validateColumns(EntityModel entity) {
        Map<String, Property> byColumn = new LinkedHashMap<>();
        Tenancy tenancy = entity.tenancy();
        for (Property property : entity.properties()) {
            if (property.valueType() == null) {
                diagnostics.report(Message.UNSUPPORTED_TYPE, property.element(),
                        describe(entity, property), property.type(), ValueType.SUPPORTED);
            } else if (property.valueType().isPrimitive() && property.nullableDeclared()) {
                AnnotationMirror mirror = mirror(property, Column.class);
                diagnostics.report(Message.NULLABLE_PRIMITIVE, property.element(), mirror,
                        Annotations.explicitValue(mirror, "nullable"), describe(entity, property),
                        property.type(), boxName(property.valueType()));
            }
            if (!property.tenantId()) {
                if (!Identifiers.isUsable(property.column())) {
                    AnnotationMirror mirror = mirror(property, Column.class);
                    diagnostics.report(Message.INVALID_IDENTIFIER, property.element(), mirror,
                            Annotations.explicitValue(mirror, "name"), property.column(), "column");
                } else if (tenancy != null && property.column().equals(tenancy.column())) {
                    diagnostics.report(Message.TENANT_COLUMN_AS_FIELD, property.element(),
                            describe(entity, property), property.column(), entity.name());
                }
            }
            Property earlier = byColumn.putIfAbsent(property.column(), property);
            if (earlier != null && !(tenancy != null && property.column().equals(tenancy.column()))) {
                diagnostics.report(Message.DUPLICATE_COLUMN, property.element(), mirror(property, Column.class),
                        property.column(), describe(entity, earlier));
            }
            if (property.read() == null) {
                String capitalized = Names.capitalize(property.name());
                diagnostics.report(Message.NOT_READABLE, property.element(), describe(entity, property),
                        "get" + capitalized, "is" + capitalized, property.name());
            }
        }
    }

    private void validateRecordComponents(EntityModel entity) {
        if (!entity.isRecord()) {
            return;
        }
        for (Property property : entity.properties()) {
            if (property.element().getAnnotation(Transient.class) != null) {
                diagnostics.report(Message.TRANSIENT_RECORD_COMPONENT, property.element(),
                        mirror(property, Transient.class), property.name());
            }
        }
    }

    private void validateReferences(EntityModel entity) {
        for (Property property : entity.properties()) {
            Reference reference = property.reference();
            if (reference == null) {
                continue;
            }
            AnnotationValue value = Annotations.explicitValue(reference.annotation(), "value");
            if (!reference.isEntity()) {
                diagnostics.report(Message.REFERENCE_NOT_ENTITY, property.element(), reference.annotation(), value,
                        reference.targetName(), describe(entity, property), reference.targetName());
                continue;
            }
            if (reference.idType() != null && property.valueType() != null
                    && !reference.idType().sqlType().equals(property.valueType().sqlType())) {
                diagnostics.report(Message.REFERENCE_TYPE, property.element(), describe(entity, property),
                        property.type(), reference.targetName(), reference.idType().sqlType());
            }
            Tenancy source = entity.tenancy();
            Tenancy target = reference.tenancy();
            if (target == null) {
                continue;
            }
            if (source == null) {
                diagnostics.report(Message.REFERENCE_FROM_SHARED, property.element(), reference.annotation(), value,
                        describe(entity, property), reference.targetName(), entity.name());
            } else if (!source.compatibleWith(target)) {
                diagnostics.report(Message.REFERENCE_ACROSS_TENANCY, property.element(), reference.annotation(), value,
                        describe(entity, property), reference.targetName(), target.describe(), entity.name(),
                        source.describe());
            }
        }
    }

    private void validateConstruction(EntityModel entity) {
        Construction construction = entity.construction();
        if (construction == null) {
            diagnostics.report(Message.NO_CONSTRUCTOR, entity.element(), entity.name(),
                    String.join(", ", entity.properties().stream().map(Property::name).toList()));
            return;
        }
        if (construction.kind() == Construction.Kind.SETTERS) {
            for (Property property : entity.properties()) {
                if (property.write() == null) {
                    diagnostics.report(Message.NOT_WRITABLE, property.element(), describe(entity, property),
                            "set" + Names.capitalize(property.name()), property.type());
                }
            }
        }
    }

    private static String describe(EntityModel entity, Property property) {
        return entity.name() + "." + property.name();
    }

    private static String boxName(ValueType type) {
        return switch (type) {
            case PRIMITIVE_LONG -> "Long";
            case PRIMITIVE_INT -> "Integer";
            case PRIMITIVE_SHORT -> "Short";
            case PRIMITIVE_DOUBLE -> "Double";
            case PRIMITIVE_FLOAT -> "Float";
            case PRIMITIVE_BOOLEAN -> "Boolean";
            default -> type.name();
        };
    }

    private static AnnotationMirror mirror(Property property, Class<?> annotation) {
        return Annotations.mirror(property.element(), annotation).orElse(null);
    }

    private static AnnotationMirror entityAnnotation(Element type) {
        return Annotations.mirror(type, Entity.class).orElse(null);
    }
}
