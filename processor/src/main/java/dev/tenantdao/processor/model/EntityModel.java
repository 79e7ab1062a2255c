package dev.tenantdao.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * An entity as read from its source: what the SQL builder and the DAO writer work from once the
 * validator has found nothing wrong with it.
 *
 * @param tenancy null for a shared (not tenanted) entity
 * @param properties every mapped property, in declaration order (this is also the select order)
 * @param construction null when the entity cannot be constructed from a row
 * @param hooks lifecycle hook methods and listeners
 * @param audit null unless the entity is {@code @Audited}
 * @param kind a standalone entity, or the root or a subtype of a {@code @Polymorphic} hierarchy
 * @param softDeletion null unless the entity (a hierarchy's root, for its subtypes too) is {@code @SoftDelete}
 */
public record EntityModel(
        TypeElement element,
        ClassName type,
        String table,
        boolean isRecord,
        Tenancy tenancy,
        List<Property> properties,
        Construction construction,
        Hooks hooks,
        Audit audit,
        EntityKind kind,
        SoftDeletion softDeletion) {

    public EntityModel {
        properties = List.copyOf(properties);
        Objects.requireNonNull(kind, "kind");
    }

    /** An entity whose deletes remove its rows. */
    public EntityModel(TypeElement element, ClassName type, String table, boolean isRecord, Tenancy tenancy,
            List<Property> properties, Construction construction, Hooks hooks, Audit audit, EntityKind kind) {
        this(element, type, table, isRecord, tenancy, properties, construction, hooks, audit, kind, null);
    }

    /**
     * The hooks that may run on rows this entity's DAO returns: its own ({@link #hooks}, the root's
     * then its own for a subtype); for a hierarchy's root, each subtype's too (its rows are theirs).
     */
    public Hooks hooksOfRows() {
        if (kind instanceof EntityKind.HierarchyRoot root) {
            java.util.List<Hooks> all = new java.util.ArrayList<>();
            all.add(hooks);
            root.subtypes().forEach(subtype -> all.add(subtype.hooks()));
            return Hooks.union(all);
        }
        return hooks;
    }

    /** Whether deleting a row only marks it deleted ({@code @SoftDelete}). */
    public boolean isSoftDeleted() {
        return softDeletion != null;
    }

    /** The property exposing the soft-delete column read-only, if any. */
    public Optional<Property> deletedAt() {
        return softDeletion == null ? Optional.empty()
                : properties.stream().filter(p -> p.column().equals(softDeletion.column())).findFirst();
    }

    /** The simple name users know the entity by, used in messages and operation names. */
    public String name() {
        return type.simpleName();
    }

    public boolean isTenanted() {
        return tenancy != null;
    }

    /** The single id property. Only valid after validation. */
    public Property id() {
        return ids().get(0);
    }

    public List<Property> ids() {
        return properties.stream().filter(Property::id).toList();
    }

    /** The property exposing the tenant read-only, if any. */
    public Optional<Property> tenantId() {
        return properties.stream().filter(Property::tenantId).findFirst();
    }

    /** The property exposing the vendor read-only ({@code @VendorId}), if any. */
    public Optional<Property> vendorId() {
        return properties.stream().filter(Property::vendorId).findFirst();
    }

    /** Whether the entity's rows belong to one vendor of their tenant ({@code @VendorScoped}). */
    public boolean isVendorScoped() {
        return isTenanted() && tenancy().vendorScoped();
    }

    public boolean isAudited() {
        return audit != null;
    }

    /**
     * How many hash partitions by tenant the entity's tables have ({@code @PartitionedByTenant} on a
     * row-tenanted entity or hierarchy root), or 0. (A model built without an element, as some tests
     * build them, asks for none.)
     */
    public int partitions() {
        dev.tenantdao.annotations.PartitionedByTenant partitioned = element() == null ? null
                : element().getAnnotation(dev.tenantdao.annotations.PartitionedByTenant.class);
        return partitioned == null || !isTenanted() || !tenancy().isRow()
                || kind() instanceof EntityKind.Subtype ? 0 : partitioned.hash();
    }

    /** The {@code @Version} property, if any. */
    public Optional<Property> version() {
        return properties.stream().filter(p -> p.mapping().version()).findFirst();
    }

    /** Whether a property's values are copied into history rows. */
    public boolean inHistory(Property property) {
        return isAudited() && !property.mapping().notAudited() && !audit.excluded().contains(property.name());
    }

    /** Whether an update could change anything: the DAO has {@code update} only then. */
    public boolean hasUpdatableColumns() {
        return properties.stream().anyMatch(Property::updatable);
    }

    /** Whether this is a subtype of a joined hierarchy, whose rows span the root's table, its own and those of the levels above it that have one. */
    public boolean isJoinedSubtype() {
        return kind instanceof EntityKind.Subtype subtype && subtype.hierarchy().isJoined();
    }

    /** The properties stored in the table of the hierarchy's root (all of them outside a hierarchy). */
    public List<Property> rootProperties() {
        return kind instanceof EntityKind.Subtype subtype ? properties.subList(0, subtype.rootProperties()) : properties;
    }

    /** A subtype's own properties; empty outside a hierarchy and for the root. */
    public List<Property> ownProperties() {
        return kind instanceof EntityKind.Subtype subtype
                ? properties.subList(subtype.rootProperties(), properties.size()) : List.of();
    }

    /**
     * The tables of a joined subtype's row besides the root's, in the order of its properties: the
     * table of each intermediate level above it that maps fields (root-side first), then its own;
     * empty outside a joined hierarchy and for a root or level.
     */
    public List<EntityKind.JoinedTable> joinedTables() {
        if (!(kind instanceof EntityKind.Subtype subtype) || subtype.table().isEmpty()) {
            return List.of();
        }
        List<EntityKind.JoinedTable> tables = new java.util.ArrayList<>();
        int from = subtype.rootProperties();
        for (EntityKind.LevelTable level : subtype.levelTables()) {
            tables.add(new EntityKind.JoinedTable(level.table(), properties.subList(from, from + level.properties()), false,
                    level.level().getQualifiedName().toString()));
            from += level.properties();
        }
        tables.add(new EntityKind.JoinedTable(subtype.table().orElseThrow(), properties.subList(from, properties.size()), true,
                type.canonicalName()));
        return tables;
    }

    /**
     * The tables besides the root's whose columns a query of this entity may name: a joined subtype's
     * ({@link #joinedTables()}), or, for an intermediate level of a joined hierarchy, the tables of the
     * levels from the root down to it that map fields (every DAO read of a level joins them); empty otherwise.
     */
    public List<EntityKind.JoinedTable> queryTables() {
        if (!(kind instanceof EntityKind.HierarchyRoot level) || !level.level() || !level.hierarchy().isJoined()
                || level.subtypes().isEmpty()) {
            return joinedTables();
        }
        List<EntityKind.JoinedTable> tables = new java.util.ArrayList<>();
        for (EntityKind.JoinedTable table : level.subtypes().get(0).joinedTables()) {
            if (!table.own() && isOrExtends(element, table.type())) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** The properties a query of this entity may name: its own, and for a level those of {@link #queryTables()}. */
    public List<Property> queryProperties() {
        if (!(kind instanceof EntityKind.HierarchyRoot level) || !level.level()) {
            return properties;
        }
        List<Property> all = new java.util.ArrayList<>(properties);
        queryTables().forEach(table -> all.addAll(table.properties()));
        return all;
    }

    /** Whether {@code type} is the class or interface named {@code name}, or extends or implements it. */
    private static boolean isOrExtends(javax.lang.model.element.TypeElement type, String name) {
        if (type.getQualifiedName().contentEquals(name)) {
            return true;
        }
        List<javax.lang.model.type.TypeMirror> supertypes = new java.util.ArrayList<>(type.getInterfaces());
        supertypes.add(type.getSuperclass());
        for (javax.lang.model.type.TypeMirror supertype : supertypes) {
            if (supertype instanceof javax.lang.model.type.DeclaredType declared
                    && declared.asElement() instanceof javax.lang.model.element.TypeElement above
                    && isOrExtends(above, name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A fallback subtype's property mapping the discriminator column read-only (the value its row
     * was loaded with); empty otherwise.
     */
    public Optional<Property> discriminatorProperty() {
        return kind instanceof EntityKind.Subtype subtype && subtype.fallback()
                ? rootProperties().stream().filter(p -> p.column().equals(subtype.hierarchy().discriminator())).findFirst()
                : Optional.empty();
    }

    /** A hierarchy root's fallback subtype ({@code @Subtype(fallback = true)}), if it has one. */
    public Optional<EntityModel> fallback() {
        return kind instanceof EntityKind.HierarchyRoot root
                ? root.subtypes().stream().filter(s -> EntityKind.Subtype.of(s).fallback()).findFirst()
                : Optional.empty();
    }

    public ClassName daoType() {
        return ClassName.get(type.packageName(), String.join("_", type.simpleNames()) + "Dao");
    }
}
