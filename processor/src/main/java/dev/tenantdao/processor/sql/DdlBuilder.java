package dev.tenantdao.processor.sql;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Column;
import dev.tenantdao.annotations.internal.schema.SchemaModel.EnumType;
import dev.tenantdao.annotations.internal.schema.SchemaModel.ForeignKey;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Index;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Strategy;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityKind.Subtype;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Reference;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.TableRef;
import dev.tenantdao.processor.sql.pass.SoftDeletePass;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables an entity's DAO expects, as the schema model: its table (with the tenant column in
 * the primary key and in every foreign key to another row-tenanted table), a joined hierarchy's
 * subtype tables, the history table of an audited entity, and for row tenancy the row-level
 * security policy; with {@code @PartitionedByTenant}, each table hash-partitioned by the tenant
 * column. {@link DdlRenderer} writes them as the entity's DDL (whose first line names the
 * strategy, for the runtime) and as migrations. Built for a standalone entity and for a
 * hierarchy's root (whose tables hold its subtypes' columns or tables), not for a subtype.
 */
public final class DdlBuilder {

    static final String STRATEGY_HEADER = Wire.STRATEGY_HEADER;

    private final EntityModel entity;

    public DdlBuilder(EntityModel entity) {
        this.entity = entity;
    }

    /** The entity's DDL resource: the strategy header, then its enum types and tables. */
    String build() {
        SchemaModel model = model();
        DdlRenderer renderer = DdlRenderer.forResource();
        String ddl = STRATEGY_HEADER + strategy().name() + '\n' + renderer.create(model);
        String operatorRole = operatorRole();
        return operatorRole == null ? ddl : ddl + renderer.operatorAccess(operatorRole, strategy(), model.tables());
    }

    /** The operators' group role ({@code -Atenantdao.operatorRole}) of a tenanted entity, or null. */
    private String operatorRole() {
        return entity.isTenanted() ? entity.tenancy().operatorRole() : null;
    }

    /** The entity's enum types and tables, in creation order. */
    public SchemaModel model() {
        boolean joined = entity.kind() instanceof InHierarchy member && member.hierarchy().isJoined();
        List<Property> all = allProperties();
        List<EnumType> enumTypes = new ArrayList<>();
        for (Property property : all) {
            if (!property.mapping().enumConstants().isEmpty()) {
                enumTypes.add(new EnumType(property.mapping().customType(), property.mapping().enumConstants()));
            }
        }
        List<Table> tables = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        columns.addAll(TenancyPass.scopeColumnsOf(entity));
        List<Property> inTable = joined ? entity.properties() : all;
        for (Property property : inTable) {
            if (property.scopeColumn()) {
                continue;
            }
            // a subtype's own column is NULL in the rows of the other subtypes of a single table
            columns.add(column(property, entity.properties().contains(property)));
            if (property.id() && entity.kind() instanceof HierarchyRoot root) {
                columns.add(discriminator(root));
            }
        }
        if (entity.isSoftDeleted() && entity.deletedAt().isEmpty()) {
            columns.add(new Column(entity.softDeletion().column(), "timestamptz", false, null, false, null, null));
        }
        if (entity.isAudited()) {
            columns.add(new Column(Wire.HISTORY_VERSION, "bigint", true, "1", false, null, null));
            columns.add(new Column(Wire.HISTORY_CHANGED, "boolean", true, "true", false, null, null));
            if (entity.partitions() > 0 && !(entity.kind() instanceof InHierarchy)) {
                // (what its upsert reads instead of xmax; a hierarchy's DAO has no upsert)
                columns.add(new Column(Wire.HISTORY_INSERTED, "boolean", true, "true", false, null, null));
            }
        }
        List<String> key = TenancyPass.keyColumns(entity, entity.id().column());
        List<String> checks = entity.kind() instanceof HierarchyRoot root && !joined ? subtypeNotNull(root) : List.of();
        Table main = table(entity.table(), columns, key, checks, List.of(), inTable);
        tables.add(TenancyPass.tenantWideLookup(entity, entity.id().column())
                .map(lookup -> withUnique(main, lookup))
                .orElse(main));
        if (entity.kind() instanceof HierarchyRoot root && joined) {
            // each table besides the root's, once: a level's (before the subtypes below it), a subtype's;
            // with the discriminator values of the rows it holds (a level's: those of every subtype below it)
            java.util.Map<String, EntityKind.JoinedTable> joinedTables = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<String>> values = new java.util.HashMap<>();
            for (EntityModel subtype : root.subtypes()) {
                for (EntityKind.JoinedTable other : subtype.joinedTables()) {
                    joinedTables.putIfAbsent(other.name(), other);
                    values.computeIfAbsent(other.name(), name -> new ArrayList<>()).add(Subtype.of(subtype).value());
                }
            }
            for (EntityKind.JoinedTable other : joinedTables.values()) {
                tables.add(joinedTable(other, key).withJoined(new SchemaModel.Joined(entity.table(),
                        root.hierarchy().discriminator(), values.get(other.name()), other.type(), !other.own())));
            }
        }
        if (entity.isAudited()) {
            tables.add(history(all));
        }
        int partitions = entity.partitions();
        if (partitions > 0) {
            // every table of the entity, so that each of its statements is planned against one partition
            tables.replaceAll(table -> table.withPartitions(partitions));
        }
        String operatorRole = operatorRole();
        if (operatorRole != null) {
            // recorded in the exported versions, so that a migration grants it, or takes it back
            tables.replaceAll(table -> table.withOperatorRole(operatorRole));
        }
        return new SchemaModel(enumTypes, tables);
    }


