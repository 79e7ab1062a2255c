package dev.tenantdao.processor.read;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.NotAudited;
import dev.tenantdao.annotations.Version;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.References;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.VendorId;
import dev.tenantdao.annotations.VendorScoped;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Transient;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Audit;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.SoftDeletion;
import dev.tenantdao.processor.model.SqlTypeNames;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Embedded;
import dev.tenantdao.processor.model.Hierarchy;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Mapping;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Reference;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.ValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads an {@code @Entity} type into an {@link EntityModel}. Records facts without judging them:
 * whatever it finds wrong (an unsupported type, an unreadable field) it leaves in the model for
 * the validator to report.
 */
public final class EntityReader {

    private final Elements elements;
    private final Types types;
    private final boolean rowLevelSecurityDefault;
    /** The operators' group role (processor option {@code tenantdao.operatorRole}), or null: no operator access. */
    private final String operatorRole;

    /**
     * @param rowLevelSecurityDefault whether row-tenanted entities use row-level security when
     *     their {@code @Tenanted} does not say (processor option {@code tenantdao.rowLevelSecurity})
     */
    public EntityReader(Elements elements, Types types, boolean rowLevelSecurityDefault) {
        this(elements, types, rowLevelSecurityDefault, null);
    }

    /**
     * @param operatorRole the group role whose members may read across tenants (processor option
     *     {@code tenantdao.operatorRole}), or null when the compilation grants no operator access
     */
    public EntityReader(Elements elements, Types types, boolean rowLevelSecurityDefault, String operatorRole) {
        this.elements = elements;
        this.types = types;
        this.rowLevelSecurityDefault = rowLevelSecurityDefault;
        this.operatorRole = operatorRole;
    }

    public EntityModel read(TypeElement type) {
        Tenancy tenancy = tenancy(type);
        boolean isRecord = type.getKind() == ElementKind.RECORD;
        List<Property> properties = isRecord ? recordProperties(type, type, tenancy) : classProperties(type, type, tenancy);
        Construction construction = isRecord
                ? Construction.constructor(properties.stream().map(Property::ownerName).distinct().toList())
                : construction(type, properties);
        String table = table(type);
        return new EntityModel(type, ClassName.get(type), table, isRecord, tenancy, properties, construction,
                hooks(type), audit(type, table), new EntityKind.Standalone(), softDeletion(type));
    }

