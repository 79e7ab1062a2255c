package dev.tenantdao.processor.validate;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.PartitionedByTenant;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Transient;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.Embedded;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.Mapping;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Reference;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.SqlTypeNames;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.read.Annotations;
import dev.tenantdao.processor.read.Hierarchies;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.Identifiers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Judges entities: every misuse becomes an error on the narrowest element, and every error of an
 * entity is reported (not just the first). The DAO writer runs only for entities without errors.
 */
public final class EntityValidator {

    private final Diagnostics diagnostics;
    private final Elements elements;
    private final Types typeUtils;

    public EntityValidator(Diagnostics diagnostics, Elements elements, Types types) {
        this.diagnostics = diagnostics;
        this.elements = elements;
        this.typeUtils = types;
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
            diagnostics.report(Message.ENTITY_GENERIC, type.getTypeParameters().get(0), type.getSimpleName());
        }
        return diagnostics.errorCount() == before;
    }

    /**
     * Checks a read entity. A subtype of a {@code @Polymorphic} hierarchy is judged on what is its
     * own: its own properties (and how they clash with the root's), its own hooks, and how it is
     * constructed; the root's table, tenancy, id, hooks and properties are the root's, judged once
     * when the root is.
     *
     * @return whether it is valid; when it is not, every error is reported
     */
    public boolean validate(EntityModel entity) {
        int before = diagnostics.errorCount();
        if (!isSubtype(entity)) {
            validateTable(entity);
            validateTenancy(entity);
            validateVendorScope(entity);
            validatePartitioning(entity);
            validateIds(entity);
        }
        validateTenantIds(entity);
        validateVendorIds(entity);
        validateEmbedded(entity);
        validateColumns(entity);
        validateRecordComponents(entity);
        validateReferences(entity);
        validateMapping(entity);
        validateHooks(entity);      // its own (a subtype's inherited hooks are judged with the type declaring them)
        validateAudit(entity);
        validateSoftDeletion(entity);
        if (!(entity.kind() instanceof HierarchyRoot)) {
            validateConstruction(entity);       // a root is abstract: only its subtypes are created
        }
        return diagnostics.errorCount() == before;
    }

    /**
     * Checks an intermediate level of a hierarchy: its own hooks and listeners (its columns are its
     * concrete subtypes', judged with them).
     */
    public boolean validateLevel(EntityModel level) {
        int before = diagnostics.errorCount();
        validateHooks(level);
        return diagnostics.errorCount() == before;
    }

    private static boolean isSubtype(EntityModel entity) {
        return entity.kind() instanceof EntityKind.Subtype;
    }

    /**
     * The properties {@code entity}'s validation judges: a subtype's own (the root's are judged with
     * the root), else all of them. Checks across properties still see all of them, and report on
     * the later one only when it is judged here.
     */
    private static List<Property> judged(EntityModel entity) {
        return isSubtype(entity) ? entity.ownProperties() : entity.properties();
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
        Tenancy.Vendor vendor = tenancy.vendor();
        if (vendor != null) {
            AnnotationValue column = Annotations.explicitValue(vendor.annotation(), "column");
            if (!Identifiers.isUsable(vendor.column())) {
                diagnostics.report(Message.INVALID_IDENTIFIER, vendor.annotated(), vendor.annotation(), column,
                        vendor.column(), "vendor column");
            } else if (tenancy.isRow() && vendor.column().equals(tenancy.column())) {
                diagnostics.report(Message.VENDOR_COLUMN_IS_TENANT_COLUMN, vendor.annotated(), vendor.annotation(),
                        column, vendor.column(), entity.name());
            }
        }
    }

    /** {@code @VendorScoped} on an entity that is not tenanted: the reader dropped it with the tenancy. */
    private void validateVendorScope(EntityModel entity) {
        if (entity.tenancy() == null) {
            Annotations.mirror(entity.element(), dev.tenantdao.annotations.VendorScoped.class).ifPresent(mirror ->
                    diagnostics.report(Message.VENDOR_SCOPED_NOT_TENANTED, entity.element(), mirror, entity.name(),
                            entity.name()));
        }
    }

    private void validateVendorIds(EntityModel entity) {
        List<Property> judged = judged(entity);
        for (Property property : judged) {
            if (!property.vendorId()) {
                continue;
            }
            AnnotationMirror mirror = mirror(property, dev.tenantdao.annotations.VendorId.class);
            Tenancy tenancy = entity.tenancy();
            if (tenancy == null || !tenancy.vendorScoped()) {
                diagnostics.report(Message.VENDOR_ID_NOT_VENDOR_SCOPED, property.element(), mirror,
                        describe(entity, property), entity.name());
            } else if (!property.type().toString().equals(tenancy.javaType())) {
                diagnostics.report(Message.VENDOR_ID_TYPE, property.element(), mirror, describe(entity, property),
                        property.type(), tenancy.sqlType(), tenancy.javaType(), tenancy.javaType());
            }
        }
    }

    private void validateIds(EntityModel entity) {
        List<Property> ids = entity.ids();
        boolean embeddedId = entity.properties().stream().anyMatch(p -> p.isEmbedded()
                && Annotations.mirror(p.embedded().element(), Id.class).isPresent());
        if (ids.isEmpty() && !embeddedId) {       // an @Embedded @Id is reported once, by validateEmbedded
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
        List<Property> judged = judged(entity);
        for (Property property : entity.properties()) {
            if (!property.tenantId() || property.id()) {
                continue;
            }
            if (!judged.contains(property)) {
                first = first == null ? property : first;
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
                        describe(entity, property), property.type(), tenancy.columnType(), tenancy.javaType(),
                        tenancy.javaType());
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
        List<Property> judged = judged(entity);
        for (Property property : entity.properties()) {
            if (!judged.contains(property)) {
                byColumn.putIfAbsent(property.column(), property);
                continue;
            }
            if (property.isEmbedded() && !property.embedded().flattened()) {
                continue;       // an embedded value not taken apart: validateEmbedded reports why
            }
            boolean badElement = (property.valueType() == ValueType.LIST || property.valueType() == ValueType.ARRAY)
                    && (property.mapping().elementType() == null || !property.mapping().elementType().canBeArrayElement());
            if (property.mapping().converter() != null) {
                validateConverter(entity, property);
            } else if (property.valueType() == null || badElement) {
                diagnostics.report(Message.UNSUPPORTED_TYPE, property.element(),
                        describe(entity, property), property.type(), ValueType.SUPPORTED);
            } else if (property.valueType().isPrimitive() && property.nullableDeclared()) {
                AnnotationMirror mirror = mirror(property, Column.class);
                diagnostics.report(Message.NULLABLE_PRIMITIVE, property.element(), mirror,
                        Annotations.explicitValue(mirror, "nullable"), describe(entity, property),
                        property.type(), boxName(property.valueType()));
            }
            if (!property.scopeColumn()) {
                if (!Identifiers.isUsable(property.column())) {
                    AnnotationMirror mirror = mirror(property, Column.class);
                    diagnostics.report(Message.INVALID_IDENTIFIER, property.element(), mirror,
                            Annotations.explicitValue(mirror, "name"), property.column(), "column");
                } else if (tenancy != null && property.column().equals(tenancy.column()) && property.isEmbedded()) {
                    reportReserved(entity, property, "the tenant column of " + entity.name());
                } else if (tenancy != null && tenancy.vendorScoped() && property.column().equals(tenancy.vendor().column())
                        && property.isEmbedded()) {
                    reportReserved(entity, property, "the vendor column of " + entity.name());
                } else if (tenancy != null && property.column().equals(tenancy.column())) {
                    diagnostics.report(Message.TENANT_COLUMN_AS_FIELD, property.element(), mirror(property, Column.class),
                            Annotations.columnValue(property.element(), "name"), describe(entity, property),
                            property.column(), entity.name());
                } else if (tenancy != null && tenancy.vendorScoped() && property.column().equals(tenancy.vendor().column())) {
                    diagnostics.report(Message.VENDOR_COLUMN_AS_FIELD, property.element(), mirror(property, Column.class),
                            Annotations.columnValue(property.element(), "name"), describe(entity, property),
                            property.column(), entity.name());
                }
            }
            if (entity.kind() instanceof InHierarchy member && property.column().equals(member.hierarchy().discriminator())
                    && property.isEmbedded()) {
                reportReserved(entity, property, "the discriminator column of " + member.hierarchy().rootType().simpleName());
            } else if (entity.kind() instanceof InHierarchy member && property.column().equals(member.hierarchy().discriminator())) {
                diagnostics.report(Message.DISCRIMINATOR_COLUMN_TAKEN, property.element(), mirror(property, Column.class),
                        Annotations.columnValue(property.element(), "name"), describe(entity, property), property.column(), member.hierarchy().rootType().simpleName());
            }
            Property earlier = byColumn.putIfAbsent(property.column(), property);
            boolean tenantColumn = tenancy != null && property.column().equals(tenancy.column());  // reported above
            if (earlier != null && property.isEmbedded() && !tenantColumn) {
                // a prefix made the collision: reported on the embedded property, naming both
                diagnostics.report(Message.EMBEDDED_COLUMN_TAKEN, property.embedded().element(),
                        property.embedded().annotation(), describe(entity, property), property.column(),
                        describe(entity, earlier));
            } else if (earlier != null && !tenantColumn) {
                diagnostics.report(Message.DUPLICATE_COLUMN, property.element(), mirror(property, Column.class),
                        Annotations.columnValue(property.element(), "name"), property.column(), describe(entity, earlier));
            }
            if (property.read() == null) {
                // a component of an embedded value is read from the value, by its own name; reported on the
                // @Embedded property, in the entity's source (a value type on the class path, a JDK type, has none)
                String name = property.isEmbedded() ? property.name().substring(property.ownerName().length() + 1)
                        : property.name();
                String capitalized = Names.capitalize(name);
                diagnostics.report(Message.NOT_READABLE, property.isEmbedded() ? property.embedded().element()
                        : property.element(), property.isEmbedded() ? property.embedded().annotation() : null,
                        describe(entity, property), "get" + capitalized, "is" + capitalized, name);
            }
        }
    }

    /**
     * A component column of an embedded value that its prefix made one the entity reserves ({@code
     * reserved} says which): reported on the {@code @Embedded} property's prefix (or the annotation),
     * in the entity's source, not on the value type's component, which other entities share.
     */
    private void reportReserved(EntityModel entity, Property property, String reserved) {
        Embedded embedded = property.embedded();
        diagnostics.report(Message.EMBEDDED_COLUMN_RESERVED, embedded.element(), embedded.annotation(),
                Annotations.explicitValue(embedded.annotation(), "prefix"), describe(entity, property), property.column(),
                reserved);
    }

    private void validateConverter(EntityModel entity, Property property) {
        ConverterModel converter = property.mapping().converter();
        String converterName = converter.converter().getSimpleName().toString();
        // the property's own @Convert(...) class literal; a registered converter is reported on the property
        AnnotationMirror annotation = converter.declaredOn() == property.element() ? converter.annotation() : null;
        AnnotationValue value = Annotations.explicitValue(annotation, "value");
        if (!converter.isConverter()) {
            diagnostics.report(Message.NOT_A_CONVERTER, property.element(), annotation, value, converterName);
            return;
        }
        if (property.id()) {
            diagnostics.report(Message.CONVERTER_ON_ID, property.element(), annotation, describe(entity, property));
        }
        if (!typeUtils.isSameType(converter.javaType(), property.type())) {
            diagnostics.report(Message.CONVERTER_TYPE, property.element(), annotation, value, converterName,
                    converter.javaType(), describe(entity, property), property.type());
        }
        if (property.valueType() == null || property.valueType() == ValueType.LIST
                || property.valueType() == ValueType.ARRAY || property.valueType().isPrimitive()) {
            diagnostics.report(Message.CONVERTER_COLUMN_TYPE, property.element(), annotation, value, converterName,
                    converter.databaseType(), ValueType.SUPPORTED);
        }
        if (!converter.isInstantiable()) {
            diagnostics.report(Message.CONVERTER_NOT_INSTANTIABLE, property.element(), annotation, value, converterName);
        }
    }

    private void validateMapping(EntityModel entity) {
        for (Property property : judged(entity)) {
            Mapping mapping = property.mapping();
            String customType = mapping.customType();
            AnnotationMirror column = mapping.columnAnnotation();
            if (customType != null) {
                AnnotationValue value = Annotations.explicitValue(column, "type");
                if (!SQL_TYPE.matcher(customType).matches()) {
                    diagnostics.report(Message.INVALID_SQL_TYPE, property.element(), column, value, customType);
                } else if (property.valueType() != ValueType.STRING && property.valueType() != ValueType.ENUM) {
                    diagnostics.report(Message.CUSTOM_TYPE_NEEDS_TEXT, property.element(), column, value, customType,
                            describe(entity, property), property.type());
                } else if (property.valueType() == ValueType.ENUM && SqlTypeNames.isOtherBuiltIn(customType)) {
                    diagnostics.report(Message.ENUM_IN_BUILT_IN_TYPE, property.element(), column, value, customType,
                            describe(entity, property), property.type());
                }
            }
            if (mapping.defaultSql() != null && mapping.generatedAs() != null) {
                diagnostics.report(Message.DEFAULT_AND_GENERATED, property.element(), column,
                        Annotations.explicitValue(column, "generatedAs"), describe(entity, property));
            }
            if (!mapping.insertable() && mapping.defaultSql() == null && mapping.generatedAs() == null
                    && property.notNull() && !property.id() && !property.tenantId() && !mapping.version()) {
                diagnostics.report(Message.NOT_INSERTABLE_WITHOUT_DEFAULT, property.element(), column,
                        Annotations.explicitValue(column, "insertable"), describe(entity, property));
            }
        }
    }

    /** A type name as PostgreSQL writes one: {@code jsonb}, {@code invoice_status}, {@code varchar(20)}. */
    private static final java.util.regex.Pattern SQL_TYPE =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*(\\(\\d+(, ?\\d+)?\\))?(\\[\\])?");

    private void validateHooks(EntityModel entity) {
        java.util.Map<HookKind, Hooks.Method> seen = new java.util.EnumMap<>(HookKind.class);
        Hooks.Level own = entity.hooks().own(entity.element());
        for (Hooks.Method hook : own.methods()) {
            ExecutableElement method = hook.element();
            String annotation = hook.kind().annotationName();
            AnnotationMirror mirror = Annotations.mirror(method, hook.kind().annotation()).orElse(null);
            Hooks.Method earlier = seen.putIfAbsent(hook.kind(), hook);
            if (earlier != null) {
                diagnostics.report(Message.HOOK_DUPLICATE, method, mirror, entity.name(), annotation, earlier.name());
            }
            if (method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.STATIC)) {
                diagnostics.report(Message.HOOK_MODIFIERS, method, mirror, annotation, hook.name());
            }
            // records, and interface roots (whose subtypes are records), are changed by returning a new one
            boolean returnsEntity = (entity.isRecord() || entity.element().getKind() == ElementKind.INTERFACE)
                    && hook.kind().replacesEntity();
            boolean returnOk = returnsEntity
                    ? typeUtils.isSameType(method.getReturnType(), entity.element().asType())
                    : method.getReturnType().getKind() == TypeKind.VOID;
            if (!method.getParameters().isEmpty() || !returnOk) {
                // on the first parameter if there is one, else on the method's name (its return type)
                Element at = method.getParameters().isEmpty() ? method : method.getParameters().get(0);
                diagnostics.report(Message.HOOK_SIGNATURE, at, annotation, hook.name(),
                        returnsEntity ? entity.name() + " (a record is changed by returning a new one)" : "void");
            }
            List<String> checked = method.getThrownTypes().stream()
                    .filter(t -> !isUnchecked(t))
                    .map(TypeMirror::toString)
                    .toList();
            if (!checked.isEmpty()) {
                diagnostics.report(Message.HOOK_THROWS, method, mirror, annotation, hook.name(),
                        String.join(", ", checked));
            }
        }
        for (Hooks.Listener listener : own.listeners()) {
            String name = listener.type().getSimpleName().toString();
            // the listener's own class literal in @Listeners({...})
            AnnotationValue entry = Annotations.entry(listener.annotation(), "value", listener.type());
            if (listener.listenedType() == null) {
                diagnostics.report(Message.NOT_A_LISTENER, entity.element(), listener.annotation(), entry, name);
                continue;
            }
            if (!typeUtils.isAssignable(entity.element().asType(), listener.listenedType())) {
                diagnostics.report(Message.LISTENER_TYPE, entity.element(), listener.annotation(), entry, name,
                        listener.listenedType(), entity.name());
            }
            if (!listener.instantiable()) {
                diagnostics.report(Message.LISTENER_NOT_INSTANTIABLE, entity.element(), listener.annotation(), entry,
                        name);
            }
        }
    }

    private void validateAudit(EntityModel entity) {
        Property first = null;
        List<Property> judged = judged(entity);
        for (Property property : entity.properties()) {
            if (!property.mapping().version()) {
                continue;
            }
            if (!judged.contains(property)) {
                first = first == null ? property : first;
                continue;
            }
            AnnotationMirror mirror = mirror(property, dev.tenantdao.annotations.Version.class);
            ValueType type = property.valueType();
            if (property.mapping().converter() != null) {
                // on the @Convert to remove (a registered converter never applies to the version)
                diagnostics.report(Message.VERSION_CONVERTER, property.element(),
                        property.mapping().converter().annotation(), describe(entity, property),
                        property.mapping().converter().converter().getQualifiedName());
            } else if (type != ValueType.PRIMITIVE_INT && type != ValueType.PRIMITIVE_LONG && type != ValueType.INTEGER
                    && type != ValueType.LONG) {
                diagnostics.report(Message.VERSION_TYPE, property.element(), mirror, describe(entity, property),
                        property.type());
            }
            if (first != null) {
                diagnostics.report(Message.TWO_VERSIONS, property.element(), mirror, entity.name(), first.name());
            }
            first = property;
        }
        if (!entity.isAudited()) {
            return;
        }
        // a hierarchy's fields are the root's and every subtype's; the root judges them once
        boolean judgesExcluded = !isSubtype(entity);
        List<Property> fields = new java.util.ArrayList<>(entity.properties());
        if (entity.kind() instanceof HierarchyRoot root) {
            root.subtypes().forEach(subtype -> fields.addAll(subtype.ownProperties()));
        }
        for (String name : judgesExcluded ? entity.audit().excluded() : List.<String>of()) {
            if (fields.stream().noneMatch(p -> p.name().equals(name))) {
                diagnostics.report(Message.EXCLUDED_FIELD_MISSING, entity.element(), entity.audit().annotation(),
                        Annotations.entry(entity.audit().annotation(), "exclude", name), name, entity.name());
            }
        }
        for (Property property : judged(entity)) {
            if (property.column().startsWith("history_") && property.isEmbedded()) {
                reportReserved(entity, property, "but columns starting with history_ are the history's own in an @Audited entity");
            } else if (property.column().startsWith("history_")) {
                diagnostics.report(Message.HISTORY_COLUMN_RESERVED, property.element(), mirror(property, Column.class),
                        Annotations.columnValue(property.element(), "name"), describe(entity, property),
                        property.column());
            }
            if (!entity.inHistory(property) && property.valueType() != null && property.valueType().isPrimitive()) {
                diagnostics.report(Message.NOT_AUDITED_PRIMITIVE, property.element(), describe(entity, property),
                        property.type());
            }
        }
    }

    /**
     * A {@code @SoftDelete} entity's column: a usable name that is not the tenant, vendor or a history
     * column (judged once, on the root of a hierarchy); a field mapping it exposes it read-only, as a
     * {@code timestamptz} type.
     */
    private void validateSoftDeletion(EntityModel entity) {
        if (!entity.isSoftDeleted()) {
            return;
        }
        dev.tenantdao.processor.model.SoftDeletion softDeletion = entity.softDeletion();
        String column = softDeletion.column();
        AnnotationMirror mirror = softDeletion.annotation();
        if (!isSubtype(entity)) {
            javax.lang.model.element.AnnotationValue value = Annotations.explicitValue(mirror, "column");
            String taken = null;
            if (entity.isTenanted() && column.equals(entity.tenancy().column())) {
                taken = "tenant column";
            } else if (entity.isVendorScoped() && column.equals(entity.tenancy().vendor().column())) {
                taken = "vendor column";
            } else if (entity.isAudited() && column.startsWith("history_")) {
                taken = "history's own column prefix, history_";
            } else if (entity.kind() instanceof InHierarchy member && column.equals(member.hierarchy().discriminator())) {
                taken = "discriminator column";
            }
            if (!Identifiers.isUsable(column)) {
                diagnostics.report(Message.INVALID_IDENTIFIER, entity.element(), mirror, value, column, "column");
            } else if (taken != null) {
                diagnostics.report(Message.SOFT_DELETE_COLUMN_TAKEN, entity.element(), mirror, value, column,
                        entity.name(), taken);
            }
        }
        for (Property property : judged(entity)) {
            if (!property.column().equals(column)) {
                continue;
            }
            ValueType type = property.valueType();
            if (property.isEmbedded()) {
                reportReserved(entity, property, "the soft-delete column of " + entity.name());
            } else if (property.mapping().converter() != null || type != ValueType.INSTANT && type != ValueType.OFFSET_DATE_TIME) {
                diagnostics.report(Message.SOFT_DELETE_COLUMN_TYPE, property.element(), describe(entity, property),
                        column, entity.name(), property.type());
            } else if (!property.mapping().databaseOwned()) {
                diagnostics.report(Message.SOFT_DELETE_COLUMN_WRITABLE, property.element(), mirror(property, Column.class),
                        Annotations.columnValue(property.element(), "name"), describe(entity, property), column,
                        entity.name());
            }
        }
    }

    /**
     * {@code @PartitionedByTenant} on an entity: it must be row-tenanted, ask for 2 to {@value
     * dev.tenantdao.annotations.PartitionedByTenant#MAX_PARTITIONS} partitions, and leave room in its
     * tables' names for the partitions' suffix.
     */
    private void validatePartitioning(EntityModel entity) {
        AnnotationMirror mirror = Annotations.mirror(entity.element(), PartitionedByTenant.class).orElse(null);
        if (mirror == null) {
            return;
        }
        Tenancy tenancy = entity.tenancy();
        if (tenancy == null || !tenancy.isRow()) {
            diagnostics.report(Message.PARTITIONED_NOT_ROW, entity.element(), mirror, entity.name(),
                    tenancy == null ? "not @Tenanted" : "tenanted per " + tenancy.strategy());
            return;
        }
        int partitions = entity.element().getAnnotation(PartitionedByTenant.class).hash();
        if (partitions < 2 || partitions > PartitionedByTenant.MAX_PARTITIONS) {
            diagnostics.report(Message.PARTITION_COUNT, entity.element(), mirror,
                    Annotations.explicitValue(mirror, "hash"), partitions, entity.name(),
                    PartitionedByTenant.MAX_PARTITIONS);
            return;
        }
        List<String> tables = new java.util.ArrayList<>(List.of(entity.table()));
        if (entity.isAudited()) {
            tables.add(entity.audit().table());
        }
        if (entity.kind() instanceof HierarchyRoot root) {
            root.subtypes().forEach(subtype -> EntityKind.Subtype.class.cast(subtype.kind()).table().ifPresent(tables::add));
        }
        for (String table : tables) {
            String longest = dev.tenantdao.annotations.internal.schema.SchemaModel.Table.partitionName(table, partitions - 1);
            if (Identifiers.isUsable(table) && !Identifiers.isUsable(longest)) {
                diagnostics.report(Message.PARTITION_NAME_TOO_LONG, entity.element(), mirror, table, entity.name(),
                        longest);
            }
        }
    }

    /** Reports {@code @SoftDelete} on a type that is not an entity. */
    public void validateSoftDeletePlacement(Element type) {
        boolean subtype = typeUtils.directSupertypes(type.asType()).stream()
                .anyMatch(s -> typeUtils.asElement(s) != null
                        && typeUtils.asElement(s).getAnnotation(dev.tenantdao.annotations.Polymorphic.class) != null);
        if (type.getAnnotation(dev.tenantdao.annotations.Entity.class) == null && !subtype) {     // a subtype: HierarchyValidator
            diagnostics.report(Message.SOFT_DELETE_NOT_ENTITY, type,
                    Annotations.mirror(type, dev.tenantdao.annotations.SoftDelete.class).orElse(null),
                    type.getSimpleName());
        }
    }

    /**
     * Reports {@code @PartitionedByTenant} on a type that is not an entity: on a subtype of a
     * hierarchy (whose root's tables are the subtypes'), or elsewhere.
     */
    public void validatePartitionedPlacement(Element type) {
        if (type.getAnnotation(dev.tenantdao.annotations.Entity.class) != null || !(type instanceof TypeElement typed)) {
            return;
        }
        AnnotationMirror mirror = Annotations.mirror(type, PartitionedByTenant.class).orElse(null);
        List<TypeMirror> supertypes = new java.util.ArrayList<>(typed.getInterfaces());
        supertypes.add(typed.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            Element root = typeUtils.asElement(supertype);
            if (root != null && root.getAnnotation(dev.tenantdao.annotations.Polymorphic.class) != null) {
                diagnostics.report(Message.PARTITIONED_ON_SUBTYPE, type, mirror, type.getSimpleName(),
                        root.getSimpleName());
                return;
            }
        }
        diagnostics.report(Message.PARTITIONED_NOT_ENTITY, type, mirror, type.getSimpleName());
    }

    /** Reports {@code @Audited} on a type that is not an entity. */
    public void validateAuditedPlacement(Element type) {
        if (type.getAnnotation(dev.tenantdao.annotations.Entity.class) == null) {
            diagnostics.report(Message.AUDITED_NOT_ENTITY, type,
                    Annotations.mirror(type, dev.tenantdao.annotations.Audited.class).orElse(null),
                    type.getSimpleName());
        }
    }

    private boolean isUnchecked(TypeMirror thrown) {
        TypeMirror runtime = elements.getTypeElement("java.lang.RuntimeException").asType();
        TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
        return typeUtils.isAssignable(thrown, runtime) || typeUtils.isAssignable(thrown, error);
    }

    /**
     * Reports hook annotations on methods of types that are not entities (the processor sees them
     * because it claims every tenantdao annotation).
     */
    public void validateHookPlacement(ExecutableElement method, HookKind kind) {
        Element type = method.getEnclosingElement();
        boolean subtype = type instanceof TypeElement t && Hierarchies.root(t, typeUtils) != null;
        if (!subtype && type.getAnnotation(dev.tenantdao.annotations.Entity.class) == null) {
            diagnostics.report(Message.HOOK_NOT_IN_ENTITY, method,
                    Annotations.mirror(method, kind.annotation()).orElse(null), kind.annotationName(),
                    method.getSimpleName(), type.getSimpleName());
        }
    }

    /**
     * Reports a mapping annotation on a method, where it means nothing: it belongs on a field or
     * record component, and on methods only on the accessors of a {@code @Polymorphic} interface root.
     * (A record component's annotation is copied to its accessor by javac; that one is fine.)
     */
    public void validateMappingOnMethod(ExecutableElement method, Class<? extends java.lang.annotation.Annotation> annotation) {
        Element type = method.getEnclosingElement();
        boolean interfaceRoot = type.getKind() == ElementKind.INTERFACE
                && method.getModifiers().contains(Modifier.ABSTRACT)
                && (Annotations.has(type, dev.tenantdao.annotations.Polymorphic.class) || joinedLevel((TypeElement) type));
        boolean recordAccessor = type.getKind() == ElementKind.RECORD
                && ((TypeElement) type).getRecordComponents().stream().anyMatch(c -> method.equals(c.getAccessor()));
        if (!interfaceRoot && !recordAccessor) {
            diagnostics.report(Message.MAPPING_ON_METHOD, method, Annotations.mirror(method, annotation).orElse(null),
                    annotation.getSimpleName(), method.getSimpleName());
        }
    }

    /** Whether {@code type} is an interface level of a JOINED hierarchy, whose accessors are columns of its table. */
    private boolean joinedLevel(TypeElement type) {
        TypeElement root = Hierarchies.root(type, typeUtils);
        return root != null && type.getModifiers().contains(Modifier.SEALED)
                && root.getAnnotation(dev.tenantdao.annotations.Polymorphic.class).strategy()
                        == dev.tenantdao.annotations.Polymorphic.Strategy.JOINED;
    }

    private void validateRecordComponents(EntityModel entity) {
        if (!entity.isRecord()) {
            return;
        }
        for (Property property : judged(entity)) {
            if (property.element().getAnnotation(Transient.class) != null) {
                diagnostics.report(Message.TRANSIENT_RECORD_COMPONENT, property.element(),
                        mirror(property, Transient.class), property.name());
            }
        }
    }

    private void validateReferences(EntityModel entity) {
        for (Property property : judged(entity)) {
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
            } else if (target.vendorScoped() && !source.vendorScoped()) {
                diagnostics.report(Message.REFERENCE_INTO_VENDOR, property.element(), reference.annotation(), value,
                        describe(entity, property), reference.targetName(), entity.name(), entity.name());
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
            List<Property> judged = judged(entity);
            java.util.Set<String> embeddedSeen = new java.util.HashSet<>();
            for (Property property : entity.properties()) {
                if (property.isEmbedded()) {
                    // the value is set on the entity; its components are set on the value (validateEmbedded)
                    Embedded embedded = property.embedded();
                    if (embedded.write() == null && embeddedSeen.add(embedded.name())) {
                        Element at = judged.contains(property) ? embedded.element() : entity.element();
                        diagnostics.report(Message.NOT_WRITABLE, at, entity.name() + "." + embedded.name(),
                                "set" + Names.capitalize(embedded.name()), embedded.type());
                    }
                    continue;
                }
                if (property.write() == null) {
                    // a subtype that cannot set one of its root's properties: the subtype is at fault
                    Element at = judged.contains(property) ? property.element() : entity.element();
                    diagnostics.report(Message.NOT_WRITABLE, at, entity.name() + "." + property.name(),
                            "set" + Names.capitalize(property.name()), property.type());
                }
            }
        }
    }

    /**
     * The {@code @Embedded} properties {@code entity} judges, once each: not on a key column, not
     * converted as a whole, a record or class that is no entity, with components, none of them
     * embedded, and which the DAO can create (its constructor, or its setters).
     */
    private void validateEmbedded(EntityModel entity) {
        java.util.Set<Element> seen = new java.util.HashSet<>();
        for (Property property : judged(entity)) {
            if (!property.isEmbedded() || !seen.add(property.embedded().element())) {
                continue;
            }
            Embedded embedded = property.embedded();
            Element element = embedded.element();
            String described = owner(entity, property) + "." + embedded.name();
            for (Class<? extends java.lang.annotation.Annotation> key : List.of(Id.class,
                    dev.tenantdao.annotations.Version.class, TenantId.class, dev.tenantdao.annotations.VendorId.class)) {
                Annotations.mirror(element, key).ifPresent(mirror -> diagnostics.report(Message.EMBEDDED_ON_KEY,
                        element, mirror, described, key.getSimpleName()));
            }
            Annotations.mirror(element, dev.tenantdao.annotations.Convert.class).ifPresent(mirror -> diagnostics.report(
                    Message.EMBEDDED_CONVERTER, element, mirror, described, embedded.type()));
            // a column's type, constraints and defaults belong to each component, not to the value
            Annotations.mirror(element, Column.class).ifPresent(mirror -> mirror.getElementValues().forEach((key, value) -> {
                String attribute = key.getSimpleName().toString();
                if (!attribute.equals("name") && !attribute.equals("nullable")) {
                    diagnostics.report(Message.EMBEDDED_COLUMN_ATTRIBUTE, element, mirror, value, attribute, described,
                            attribute, embedded.type());
                }
            }));
            if (embedded.valueElement() == null) {
                diagnostics.report(Message.EMBEDDED_NOT_VALUE, element, embedded.annotation(), described, embedded.type());
                continue;
            }
            if (embedded.isEntity()) {
                diagnostics.report(Message.EMBEDDED_ENTITY, element, embedded.annotation(), described, embedded.type());
                continue;
            }
            if (embedded.components().isEmpty()) {
                diagnostics.report(Message.EMBEDDED_NO_COMPONENTS, element, embedded.annotation(), described,
                        embedded.type());
                continue;
            }
            String valueName = embedded.valueElement().getSimpleName().toString();
            for (Element nested : embedded.nested()) {
                diagnostics.report(Message.EMBEDDED_NESTED, nested,
                        Annotations.mirror(nested, dev.tenantdao.annotations.Embedded.class).orElse(null),
                        valueName + "." + nested.getSimpleName(), valueName, valueName);
            }
            if (!embedded.nested().isEmpty()) {
                continue;
            }
            // the entity's one-column roles are the entity's: inside a value they would be plain columns
            java.util.Map<Class<? extends java.lang.annotation.Annotation>, String> roles = new LinkedHashMap<>();
            roles.put(Id.class, "id");
            roles.put(dev.tenantdao.annotations.Version.class, "version");
            roles.put(TenantId.class, "tenant");
            roles.put(dev.tenantdao.annotations.VendorId.class, "vendor");
            for (Property component : entity.properties()) {
                if (embedded.equals(component.embedded())) {
                    String name = component.name().substring(embedded.name().length() + 1);
                    roles.forEach((role, what) -> Annotations.mirror(component.element(), role).ifPresent(mirror ->
                            diagnostics.report(Message.EMBEDDED_COMPONENT_KEY, component.element(), mirror,
                                    valueName + "." + name, role.getSimpleName(), valueName, what)));
                }
            }
            String entityPackage = elements.getPackageOf(entity.element()).getQualifiedName().toString();
            if (embedded.construction() == null) {
                diagnostics.report(Message.EMBEDDED_NO_CONSTRUCTOR, element, embedded.annotation(), described,
                        embedded.type(), String.join(", ", embedded.components()));
            } else if (embedded.construction().kind() == Construction.Kind.SETTERS) {
                for (Property component : entity.properties()) {
                    if (embedded.equals(component.embedded()) && component.write() == null) {
                        String name = component.name().substring(embedded.name().length() + 1);
                        diagnostics.report(Message.EMBEDDED_NOT_WRITABLE, component.element(),
                                valueName + "." + name, valueName, "set" + Names.capitalize(name), component.type());
                    }
                }
            }
            if (embedded.construction() != null
                    && !elements.getPackageOf(embedded.valueElement()).getQualifiedName().contentEquals(entityPackage)) {
                // the DAO, in the entity's package, uses the value's members the reader found (any but private)
                entity.properties().stream().filter(p -> embedded.equals(p.embedded()) && p.read() != null)
                        .map(p -> dev.tenantdao.processor.read.Visibility.hiddenInValue(elements, embedded, p))
                        .flatMap(java.util.Optional::stream).findFirst()
                        .ifPresent(hidden -> diagnostics.report(Message.EMBEDDED_HIDDEN, element, embedded.annotation(),
                                described, embedded.type(), hidden, entity.name(), entityPackage, embedded.type(),
                                entityPackage));
            }
        }
    }

    /** {@code Entity.field}; a root's property is named by the root, also when judged through a subtype. */
    private static String describe(EntityModel entity, Property property) {
        return owner(entity, property) + "." + property.name();
    }

    /** The entity a property is named by: the root of a hierarchy for a root's property, else {@code entity}. */
    private static String owner(EntityModel entity, Property property) {
        return entity.kind() instanceof InHierarchy member && entity.rootProperties().contains(property)
                ? member.hierarchy().rootType().simpleName() : entity.name();
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
