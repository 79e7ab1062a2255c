package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.TableRef;
import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityKind.Subtype;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.Reference;
import dev.tenantdao.processor.model.Tenancy;
import dev.tenantdao.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The DDL an entity's DAO expects: its table (with the tenant column in the primary key and in
 * every foreign key to another row-tenanted table), and for row tenancy the row-level security
 * policy. The first line names the strategy, for the runtime. Built for a standalone entity and for
 * a hierarchy's root (whose DDL holds its subtypes' columns or tables), not for a subtype.
 */
final class DdlBuilder {

    static final String STRATEGY_HEADER = dev.tenantdao.annotations.internal.Wire.STRATEGY_HEADER;

    private final EntityModel entity;
    private final String table;

    DdlBuilder(EntityModel entity) {
        this.entity = entity;
        this.table = TenancyPass.tableName(entity, entity.table());
    }

    String build() {
        boolean joined = entity.kind() instanceof InHierarchy member && member.hierarchy().isJoined();
        List<Property> all = allProperties();
        StringBuilder ddl = new StringBuilder(STRATEGY_HEADER).append(strategy()).append('\n');
        for (Property property : all) {
            if (!property.mapping().enumConstants().isEmpty()) {
                ddl.append(enumType(property));
            }
        }
        List<String> lines = new ArrayList<>();
        TenancyPass.tenantColumnDefinition(entity).ifPresent(lines::add);
        String key = TenancyPass.key(entity, Identifiers.quote(entity.id().column()));
        List<Property> inTable = joined ? entity.properties() : all;
        for (Property property : inTable) {
            if (property.tenantId()) {
                continue;
            }
            // a subtype's own column is NULL in the rows of the other subtypes of a single table
            lines.add(column(property, entity.properties().contains(property)));
            if (property.id()) {
                if (entity.kind() instanceof HierarchyRoot root) {
                    lines.add(discriminator(root));
                }
            }
        }
        if (entity.isAudited()) {
            lines.add(Wire.HISTORY_VERSION + " bigint NOT NULL DEFAULT 1");
            lines.add(Wire.HISTORY_CHANGED + " boolean NOT NULL DEFAULT true");
        }
        lines.add("PRIMARY KEY (" + key + ")");
        if (entity.kind() instanceof HierarchyRoot root && !joined) {
            lines.addAll(subtypeNotNull(root));
        }
        ddl.append(table(table, entity.table(), lines, inTable));
        if (entity.kind() instanceof HierarchyRoot root && joined) {
            for (EntityModel subtype : root.subtypes()) {
                ddl.append(subtypeTable(subtype, key));
            }
        }
        if (entity.isAudited()) {
            ddl.append(history(all));
        }
        return ddl.toString();
    }

