package dev.tenantdao.processor.sql;

import dev.tenantdao.annotations.Tenanted;
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
 * policy. The first line names the strategy, for the runtime.
 */
final class DdlBuilder {

    /** Must equal the runtime's {@code Schema.STRATEGY_HEADER}. */
    static final String STRATEGY_HEADER = "-- tenantdao strategy: ";

    private final EntityModel entity;
    private final String table;

    DdlBuilder(EntityModel entity) {
        this.entity = entity;
        this.table = SqlBuilder.tableReference(entity);
    }

    String build() {
        List<String> lines = new ArrayList<>();
        List<String> key = new ArrayList<>();
        String tenantColumn = null;
        if (SqlBuilder.hasTenantColumn(entity)) {
            tenantColumn = Identifiers.quote(entity.tenancy().column());
            lines.add(tenantColumn + " " + entity.tenancy().sqlType() + " NOT NULL");
            key.add(tenantColumn);
        }
        for (Property property : entity.properties()) {
            if (property.tenantId()) {
                continue;
            }
            lines.add(column(property));
            if (property.id()) {
                key.add(Identifiers.quote(property.column()));
            }
        }
        lines.add("PRIMARY KEY (" + String.join(", ", key) + ")");
        for (Property property : entity.properties()) {
            if (property.mapping().unique()) {
                lines.add("UNIQUE (" + (tenantColumn != null ? tenantColumn + ", " : "")
                        + Identifiers.quote(property.column()) + ")");
            }
        }
        for (Property property : entity.properties()) {
            if (property.reference() != null) {
                lines.add(foreignKey(property, property.reference(), tenantColumn));
            }
        }
        StringBuilder ddl = new StringBuilder(STRATEGY_HEADER).append(strategy()).append('\n');
        for (Property property : entity.properties()) {
            if (!property.mapping().enumConstants().isEmpty()) {
                ddl.append(enumType(property));
            }
        }
        ddl.append("CREATE TABLE IF NOT EXISTS ").append(table).append(" (\n    ")
                .append(String.join(",\n    ", lines)).append("\n);\n");
        for (Property property : entity.properties()) {
            if (property.reference() != null) {
                ddl.append("CREATE INDEX IF NOT EXISTS ")
                        .append(Identifiers.quote(entity.table() + "_" + property.column() + "_idx"))
                        .append(" ON ").append(table).append(" (")
                        .append(tenantColumn != null ? tenantColumn + ", " : "")
                        .append(Identifiers.quote(property.column())).append(");\n");
            }
        }
        if (entity.isTenanted() && entity.tenancy().usesRowLevelSecurity()) {
            ddl.append(rowLevelSecurity(entity.tenancy()));
        }
        return ddl.toString();
    }

    private String strategy() {
        return entity.isTenanted() ? entity.tenancy().strategy().name() : "SHARED";
    }

    /**
     * Row-level security as a second wall: with no tenant set no row is visible or writable, and a
     * row can only be written with the current tenant. {@code FORCE} makes the table's owner subject
     * to it too; only superusers and {@code BYPASSRLS} roles are not.
     */
    private String rowLevelSecurity(Tenancy tenancy) {
        String current = "NULLIF(current_setting('" + Tenanted.TENANT_SETTING + "', true), '')"
                + (tenancy.columnType() == Tenanted.ColumnType.TEXT ? "" : "::" + tenancy.sqlType());
        String condition = Identifiers.quote(tenancy.column()) + " = " + current;
        String policy = Identifiers.quote(entity.table() + "_tenant_isolation");
        return "ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY;\n"
                + "ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY;\n"
                + "DROP POLICY IF EXISTS " + policy + " ON " + table + ";\n"
                + "CREATE POLICY " + policy + " ON " + table + "\n"
                + "    USING (" + condition + ")\n"
                + "    WITH CHECK (" + condition + ");\n";
    }

    /** The PostgreSQL enum type of an enum field declared {@code @Column(type = "...")}; kept if it exists. */
    private static String enumType(Property property) {
        String labels = String.join(", ", property.mapping().enumConstants().stream().map(c -> "'" + c + "'").toList());
        return "DO $$ BEGIN\n    CREATE TYPE " + property.mapping().customType() + " AS ENUM (" + labels + ");\n"
                + "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\n";
    }

    private static String foreignKey(Property property, Reference reference, String tenantColumn) {
        String target = Identifiers.quote(reference.table());
        String targetId = Identifiers.quote(reference.idColumn());
        String column = Identifiers.quote(property.column());
        Tenancy targetTenancy = reference.tenancy();
        if (targetTenancy != null && targetTenancy.isRow()) {
            return "FOREIGN KEY (" + tenantColumn + ", " + column + ") REFERENCES " + target
                    + " (" + Identifiers.quote(targetTenancy.column()) + ", " + targetId + ")";
        }
        if (targetTenancy != null && targetTenancy.isSchema()) {
            target = SqlBuilder.SCHEMA_PLACEHOLDER + "." + target;
        }
        return "FOREIGN KEY (" + column + ") REFERENCES " + target + " (" + targetId + ")";
    }

    private static String column(Property property) {
        StringBuilder column = new StringBuilder(Identifiers.quote(property.column()))
                .append(' ').append(property.sqlType());
        if (property.mapping().generatedAs() != null) {
            return column.append(" GENERATED ALWAYS AS (").append(property.mapping().generatedAs())
                    .append(") STORED").toString();
        }
        if (property.notNull()) {
            column.append(" NOT NULL");
        }
        if (property.mapping().defaultSql() != null) {
            column.append(" DEFAULT ").append(property.mapping().defaultSql());
        }
        if (property.generated()) {
            column.append(property.valueType() == ValueType.UUID
                    ? " DEFAULT gen_random_uuid()"
                    : " GENERATED BY DEFAULT AS IDENTITY");
        }
        return column.toString();
    }
}