    /**
     * A table of the entity with {@code columns} and the unique and foreign keys of {@code
     * properties}, the indexes of its references, and row-level security.
     */
    private Table table(String name, List<Column> columns, List<String> key, List<String> checks,
            List<ForeignKey> ownKeys, List<Property> properties) {
        List<List<String>> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        // a soft-deleted entity's unique columns are unique among its live rows: a partial unique index
        // (the root's table holds the column; a joined subtype's own unique columns stay plain constraints)
        boolean live = entity.isSoftDeleted() && name.equals(entity.table());
        for (Property property : properties) {
            if (property.mapping().unique() && live) {
                indexes.add(new Index(name + "_" + property.column() + "_live_key",
                        TenancyPass.keyColumns(entity, property.column()), true,
                        Identifiers.quote(entity.softDeletion().column()) + " IS NULL"));
            } else if (property.mapping().unique()) {
                uniques.add(TenancyPass.keyColumns(entity, property.column()));
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>(ownKeys);
        for (Property property : properties) {
            if (property.reference() != null) {
                foreignKeys.add(foreignKey(property, property.reference()));
                indexes.add(new Index(name + "_" + property.column() + "_idx",
                        TenancyPass.keyColumns(entity, property.column())));
            }
        }
        return new Table(name, entity.type().canonicalName(), strategy(), null, columns, key, checks, uniques, foreignKeys,
                indexes, policy(), false);
    }

    private static Table withUnique(Table table, List<String> unique) {
        List<List<String>> uniques = new ArrayList<>(table.uniques());
        uniques.add(unique);
        return new Table(table.name(), table.entity(), table.strategy(), table.historyOf(), table.columns(),
                table.primaryKey(), table.checks(), uniques, table.foreignKeys(), table.indexes(), table.policy(),
                table.appendOnly());
    }

    /**
     * The row-level security policy's condition, when the entity has one: the tenant predicate of a
     * row-tenanted table, or every row for a schema- or database-per-tenant table with operator access.
     */
    private String policy() {
        if (!entity.isTenanted()) {
            return null;
        }
        return entity.tenancy().usesRowLevelSecurity() ? TenancyPass.policyCondition(entity.tenancy())
                : entity.tenancy().ownRowsPolicy() ? Wire.TENANTS_OWN_ROWS : null;
    }

    /**
     * In a single table, a subtype's NOT NULL columns are nullable (other subtypes' rows leave them
     * empty), so a check per subtype keeps them NOT NULL in its own rows.
     */
    private List<String> subtypeNotNull(HierarchyRoot root) {
        List<String> checks = new ArrayList<>();
        String discriminator = Identifiers.quote(root.hierarchy().discriminator());
        for (EntityModel subtype : root.subtypes()) {
            List<String> required = subtype.ownProperties().stream()
                    .filter(Property::notNull)
                    .map(p -> Identifiers.quote(p.column()) + " IS NOT NULL")
                    .toList();
            if (!required.isEmpty()) {
                checks.add(discriminator + " <> " + SqlBuilder.literal(Subtype.of(subtype).value())
                        + " OR " + String.join(" AND ", required));
            }
        }
        return checks;
    }

    /**
     * The discriminator column of a hierarchy's root table, checked against the subtypes' values;
     * unchecked when a fallback subtype loads rows of any other value.
     */
    private static Column discriminator(HierarchyRoot root) {
        List<String> values = root.subtypes().stream()
                .map(subtype -> SqlBuilder.literal(Subtype.of(subtype).value()))
                .toList();
        String column = root.hierarchy().discriminator();
        boolean fallback = root.subtypes().stream().anyMatch(subtype -> Subtype.of(subtype).fallback());
        return new Column(column, "text", true, null, false, null,
                fallback ? null : Identifiers.quote(column) + " IN (" + String.join(", ", values) + ")");
    }

    /**
     * A table of a joined hierarchy besides the root's, a subtype's or an intermediate level's: the
     * root's key (tenant column and id), its own columns; its row references the root's and is
     * deleted with it.
     */
    private Table joinedTable(EntityKind.JoinedTable joined, List<String> key) {
        List<Column> columns = new ArrayList<>();
        columns.addAll(TenancyPass.scopeColumnsOf(entity));
        columns.add(new Column(entity.id().column(), entity.id().sqlType(), true, null, false, null, null));
        for (Property property : joined.properties()) {
            columns.add(column(property, true));
        }
        ForeignKey toRoot = new ForeignKey(key, entity.table(), key, strategy(), true);
        return table(joined.name(), columns, key, List.of(), List.of(toRoot), joined.properties());
    }

    /**
     * The entity's properties; for a hierarchy's root, then every subtype's own properties (once
     * per column: subtypes of a single table that map the same column share it).
     */
    private List<Property> allProperties() {
        List<Property> all = new ArrayList<>(entity.properties());
        if (entity.kind() instanceof HierarchyRoot root) {
            List<String> columns = new ArrayList<>(all.stream().map(Property::column).toList());
            for (EntityModel subtype : root.subtypes()) {
                for (Property property : subtype.ownProperties()) {
                    if (!columns.contains(property.column())) {
                        columns.add(property.column());
                        all.add(property);
                    }
                }
            }
        }
        return all;
    }

    private Strategy strategy() {
        return strategy(entity.isTenanted() ? entity.tenancy() : null);
    }

    private static Strategy strategy(Tenancy tenancy) {
        return tenancy == null ? Strategy.SHARED : Strategy.valueOf(tenancy.strategy().name());
    }

    /**
     * The history table of an audited entity: the tenant, the id and every audited column, then
     * version, operation, time, actor and transaction; keyed by (tenant, id, version), indexed for
     * "as of" (tenant, id, time), ranges (tenant, time) and transactions. Append-only: triggers
     * reject every UPDATE, DELETE and TRUNCATE. Isolated like the entity (row-level security).
     */
    private Table history(List<Property> properties) {
        String name = entity.audit().table();
        List<Column> columns = new ArrayList<>();
        columns.addAll(TenancyPass.scopeColumnsOf(entity));
        for (Property property : properties) {
            if (property.scopeColumn()) {
                continue;
            }
            if (property.id()) {
                columns.add(new Column(property.column(), property.sqlType(), true, null, false, null, null));
                if (entity.kind() instanceof InHierarchy member) {
                    columns.add(new Column(member.hierarchy().discriminator(), "text", true, null, false, null, null));
                }
            } else if (entity.inHistory(property)) {
                columns.add(new Column(property.column(), property.sqlType(), false, null, false, null, null));
            }
        }
        columns.add(new Column(Wire.HISTORY_VERSION, "bigint", true, null, false, null, null));
        List<String> operations = entity.isSoftDeleted() ? SoftDeletePass.HISTORY_OPERATIONS
                : List.of("INSERT", "UPDATE", "DELETE");
        columns.add(new Column(Wire.HISTORY_OPERATION, "text", true, null, false, null, Wire.HISTORY_OPERATION + " IN ("
                + String.join(", ", operations.stream().map(SqlBuilder::literal).toList()) + ")"));
        columns.add(new Column(Wire.HISTORY_CHANGED_AT, "timestamptz", true, "clock_timestamp()", false, null, null));
        columns.add(new Column(Wire.HISTORY_ACTOR, "text", false, null, false, null, null));
        columns.add(new Column(Wire.HISTORY_TRANSACTION_ID, "xid8", true, "pg_current_xact_id()", false, null, null));
        String id = entity.id().column();
        List<Index> indexes = List.of(
                new Index(name + "_as_of", TenancyPass.keyColumns(entity, id, Wire.HISTORY_CHANGED_AT, Wire.HISTORY_VERSION)),
                new Index(name + "_changed_at", TenancyPass.keyColumns(entity, Wire.HISTORY_CHANGED_AT)),
                new Index(name + "_transaction", TenancyPass.keyColumns(entity, Wire.HISTORY_TRANSACTION_ID)));
        return new Table(name, entity.type().canonicalName(), strategy(), entity.table(), columns,
                TenancyPass.keyColumns(entity, id, Wire.HISTORY_VERSION), List.of(), List.of(), List.of(), indexes,
                policy(), true);
    }

    /**
     * A foreign key to the referenced entity's key: between row-tenanted tables it includes the
     * tenant column on both sides, so a row can only reference its own tenant's rows; to a
     * vendor-scoped table, the vendor column too, so a row only references its own vendor's.
     */
    private ForeignKey foreignKey(Property property, Reference reference) {
        Tenancy target = reference.tenancy();
        if (target != null && (target.isRow() || target.vendorScoped())) {
            return new ForeignKey(TenancyPass.referenceColumns(entity, target, property.column()), reference.table(),
                    TenancyPass.keyColumns(target, reference.idColumn()), strategy(target), false);
        }
        return new ForeignKey(List.of(property.column()), reference.table(), List.of(reference.idColumn()),
                strategy(target), false);
    }

    /** @param constrained whether NOT NULL applies (not to a subtype's column in a single table) */
    private static Column column(Property property, boolean constrained) {
        String name = property.column();
        String type = property.sqlType();
        if (property.mapping().generatedAs() != null) {
            return new Column(name, type, false, null, false, property.mapping().generatedAs(), null);
        }
        boolean notNull = property.notNull() && constrained;
        String defaultSql = property.mapping().defaultSql();
        if (property.mapping().version()) {
            notNull = true;
            defaultSql = "0";
        }
        boolean identity = false;
        if (property.generated()) {
            if (property.valueType() == ValueType.UUID) {
                defaultSql = RANDOM_UUID;
            } else {
                identity = true;
            }
        }
        return new Column(name, type, notNull, defaultSql, identity, null, null);
    }

    private static final String RANDOM_UUID = "gen_random_uuid()";

    /**
     * An expression for a new value of the generated id {@code id} of {@code table}, the one the
     * column's DDL default would choose: for statements that need the id before the row is inserted.
     */
    static Fragment generatedId(Property id, TableRef table) {
        return id.valueType() == ValueType.UUID ? Fragment.sql(RANDOM_UUID)
                // the sequence looked up once per statement (an InitPlan), not once per row
                : Fragment.of("nextval((SELECT pg_get_serial_sequence(", new Fragment.TableName(table), ", "
                        + SqlBuilder.literal(id.column()) + ")))");
    }
}