    /**
     * {@code CREATE TABLE} with {@code lines} (columns and primary key) plus the unique and foreign
     * keys of {@code properties}, the indexes of its references, and row-level security.
     */
    private String table(String reference, String name, List<String> lines, List<Property> properties) {
        List<String> all = new ArrayList<>(lines);
        for (Property property : properties) {
            if (property.mapping().unique()) {
                all.add("UNIQUE (" + TenancyPass.key(entity, Identifiers.quote(property.column())) + ")");
            }
        }
        for (Property property : properties) {
            if (property.reference() != null) {
                all.add(foreignKey(property, property.reference()));
            }
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(reference).append(" (\n    ")
                .append(String.join(",\n    ", all)).append("\n);\n");
        for (Property property : properties) {
            if (property.reference() != null) {
                ddl.append("CREATE INDEX IF NOT EXISTS ")
                        .append(Identifiers.quote(name + "_" + property.column() + "_idx"))
                        .append(" ON ").append(reference).append(" (")
                        .append(TenancyPass.key(entity, Identifiers.quote(property.column()))).append(");\n");
            }
        }
        if (entity.isTenanted() && entity.tenancy().usesRowLevelSecurity()) {
            ddl.append(rowLevelSecurity(entity.tenancy(), reference, name));
        }
        return ddl.toString();
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
                checks.add("CHECK (" + discriminator + " <> " + SqlBuilder.literal(Subtype.of(subtype).value())
                        + " OR " + String.join(" AND ", required) + ")");
            }
        }
        return checks;
    }

    /** The discriminator column of a hierarchy's root table, checked against the subtypes' values. */
    private static String discriminator(HierarchyRoot root) {
        List<String> values = root.subtypes().stream()
                .map(subtype -> SqlBuilder.literal(Subtype.of(subtype).value()))
                .toList();
        String column = Identifiers.quote(root.hierarchy().discriminator());
        return column + " text NOT NULL CHECK (" + column + " IN (" + String.join(", ", values) + "))";
    }

    /**
     * A joined subtype's table: the root's key (tenant column and id), its own columns; its row
     * references the root's and is deleted with it.
     */
    private String subtypeTable(EntityModel subtype, String key) {
        String name = Subtype.of(subtype).table().orElseThrow();
        List<String> lines = new ArrayList<>();
        TenancyPass.tenantColumnDefinition(entity).ifPresent(lines::add);
        lines.add(Identifiers.quote(entity.id().column()) + " " + entity.id().sqlType() + " NOT NULL");
        for (Property property : subtype.ownProperties()) {
            lines.add(column(property, true));
        }
        lines.add("PRIMARY KEY (" + key + ")");
        lines.add("FOREIGN KEY (" + key + ") REFERENCES " + table + " (" + key + ") ON DELETE CASCADE");
        return table(TenancyPass.tableName(entity, name), name, lines, subtype.ownProperties());
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

    private String strategy() {
        return entity.isTenanted() ? entity.tenancy().strategy().name() : "SHARED";
    }

    /**
     * Row-level security as a second wall: with no tenant set no row is visible or writable, and a
     * row can only be written with the current tenant. {@code FORCE} makes the table's owner subject
     * to it too; only superusers and {@code BYPASSRLS} roles are not.
     */
    private static String rowLevelSecurity(Tenancy tenancy, String table, String tableName) {
        String condition = TenancyPass.policyCondition(tenancy);
        String policy = Identifiers.quote(tableName + "_tenant_isolation");
        return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;\n"
                + "DROP POLICY IF EXISTS " + policy + " ON " + table + ";\n"
                + "CREATE POLICY " + policy + " ON " + table + "\n"
                + "    USING (" + condition + ")\n"
                + "    WITH CHECK (" + condition + ");\n";
    }

    /**
     * The history table of an audited entity: the tenant, the id and every audited column, then
     * version, operation, time, actor and transaction; keyed by (tenant, id, version), indexed for
     * "as of" (tenant, id, time), ranges (tenant, time) and transactions. Append-only: a trigger
     * rejects every UPDATE, DELETE and TRUNCATE. Isolated like the entity (row-level security).
     */
    private String history(List<Property> properties) {
        String history = TenancyPass.tableName(entity, entity.audit().table());
        String name = entity.audit().table();
        List<String> lines = new ArrayList<>();
        TenancyPass.tenantColumnDefinition(entity).ifPresent(lines::add);
        for (Property property : properties) {
            if (property.tenantId()) {
                continue;
            }
            if (property.id()) {
                lines.add(Identifiers.quote(property.column()) + " " + property.sqlType() + " NOT NULL");
                if (entity.kind() instanceof InHierarchy member) {
                    lines.add(Identifiers.quote(member.hierarchy().discriminator()) + " text NOT NULL");
                }
            } else if (entity.inHistory(property)) {
                lines.add(Identifiers.quote(property.column()) + " " + property.sqlType());
            }
        }
        lines.add(Wire.HISTORY_VERSION + " bigint NOT NULL");
        lines.add(Wire.HISTORY_OPERATION + " text NOT NULL CHECK (" + Wire.HISTORY_OPERATION + " IN ('INSERT', 'UPDATE', 'DELETE'))");
        lines.add(Wire.HISTORY_CHANGED_AT + " timestamptz NOT NULL DEFAULT clock_timestamp()");
        lines.add(Wire.HISTORY_ACTOR + " text");
        lines.add(Wire.HISTORY_TRANSACTION_ID + " xid8 NOT NULL DEFAULT pg_current_xact_id()");
        String id = Identifiers.quote(entity.id().column());
        lines.add("PRIMARY KEY (" + TenancyPass.key(entity, id, Wire.HISTORY_VERSION) + ")");
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(history).append(" (\n    ")
                .append(String.join(",\n    ", lines)).append("\n);\n")
                .append("CREATE INDEX IF NOT EXISTS ").append(Identifiers.quote(name + "_as_of")).append(" ON ")
                .append(history).append(" (").append(TenancyPass.key(entity, id, Wire.HISTORY_CHANGED_AT, Wire.HISTORY_VERSION))
                .append(");\n")
                .append("CREATE INDEX IF NOT EXISTS ").append(Identifiers.quote(name + "_changed_at")).append(" ON ")
                .append(history).append(" (").append(TenancyPass.key(entity, Wire.HISTORY_CHANGED_AT)).append(");\n")
                .append("CREATE INDEX IF NOT EXISTS ").append(Identifiers.quote(name + "_transaction")).append(" ON ")
                .append(history).append(" (").append(TenancyPass.key(entity, Wire.HISTORY_TRANSACTION_ID)).append(");\n")
                .append("CREATE OR REPLACE FUNCTION tenantdao_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n")
                .append("BEGIN\n    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;\nEND $$;\n");
        String trigger = Identifiers.quote(name + "_append_only");
        ddl.append("DROP TRIGGER IF EXISTS ").append(trigger).append(" ON ").append(history).append(";\n")
                .append("CREATE TRIGGER ").append(trigger).append(" BEFORE UPDATE OR DELETE ON ").append(history)
                .append(" FOR EACH ROW EXECUTE FUNCTION tenantdao_history_append_only();\n");
        String truncate = Identifiers.quote(name + "_no_truncate");
        ddl.append("DROP TRIGGER IF EXISTS ").append(truncate).append(" ON ").append(history).append(";\n")
                .append("CREATE TRIGGER ").append(truncate).append(" BEFORE TRUNCATE ON ").append(history)
                .append(" FOR EACH STATEMENT EXECUTE FUNCTION tenantdao_history_append_only();\n");
        if (entity.isTenanted() && entity.tenancy().usesRowLevelSecurity()) {
            ddl.append(rowLevelSecurity(entity.tenancy(), history, name));
        }
        return ddl.toString();
    }

    /** The PostgreSQL enum type of an enum field declared {@code @Column(type = "...")}; kept if it exists. */
    private static String enumType(Property property) {
        String labels = String.join(", ", property.mapping().enumConstants().stream().map(c -> "'" + c + "'").toList());
        return "DO $$ BEGIN\n    CREATE TYPE " + property.mapping().customType() + " AS ENUM (" + labels + ");\n"
                + "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\n";
    }

    /**
     * A foreign key to the referenced entity's key: between row-tenanted tables it includes the
     * tenant column on both sides, so a row can only reference its own tenant's rows.
     */
    private String foreignKey(Property property, Reference reference) {
        String target = TenancyPass.tableName(reference.tenancy(), reference.table());
        String targetId = Identifiers.quote(reference.idColumn());
        String column = Identifiers.quote(property.column());
        Tenancy targetTenancy = reference.tenancy();
        if (targetTenancy != null && targetTenancy.isRow()) {
            return "FOREIGN KEY (" + TenancyPass.key(entity, column) + ") REFERENCES " + target
                    + " (" + TenancyPass.key(targetTenancy, targetId) + ")";
        }
        return "FOREIGN KEY (" + column + ") REFERENCES " + target + " (" + targetId + ")";
    }

    /** @param constrained whether NOT NULL applies (not to a subtype's column in a single table) */
    private static String column(Property property, boolean constrained) {
        StringBuilder column = new StringBuilder(Identifiers.quote(property.column()))
                .append(' ').append(property.sqlType());
        if (property.mapping().generatedAs() != null) {
            return column.append(" GENERATED ALWAYS AS (").append(property.mapping().generatedAs())
                    .append(") STORED").toString();
        }
        if (property.notNull() && constrained) {
            column.append(" NOT NULL");
        }
        if (property.mapping().defaultSql() != null) {
            column.append(" DEFAULT ").append(property.mapping().defaultSql());
        }
        if (property.mapping().version()) {
            column.append(property.notNull() && constrained ? "" : " NOT NULL").append(" DEFAULT 0");
        }
        if (property.generated()) {
            column.append(property.valueType() == ValueType.UUID
                    ? " DEFAULT " + RANDOM_UUID
                    : " GENERATED BY DEFAULT AS IDENTITY");
        }
        return column.toString();
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
    }}