    /**
     * Reads a {@code @Polymorphic} root and its subtypes: the root's model (no construction: it is
     * abstract) holding one model per subtype, each with the root's properties, then its own.
     */
    public EntityModel readHierarchy(TypeElement root) {
        Tenancy tenancy = tenancy(root);
        Polymorphic polymorphic = root.getAnnotation(Polymorphic.class);
        boolean isInterface = root.getKind() == ElementKind.INTERFACE;
        List<Property> rootProperties = isInterface
                ? interfaceProperties(root, tenancy)
                : classProperties(root, root, tenancy);
        String table = table(root);
        Audit audit = audit(root, table);
        SoftDeletion softDeletion = softDeletion(root);
        Hooks hooks = hooks(root);
        Hierarchy hierarchy = new Hierarchy(polymorphic.strategy(), root, ClassName.get(root),
                Annotations.mirror(root, Polymorphic.class).orElse(null), polymorphic.discriminator());
        List<EntityModel> subtypes = new ArrayList<>();
        java.util.Map<TypeElement, String> values = new java.util.LinkedHashMap<>();
        List<Leaf> leaves = leaves(root);
        for (Leaf leaf : leaves) {
            if (leaf.type().getKind() == ElementKind.CLASS || leaf.type().getKind() == ElementKind.RECORD) {
                values.put(leaf.type(), discriminatorValue(leaf.type()));
            }
        }
        java.util.Map<TypeElement, Hooks> levelHooks = new java.util.LinkedHashMap<>();
        for (Leaf leaf : leaves) {
            TypeElement subtype = leaf.type();
            if (subtype.getKind() != ElementKind.CLASS && subtype.getKind() != ElementKind.RECORD) {
                continue;   // the validator reports it
            }
            // the hooks of the root, then of each level above the subtype, most general first
            Hooks above = hooks;
            for (TypeElement level : leaf.levels()) {
                above = levelHooks.computeIfAbsent(level, l -> hooks(l)).after(above);
            }
            boolean isRecord = subtype.getKind() == ElementKind.RECORD;
            List<Property> properties = new ArrayList<>();
            Set<String> inherited = new java.util.HashSet<>();
            List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(subtype));
            for (Property property : rootProperties) {
                inherited.add(property.name());
                inherited.add(property.ownerName());    // a record subtype's component of an embedded value
                // an interface's properties are set through the subtype's own setters, if it has them
                if (isInterface && property.isEmbedded()) {
                    properties.add(property.embedded().write() == null
                            ? property.withWrite(setter(property.ownerName(), property.embedded().type(), methods))
                            : property);
                    continue;
                }
                properties.add(isInterface && property.write() == null
                        ? property.withWrite(setter(property.name(), property.type(), methods))
                        : property);
            }
            List<Property> own = new ArrayList<>();
            // in a joined hierarchy, the level above whose table holds a property, when one does
            java.util.Map<Property, TypeElement> inLevelTable = new java.util.HashMap<>();
            Set<String> levelNames = new java.util.HashSet<>();     // (a record's components of them are the level's)
            for (TypeElement level : leaf.levels()) {
                List<Property> ofLevel = List.of();
                if (level.getKind() == ElementKind.CLASS && !isRecord) {
                    // a class's fields, and those of each abstract class level above it (a record has them as components)
                    ofLevel = classProperties(level, root, tenancy);
                } else if (level.getKind() == ElementKind.INTERFACE && isInterface && hierarchy.isJoined()) {
                    // an interface level's accessors, mapped like an interface root's: columns of its own table
                    ofLevel = new ArrayList<>();
                    for (Property property : interfaceProperties(level, root, tenancy)) {
                        ofLevel.add(property.isEmbedded() || property.write() != null ? property
                                : property.withWrite(setter(property.name(), property.type(), methods)));
                    }
                }
                for (Property property : ofLevel) {
                    if (hierarchy.isJoined()) {
                        inLevelTable.put(property, level);
                        levelNames.add(property.name());
                        levelNames.add(property.ownerName());
                    }
                    own.add(property);
                }
            }
            own.addAll(isRecord ? recordProperties(subtype, root, tenancy) : classProperties(subtype, root, tenancy));
            Subtype annotation = subtype.getAnnotation(Subtype.class);
            boolean fallback = annotation != null && annotation.fallback();
            int inRootTable = rootProperties.size();
            java.util.Map<TypeElement, Integer> levelColumns = new java.util.LinkedHashMap<>();
            for (Property property : own) {
                TypeElement level = inLevelTable.get(property);
                if (inherited.contains(property.name()) || level == null && levelNames.contains(property.name())) {
                    continue;
                }
                if (level != null) {
                    levelColumns.merge(level, 1, Integer::sum);
                }
                if (fallback && property.column().equals(hierarchy.discriminator()) && inRootTable == rootProperties.size()) {
                    // the fallback's read-only view of the discriminator: a column of the root's table
                    properties.add(inRootTable++, property);
                } else {
                    properties.add(property);
                }
            }
            List<EntityKind.LevelTable> levelTables = new ArrayList<>();
            levelColumns.forEach((level, count) -> levelTables.add(new EntityKind.LevelTable(levelTable(level), level, count)));
            String simpleName = subtype.getSimpleName().toString();
            String value = values.get(subtype);
            List<String> others = fallback ? values.entrySet().stream().filter(e -> !e.getKey().equals(subtype))
                    .map(java.util.Map.Entry::getValue).toList() : List.of();
            Optional<String> subtypeTable = hierarchy.isJoined()
                    ? Optional.of(annotation != null && !annotation.table().isEmpty()
                            ? annotation.table() : Names.snakeCase(simpleName))
                    : Optional.empty();
            Construction construction = construction(subtype, properties);
            subtypes.add(new EntityModel(subtype, ClassName.get(subtype), table, isRecord, tenancy, properties,
                    construction, hooks(subtype).after(above), audit,
                    new EntityKind.Subtype(hierarchy, value, subtypeTable, inRootTable, fallback, others, levelTables),
                    softDeletion));
        }
        // each intermediate level: the root's columns, the concrete subtypes below it
        List<EntityModel> levels = new ArrayList<>();
        for (TypeElement level : levels(leaves)) {
            List<EntityModel> below = subtypes.stream()
                    .filter(subtype -> leaves.stream().anyMatch(l -> l.type().equals(subtype.element())
                            && l.levels().contains(level)))
                    .toList();
            Hooks inherited = hooks;
            for (TypeElement above : leaves.stream().filter(l -> l.levels().contains(level)).findFirst()
                    .orElseThrow().levels()) {
                inherited = levelHooks.computeIfAbsent(above, l -> hooks(l)).after(inherited);
                if (above.equals(level)) {
                    break;
                }
            }
            levels.add(new EntityModel(level, ClassName.get(level), table, false, tenancy, rootProperties, null,
                    inherited, audit, new EntityKind.HierarchyRoot(hierarchy, below, List.of(), true), softDeletion));
        }
        return new EntityModel(root, ClassName.get(root), table, false, tenancy, rootProperties, null, hooks, audit,
                new EntityKind.HierarchyRoot(hierarchy, subtypes, levels, false), softDeletion);
    }

    /** The table of {@code level}, an intermediate level of a joined hierarchy: its {@code @Subtype(table)}, else its name in snake_case. */
    public static String levelTable(TypeElement level) {
        Subtype annotation = level.getAnnotation(Subtype.class);
        return annotation != null && !annotation.table().isEmpty() ? annotation.table()
                : Names.snakeCase(level.getSimpleName().toString());
    }

    /** A concrete subtype of a hierarchy, and the intermediate levels above it (below the root), root-side first. */
    public record Leaf(TypeElement type, List<TypeElement> levels) {}

    /**
     * The concrete subtypes of a {@code @Polymorphic} root, each with the levels above it: its
     * {@link #subtypes} and, for each sealed interface or sealed abstract class among them (an
     * intermediate level), its permitted subtypes, recursively; in declaration order.
     */
    public List<Leaf> leaves(TypeElement root) {
        List<Leaf> leaves = new ArrayList<>();
        leaves(subtypes(root), List.of(), leaves);
        return leaves;
    }

    private void leaves(List<TypeElement> children, List<TypeElement> path, List<Leaf> leaves) {
        for (TypeElement child : children) {
            if (Hierarchies.isLevelShape(child) && child.getModifiers().contains(Modifier.SEALED)) {
                List<TypeElement> below = new ArrayList<>(path);
                below.add(child);
                List<TypeElement> permitted = new ArrayList<>();
                for (TypeMirror type : child.getPermittedSubclasses()) {
                    if (type instanceof DeclaredType declared) {
                        permitted.add((TypeElement) declared.asElement());
                    }
                }
                leaves(permitted, List.copyOf(below), leaves);
            } else {
                leaves.add(new Leaf(child, path));
            }
        }
    }

    /** The intermediate levels above {@code leaves}, each once, in the order first met. */
    private static List<TypeElement> levels(List<Leaf> leaves) {
        List<TypeElement> levels = new ArrayList<>();
        for (Leaf leaf : leaves) {
            for (TypeElement level : leaf.levels()) {
                if (!levels.contains(level)) {
                    levels.add(level);
                }
            }
        }
        return levels;
    }

    /** The discriminator value of a subtype's rows: its {@code @Subtype(value)}, else its simple name. */
    private static String discriminatorValue(TypeElement subtype) {
        Subtype annotation = subtype.getAnnotation(Subtype.class);
        return annotation != null && !annotation.value().isEmpty() ? annotation.value()
                : subtype.getSimpleName().toString();
    }

    /**
     * The subtypes of a {@code @Polymorphic} root: the permitted subtypes of a sealed root, else
     * those its annotation lists; in declaration order.
     */
    public List<TypeElement> subtypes(TypeElement root) {
        List<TypeElement> subtypes = new ArrayList<>();
        if (root.getModifiers().contains(Modifier.SEALED)) {
            for (TypeMirror permitted : root.getPermittedSubclasses()) {
                if (permitted instanceof DeclaredType declared) {
                    subtypes.add((TypeElement) declared.asElement());
                }
            }
            return subtypes;
        }
        AnnotationMirror mirror = Annotations.mirror(root, Polymorphic.class).orElse(null);
        AnnotationValue listed = Annotations.explicitValue(mirror, "subtypes");
        if (listed != null && listed.getValue() instanceof List<?> classes) {
            for (Object entry : classes) {
                if (((AnnotationValue) entry).getValue() instanceof DeclaredType declared) {
                    subtypes.add((TypeElement) declared.asElement());
                }
            }
        }
        return subtypes;
    }

    /**
     * The properties of an interface root: its abstract accessor methods (no parameters, not void),
     * which the subtypes implement, records with a component of the same name.
     */
    private List<Property> interfaceProperties(TypeElement root, Tenancy tenancy) {
        return interfaceProperties(root, root, tenancy);
    }

    /** The properties {@code type}, an interface root or an interface level below {@code root}, declares. */
    private List<Property> interfaceProperties(TypeElement type, TypeElement root, Tenancy tenancy) {
        List<Property> properties = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!method.getModifiers().contains(Modifier.ABSTRACT) || !method.getParameters().isEmpty()
                    || method.getReturnType().getKind() == TypeKind.VOID
                    || method.getAnnotation(Transient.class) != null) {
                continue;
            }
            String name = method.getSimpleName().toString();
            properties.addAll(properties(type, root, method, name, method.getReturnType(), tenancy, Access.method(name),
                    null, false));
        }
        return properties;
    }

    private static String table(TypeElement type) {
        String declared = type.getAnnotation(Entity.class).table();
        return declared.isEmpty() ? Names.snakeCase(type.getSimpleName().toString()) : declared;
    }

    private Audit audit(TypeElement type, String table) {
        Audited audited = type.getAnnotation(Audited.class);
        if (audited == null) {
            return null;
        }
        return new Audit(audited.table().isEmpty() ? table + "_history" : audited.table(),
                List.of(audited.exclude()), Annotations.mirror(type, Audited.class).orElse(null));
    }

    /** The {@code @SoftDelete} of {@code type} (a hierarchy's root: its subtypes inherit it), or null. */
    private static SoftDeletion softDeletion(TypeElement type) {
        dev.tenantdao.annotations.SoftDelete softDelete = type.getAnnotation(dev.tenantdao.annotations.SoftDelete.class);
        return softDelete == null ? null : new SoftDeletion(softDelete.column(),
                Annotations.mirror(type, dev.tenantdao.annotations.SoftDelete.class).orElse(null));
    }

    private Tenancy tenancy(TypeElement type) {
        Element annotated = type;
        Tenanted tenanted = type.getAnnotation(Tenanted.class);
        if (tenanted == null) {
            PackageElement pkg = elements.getPackageOf(type);
            tenanted = pkg.getAnnotation(Tenanted.class);
            annotated = pkg;
        }
        if (tenanted == null) {
            return null;
        }
        AnnotationMirror mirror = Annotations.mirror(annotated, Tenanted.class).orElse(null);
        boolean rowLevelSecurity = Annotations.explicitValue(mirror, "rowLevelSecurity") != null
                ? tenanted.rowLevelSecurity()
                : rowLevelSecurityDefault;
        VendorScoped vendorScoped = type.getAnnotation(VendorScoped.class);
        Tenancy.Vendor vendor = vendorScoped == null ? null
                : new Tenancy.Vendor(vendorScoped.column(), type, Annotations.mirror(type, VendorScoped.class).orElse(null));
        return new Tenancy(tenanted.strategy(), tenanted.column(), tenanted.columnType(), rowLevelSecurity,
                annotated, mirror, vendor, operatorRole);
    }

    /** @param root the hierarchy's root, whose {@code @Converters} also apply, or {@code type} itself */
    private List<Property> recordProperties(TypeElement type, TypeElement root, Tenancy tenancy) {
        return recordProperties(type, root, tenancy, false);
    }

    /** @param inValue whether {@code type} is an embedded value, whose own {@code @Embedded} components are not taken apart */
    private List<Property> recordProperties(TypeElement type, TypeElement root, Tenancy tenancy, boolean inValue) {
        List<Property> properties = new ArrayList<>();
        Map<String, VariableElement> fields = new HashMap<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            fields.put(field.getSimpleName().toString(), field);
        }
        for (RecordComponentElement component : type.getRecordComponents()) {
            String name = component.getSimpleName().toString();
            // javac gives record components no source position; their private fields have the
            // component's position and carry its FIELD-targeted annotations, so diagnostics point there
            Element element = fields.getOrDefault(name, null);
            properties.addAll(properties(type, root, element != null ? element : component, name, component.asType(),
                    tenancy, Access.method(component.getAccessor().getSimpleName().toString()), null, inValue));
        }
        return properties;
    }

    private List<Property> classProperties(TypeElement type, TypeElement root, Tenancy tenancy) {
        return classProperties(type, root, tenancy, false);
    }

    private List<Property> classProperties(TypeElement type, TypeElement root, Tenancy tenancy, boolean inValue) {
        List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
        List<Property> properties = new ArrayList<>();
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getModifiers().contains(Modifier.STATIC) || field.getAnnotation(Transient.class) != null) {
                continue;
            }
            String name = field.getSimpleName().toString();
            TypeMirror fieldType = field.asType();
            properties.addAll(properties(type, root, field, name, fieldType, tenancy,
                    reader(field, name, fieldType, methods), writer(field, name, fieldType, methods), inValue));
        }
        return properties;
    }

    /**
     * The properties one field, record component or accessor maps: itself, or for an {@code @Embedded}
     * value (outside another value) one per component, see {@link #embedded}.
     */
    private List<Property> properties(TypeElement entity, TypeElement root, Element element, String name,
            TypeMirror type, Tenancy tenancy, Access read, Access write, boolean inValue) {
        if (element.getAnnotation(dev.tenantdao.annotations.Embedded.class) != null && !inValue) {
            return embedded(entity, root, element, name, type, tenancy, read, write);
        }
        return List.of(property(entity, root, element, name, type, tenancy, read, write));
    }

    /**
     * An {@code @Embedded} value, flattened: one property per component of the value's type (read as an
     * entity's would be: record components, or fields with their accessors and setters), named by its
     * path ({@code price.amount}), its column the prefix and the component's column name, nullable
     * unless the value is required ({@code @Column(nullable = false)} on the property) and the component
     * is not declared {@code @Column(nullable = true)}. A value the reader cannot take apart (not a class
     * or record, an entity, no components, or nesting another value) is left as one property with no
     * value type, for the validator to report.
     */
    private List<Property> embedded(TypeElement entity, TypeElement root, Element element, String name,
            TypeMirror type, Tenancy tenancy, Access read, Access write) {
        AnnotationMirror annotation = Annotations.mirror(element, dev.tenantdao.annotations.Embedded.class).orElse(null);
        String declaredPrefix = element.getAnnotation(dev.tenantdao.annotations.Embedded.class).prefix();
        Column column = element.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? column.name() : Names.snakeCase(name);
        String prefix = declaredPrefix.isEmpty() ? columnName + "_" : declaredPrefix;
        boolean required = column != null && !column.nullable();
        boolean notAudited = element.getAnnotation(NotAudited.class) != null;
        // a column's own type (String, BigDecimal, an enum...) is one value, not several
        TypeElement value = type.getKind() == TypeKind.DECLARED && valueType(type) == null
                && (((DeclaredType) type).asElement().getKind() == ElementKind.CLASS
                        || ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD)
                ? (TypeElement) ((DeclaredType) type).asElement() : null;
        List<Property> components = List.of();
        Construction construction = null;
        List<Element> nested = new ArrayList<>();
        boolean isEntity = value != null && value.getAnnotation(Entity.class) != null;
        if (value != null && !isEntity) {
            boolean isRecord = value.getKind() == ElementKind.RECORD;
            components = isRecord ? recordProperties(value, value, null, true) : classProperties(value, value, null, true);
            construction = isRecord ? Construction.constructor(components.stream().map(Property::name).toList())
                    : construction(value, components);
            for (Property component : components) {
                if (component.element().getAnnotation(dev.tenantdao.annotations.Embedded.class) != null) {
                    nested.add(component.element());
                }
            }
        }
        Embedded embedded = new Embedded(element, annotation, name, type, value, read, write, construction,
                components.stream().map(Property::name).toList(), isEntity, required, nested, prefix);
        if (!embedded.flattened()) {
            return List.of(new Property(element, name, columnName, type, null, false, false, false, false, true, false,
                    read, write, null, Mapping.PLAIN, embedded));
        }
        List<Property> flattened = new ArrayList<>();
        for (Property component : components) {
            Mapping mapping = component.mapping();
            // the value type's own converters (@Convert, @Converters on it or its package) came first; then,
            // as for the entity's own fields, those its entity (or root, or their packages) registers
            ConverterModel registered = mapping.converter() == null ? registeredConverter(entity, root, component.type()) : null;
            ValueType valueType = registered == null ? component.valueType()
                    : registered.isConverter() ? valueType(registered.databaseType()) : null;
            Mapping own = new Mapping(mapping.customType(), registered == null ? mapping.enumConstants() : List.of(),
                    mapping.unique(), mapping.updatable(), mapping.insertable(), mapping.defaultSql(), mapping.generatedAs(),
                    registered == null ? mapping.elementType() : null, registered == null ? mapping.elementJavaType() : null,
                    registered == null ? mapping.converter() : registered, mapping.columnAnnotation(), false,
                    mapping.notAudited() || notAudited);
            flattened.add(new Property(component.element(), name + "." + component.name(), prefix + component.column(),
                    component.type(), boxed(valueType), false, false, false, false,
                    !required || component.nullableDeclared(), component.nullableDeclared(), component.read(),
                    component.write(), component.reference(), own, embedded));
        }
        return flattened;
    }

    /**
     * A component's value type as its column holds it: a primitive's box, since a null value writes NULL
     * into every column of it.
     */
    private static ValueType boxed(ValueType type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case PRIMITIVE_LONG -> ValueType.LONG;
            case PRIMITIVE_INT -> ValueType.INTEGER;
            case PRIMITIVE_SHORT -> ValueType.SHORT;
            case PRIMITIVE_DOUBLE -> ValueType.DOUBLE;
            case PRIMITIVE_FLOAT -> ValueType.FLOAT;
            case PRIMITIVE_BOOLEAN -> ValueType.BOOLEAN;
            default -> type;
        };
    }

    private Property property(TypeElement entity, TypeElement root, Element element, String name, TypeMirror type,
            Tenancy tenancy, Access read, Access write) {
        Id id = element.getAnnotation(Id.class);
        boolean tenantId = element.getAnnotation(TenantId.class) != null;
        Column column = element.getAnnotation(Column.class);
        String columnName = column != null && !column.name().isEmpty() ? column.name() : Names.snakeCase(name);
        if (tenantId && tenancy != null) {
            columnName = tenancy.column();
        }
        boolean vendorId = element.getAnnotation(VendorId.class) != null;
        if (vendorId && tenancy != null && tenancy.vendorScoped()) {
            columnName = tenancy.vendor().column();
        }
        AnnotationMirror columnMirror = Annotations.mirror(element, Column.class).orElse(null);
        boolean nullableDeclared = column != null && column.nullable()
                && Annotations.explicitValue(columnMirror, "nullable") != null;
        boolean nullable = (column == null || column.nullable()) && id == null;

        ConverterModel converter = converter(entity, root, element, type);
        ValueType valueType;
        ValueType elementType = null;
        TypeMirror elementJavaType = null;
        if (converter != null) {
            valueType = converter.isConverter() ? valueType(converter.databaseType()) : null;
        } else if (isList(type)) {
            valueType = ValueType.LIST;
            elementJavaType = ((DeclaredType) type).getTypeArguments().get(0);
            elementType = valueType(elementJavaType);
        } else if (type.getKind() == TypeKind.ARRAY && ((ArrayType) type).getComponentType().getKind() != TypeKind.BYTE) {
            valueType = ValueType.ARRAY;
            elementJavaType = ((ArrayType) type).getComponentType();
            elementType = valueType(elementJavaType);
        } else {
            valueType = valueType(type);
        }
        String customType = column != null && !column.type().isEmpty() ? column.type() : null;
        List<String> enumConstants = customType != null && valueType == ValueType.ENUM && !SqlTypeNames.isText(customType)
                && !SqlTypeNames.isOtherBuiltIn(customType) ? enumConstants(type) : List.of();
        Mapping mapping = new Mapping(customType, enumConstants, column != null && column.unique(),
                column == null || column.updatable(), column == null || column.insertable(),
                column != null && !column.defaultSql().isEmpty() ? column.defaultSql() : null,
                column != null && !column.generatedAs().isEmpty() ? column.generatedAs() : null,
                elementType, elementJavaType, converter, columnMirror, element.getAnnotation(Version.class) != null,
                element.getAnnotation(NotAudited.class) != null);
        return new Property(element, name, columnName, type, valueType, id != null,
                id != null && id.generated(), tenantId, vendorId, nullable, nullableDeclared, read, write, reference(element),
                mapping);
    }

    private boolean isList(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.util.List")
                && ((DeclaredType) type).getTypeArguments().size() == 1;
    }

    private static List<String> enumConstants(TypeMirror enumType) {
        List<String> constants = new ArrayList<>();
        for (Element member : ((DeclaredType) enumType).asElement().getEnclosedElements()) {
            if (member.getKind() == ElementKind.ENUM_CONSTANT) {
                constants.add(member.getSimpleName().toString());
            }
        }
        return constants;
    }

    /**
     * The converter of a property: its own {@code @Convert}, else one registered with
     * {@code @Converters} on the entity, else on its package, for exactly the property's type. A
     * registered (type-wide) converter never applies to the {@code @Version} (the database counts
     * it) or the {@code @TenantId} (the tenant column's own type), nor to an {@code @Id} whose type
     * needs no converter: registering a converter for {@code Long} means the entity's other
     * {@code Long} values, not its key.
     */
    private ConverterModel converter(TypeElement entity, TypeElement root, Element element, TypeMirror type) {
        AnnotationMirror convert = Annotations.mirror(element, Convert.class).orElse(null);
        AnnotationValue value = Annotations.explicitValue(convert, "value");
        if (value != null && value.getValue() instanceof DeclaredType declared) {
            return converterModel((TypeElement) declared.asElement(), element, convert);
        }
        if (element.getAnnotation(Version.class) != null || element.getAnnotation(TenantId.class) != null
                || element.getAnnotation(VendorId.class) != null
                || element.getAnnotation(Id.class) != null && valueType(type) != null) {
            return null;
        }
        return registeredConverter(entity, root, type);
    }

    /**
     * The converter registered with {@code @Converters} for exactly {@code type} on {@code entity}, else on
     * {@code root}, else on their packages; null when none is.
     */
    private ConverterModel registeredConverter(TypeElement entity, TypeElement root, TypeMirror type) {
        Set<Element> scopes = new java.util.LinkedHashSet<>(
                List.of(entity, root, elements.getPackageOf(entity), elements.getPackageOf(root)));
        for (Element scope : scopes) {
            AnnotationMirror registered = Annotations.mirror(scope, Converters.class).orElse(null);
            AnnotationValue list = Annotations.explicitValue(registered, "value");
            if (list == null || !(list.getValue() instanceof List<?> classes)) {
                continue;
            }
            for (Object entry : classes) {
                if (((AnnotationValue) entry).getValue() instanceof DeclaredType declared) {
                    ConverterModel candidate = converterModel((TypeElement) declared.asElement(), scope, registered);
                    if (candidate.isConverter() && types.isSameType(candidate.javaType(), type)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private ConverterModel converterModel(TypeElement converter, Element declaredOn, AnnotationMirror annotation) {
        DeclaredType implemented = findSupertype(converter.asType(), CONVERTER);
        // a raw Converter has no type arguments: not a converter tenantdao can check (NOT_A_CONVERTER)
        boolean typed = implemented != null && implemented.getTypeArguments().size() == 2;
        TypeMirror javaType = typed ? implemented.getTypeArguments().get(0) : null;
        TypeMirror databaseType = typed ? implemented.getTypeArguments().get(1) : null;
        String instanceField = null;
        for (VariableElement field : ElementFilter.fieldsIn(converter.getEnclosedElements())) {
            Set<Modifier> modifiers = field.getModifiers();
            if (modifiers.containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL))
                    && types.isAssignable(field.asType(), types.erasure(converter.asType()))) {
                instanceField = field.getSimpleName().toString();
                break;
            }
        }
        boolean publicConstructor = converter.getModifiers().contains(Modifier.PUBLIC)
                && !converter.getModifiers().contains(Modifier.ABSTRACT)
                && converter.getKind() == ElementKind.CLASS
                && ElementFilter.constructorsIn(converter.getEnclosedElements()).stream()
                        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
        return new ConverterModel(converter, declaredOn, annotation, javaType, databaseType, instanceField,
                publicConstructor);
    }

    static final String CONVERTER = "dev.tenantdao.runtime.Converter";
    static final String ENTITY_LISTENER = "dev.tenantdao.runtime.EntityListener";

    private Hooks hooks(TypeElement type) {
        List<Hooks.Method> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            for (HookKind kind : HookKind.values()) {
                if (method.getAnnotation(kind.annotation()) != null) {
                    methods.add(new Hooks.Method(kind, method));
                }
            }
        }
        List<Hooks.Listener> listeners = new ArrayList<>();
        AnnotationMirror annotation = Annotations.mirror(type, Listeners.class).orElse(null);
        AnnotationValue value = Annotations.explicitValue(annotation, "value");
        if (value != null && value.getValue() instanceof List<?> classes) {
            for (Object entry : classes) {
                if (((AnnotationValue) entry).getValue() instanceof DeclaredType declared) {
                    TypeElement listener = (TypeElement) declared.asElement();
                    // a generic listener (TimestampListener<E extends Timestamped<E>>) is used for this entity
                    boolean generic = listener.getTypeParameters().size() == 1;
                    TypeMirror used = generic ? types.getDeclaredType(listener, type.asType()) : listener.asType();
                    DeclaredType implemented = findSupertype(used, ENTITY_LISTENER);
                    if (generic && implemented != null) {
                        for (TypeMirror bound : listener.getTypeParameters().get(0).getBounds()) {
                            if (!types.isAssignable(type.asType(), types.erasure(bound))) {
                                implemented = types.getDeclaredType(
                                        elements.getTypeElement(ENTITY_LISTENER), types.erasure(bound));
                            }
                        }
                    }
                    boolean instantiable = listener.getModifiers().contains(Modifier.PUBLIC)
                            && !listener.getModifiers().contains(Modifier.ABSTRACT)
                            && listener.getKind() == ElementKind.CLASS
                            && ElementFilter.constructorsIn(listener.getEnclosedElements()).stream()
                                    .anyMatch(c -> c.getParameters().isEmpty()
                                            && c.getModifiers().contains(Modifier.PUBLIC));
                    listeners.add(new Hooks.Listener(listener,
                            implemented == null || implemented.getTypeArguments().isEmpty() ? null
                                    : implemented.getTypeArguments().get(0), instantiable,
                            annotation, generic));
                }
            }
        }
        return Hooks.of(type, methods, listeners);
    }

    /** The supertype of {@code type} named {@code qualifiedName}, with its type arguments, or null. */
    DeclaredType findSupertype(TypeMirror type, String qualifiedName) {
        for (TypeMirror supertype : types.directSupertypes(type)) {
            if (supertype instanceof DeclaredType declared) {
                if (((TypeElement) declared.asElement()).getQualifiedName().contentEquals(qualifiedName)) {
                    return declared;
                }
                DeclaredType found = findSupertype(supertype, qualifiedName);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The target of {@code @References} on {@code element}, read shallowly; null without one. */
    private Reference reference(Element element) {
        AnnotationMirror mirror = Annotations.mirror(element, References.class).orElse(null);
        AnnotationValue value = Annotations.explicitValue(mirror, "value");
        if (value == null || !(value.getValue() instanceof DeclaredType declared)) {
            return null;
        }
        TypeElement target = (TypeElement) declared.asElement();
        if (target.getAnnotation(Entity.class) == null) {
            return new Reference(mirror, target, false, null, null, null, null);
        }
        String idColumn = null;
        ValueType idType = null;
        // the id of a record, of a class, or of a @Polymorphic interface root (an accessor method)
        List<? extends Element> members = target.getKind() == ElementKind.RECORD
                ? target.getRecordComponents()
                : target.getKind() == ElementKind.INTERFACE
                        ? ElementFilter.methodsIn(target.getEnclosedElements())
                        : ElementFilter.fieldsIn(target.getEnclosedElements());
        for (Element member : members) {
            if (member.getAnnotation(Id.class) != null) {
                Column column = member.getAnnotation(Column.class);
                idColumn = column != null && !column.name().isEmpty()
                        ? column.name()
                        : Names.snakeCase(member.getSimpleName().toString());
                idType = valueType(member instanceof ExecutableElement method ? method.getReturnType() : member.asType());
                break;
            }
        }
        return new Reference(mirror, target, true, table(target), idColumn, idType, tenancy(target));
    }

    private Access reader(VariableElement field, String name, TypeMirror type, List<ExecutableElement> methods) {
        String capitalized = Names.capitalize(name);
        for (String candidate : List.of("get" + capitalized, "is" + capitalized, name)) {
            for (ExecutableElement method : methods) {
                if (method.getSimpleName().contentEquals(candidate)
                        && method.getParameters().isEmpty()
                        && usable(method)
                        && types.isSameType(method.getReturnType(), type)) {
                    return Access.method(candidate);
                }
            }
        }
        return field.getModifiers().contains(Modifier.PRIVATE) ? null : Access.field(name);
    }

    private Access writer(VariableElement field, String name, TypeMirror type, List<ExecutableElement> methods) {
        Access setter = setter(name, type, methods);
        if (setter != null) {
            return setter;
        }
        boolean assignable = !field.getModifiers().contains(Modifier.PRIVATE)
                && !field.getModifiers().contains(Modifier.FINAL);
        return assignable ? Access.field(name) : null;
    }

    private Access setter(String name, TypeMirror type, List<ExecutableElement> methods) {
        String setter = "set" + Names.capitalize(name);
        for (ExecutableElement method : methods) {
            if (method.getSimpleName().contentEquals(setter)
                    && method.getParameters().size() == 1
                    && usable(method)
                    && types.isSameType(method.getParameters().get(0).asType(), type)) {
                return Access.method(setter);
            }
        }
        return null;
    }

    /** Prefers a constructor taking every property; else a no-argument constructor and setters. */
    private Construction construction(TypeElement type, List<Property> properties) {
        // an embedded value is one constructor parameter, however many columns it has
        Map<String, TypeMirror> byName = new java.util.LinkedHashMap<>();
        properties.forEach(p -> byName.put(p.ownerName(), p.isEmbedded() ? p.embedded().type() : p.type()));
        boolean noArgs = false;
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
                continue;
            }
            List<? extends VariableElement> parameters = constructor.getParameters();
            if (parameters.isEmpty()) {
                noArgs = true;
            }
            if (!properties.isEmpty() && parameters.size() == byName.size() && parameters.stream().allMatch(p -> {
                TypeMirror propertyType = byName.get(p.getSimpleName().toString());
                return propertyType != null && types.isSameType(propertyType, p.asType());
            })) {
                return Construction.constructor(parameters.stream().map(p -> p.getSimpleName().toString()).toList());
            }
        }
        return noArgs ? Construction.setters() : null;
    }

    private static boolean usable(ExecutableElement method) {
        return !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC);
    }

    /** The value type of a Java type, or null when no column holds it. */
    public static ValueType valueType(TypeMirror type) {
        switch (type.getKind()) {
            case LONG: return ValueType.PRIMITIVE_LONG;
            case INT: return ValueType.PRIMITIVE_INT;
            case SHORT: return ValueType.PRIMITIVE_SHORT;
            case DOUBLE: return ValueType.PRIMITIVE_DOUBLE;
            case FLOAT: return ValueType.PRIMITIVE_FLOAT;
            case BOOLEAN: return ValueType.PRIMITIVE_BOOLEAN;
            case ARRAY:
                return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? ValueType.BYTES : null;
            case DECLARED:
                TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
                if (element.getKind() == ElementKind.ENUM) {
                    return ValueType.ENUM;
                }
                return declaredValueType(element.getQualifiedName().toString());
            default:
                return null;
        }
    }

    private static ValueType declaredValueType(String qualifiedName) {
        return switch (qualifiedName) {
            case "java.lang.Long" -> ValueType.LONG;
            case "java.lang.Integer" -> ValueType.INTEGER;
            case "java.lang.Short" -> ValueType.SHORT;
            case "java.lang.Double" -> ValueType.DOUBLE;
            case "java.lang.Float" -> ValueType.FLOAT;
            case "java.lang.Boolean" -> ValueType.BOOLEAN;
            case "java.lang.String" -> ValueType.STRING;
            case "java.math.BigDecimal" -> ValueType.BIG_DECIMAL;
            case "java.util.UUID" -> ValueType.UUID;
            case "java.time.Instant" -> ValueType.INSTANT;
            case "java.time.OffsetDateTime" -> ValueType.OFFSET_DATE_TIME;
            case "java.time.LocalDate" -> ValueType.LOCAL_DATE;
            case "java.time.LocalDateTime" -> ValueType.LOCAL_DATE_TIME;
            case "java.time.LocalTime" -> ValueType.LOCAL_TIME;
            default -> null;
        };
    }
}
