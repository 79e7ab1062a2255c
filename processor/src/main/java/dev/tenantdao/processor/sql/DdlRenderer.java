package dev.tenantdao.processor.sql;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Column;
import dev.tenantdao.annotations.internal.schema.SchemaModel.EnumType;
import dev.tenantdao.annotations.internal.schema.SchemaModel.ForeignKey;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Index;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Strategy;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Renderer;
import dev.tenantdao.processor.sql.model.TableRef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema model as PostgreSQL DDL, the one place tables, columns, keys, indexes, row-level
 * security and history triggers are written as SQL: for each entity's DDL resource (tables of a
 * tenant schema named {@code {schema}.table}, filled in by the runtime) and for migrations (run
 * by Flyway in the schema they create, so unqualified; a shared table referenced from a tenant
 * schema is named through the {@value #SHARED_SCHEMA_PLACEHOLDER} placeholder).
 */
public final class DdlRenderer {

    /** The Flyway placeholder for the shared schema, in migrations of the {@code schema} stream. */
    public static final String SHARED_SCHEMA_PLACEHOLDER = "${tenantdao_shared_schema}";

    private final boolean resource;
    private final String stream;

    private DdlRenderer(boolean resource, String stream) {
        this.resource = resource;
        this.stream = stream;
    }

    /** For the DDL resource {@code Schema.ddl} and {@code Database.createTenant} read. */
    public static DdlRenderer forResource() {
        return new DdlRenderer(true, null);
    }

    /** For the migrations of {@code stream} ({@link Strategy#stream()}). */
    public static DdlRenderer forMigration(String stream) {
        return new DdlRenderer(false, stream);
    }

    /**
     * The enum types, then each table with its indexes, triggers and policy. The enum types live
     * beside the tables: in the DDL resource of a schema-per-tenant entity, in the tenant's schema
     * ({@code {schema}.staff_role}, created there and named so by its columns), as its statements
     * name them; in migrations, unqualified (Flyway's default schema).
     */
    public String create(SchemaModel model) {
        Strategy strategy = model.tables().isEmpty() ? Strategy.SHARED : model.tables().get(0).strategy();
        Set<String> types = model.enumTypes().stream().map(EnumType::name).collect(Collectors.toSet());
        StringBuilder ddl = new StringBuilder();
        for (EnumType type : model.enumTypes()) {
            ddl.append(enumType(type, strategy));
        }
        for (Table table : model.tables()) {
            ddl.append(createTable(table, types));
        }
        return ddl.toString();
    }

    /** The table's name as statements of this DDL write it. */
    public String name(Table table) {
        return name(table.name(), table.strategy());
    }

    private String name(String table, Strategy strategy) {
        if (resource) {
            TableRef reference = TableRef.table(table);
            return Renderer.name(strategy == Strategy.SCHEMA ? reference.inTenantSchema() : reference);
        }
        if ("schema".equals(stream) && !strategy.stream().equals(stream)) {
            return SHARED_SCHEMA_PLACEHOLDER + "." + Identifiers.quote(table);
        }
        return Identifiers.quote(table);
    }

    /** The PostgreSQL enum type, as a migration creates it (unqualified); kept if it exists. */
    public String enumType(EnumType type) {
        return enumType(type, Strategy.SHARED);
    }

    private String enumType(EnumType type, Strategy strategy) {
        String labels = type.labels().stream().map(SqlBuilder::literal).collect(Collectors.joining(", "));
        return "DO $$ BEGIN\n    CREATE TYPE " + typeName(type.name(), strategy) + " AS ENUM (" + labels + ");\n"
                + "EXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\n";
    }

    /**
     * How this DDL names {@code type}, an enum type of an entity of {@code strategy}: in the tenant's
     * schema in the resource of a schema-per-tenant entity, as its statements name it; as declared otherwise.
     */
    private String typeName(String type, Strategy strategy) {
        Fragment.TypeName name = Fragment.TypeName.of(type);
        return Renderer.name(resource && strategy == Strategy.SCHEMA ? name.inTenantSchema() : name);
    }

    /**
     * {@code CREATE TABLE} (with its hash partitions when it is partitioned: PostgreSQL creates the
     * indexes, primary, unique and foreign keys and row triggers of the parent on each), its indexes,
     * its append-only triggers and its row-level security (on each partition too).
     */
    public String createTable(Table table) {
        return createTable(table, Set.of());
    }

    /** {@link #createTable(Table)}, its columns of the enum types {@code types} naming them as {@link #typeName} does. */
    private String createTable(Table table, Set<String> types) {
        String reference = name(table);
        List<String> lines = new java.util.ArrayList<>();
        for (Column column : table.columns()) {
            lines.add(column(!types.contains(column.type()) ? column : new Column(column.name(),
                    typeName(column.type(), table.strategy()), column.notNull(), column.defaultSql(), column.identity(),
                    column.generatedAs(), column.check())));
        }
        lines.add("PRIMARY KEY (" + columns(table.primaryKey()) + ")");
        for (String check : table.checks()) {
            lines.add("CHECK (" + check + ")");
        }
        for (List<String> unique : table.uniques()) {
            lines.add(unique(unique));
        }
        for (ForeignKey key : table.foreignKeys()) {
            lines.add(foreignKey(key));
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(reference).append(" (\n    ")
                .append(String.join(",\n    ", lines)).append("\n)");
        if (table.partitioned()) {
            ddl.append(" PARTITION BY HASH (").append(Identifiers.quote(table.partitionColumn())).append(");\n");
            for (int remainder = 0; remainder < table.partitions(); remainder++) {
                ddl.append("CREATE TABLE IF NOT EXISTS ").append(partitionName(table, remainder)).append(" PARTITION OF ")
                        .append(reference).append(" FOR VALUES WITH (MODULUS ").append(table.partitions())
                        .append(", REMAINDER ").append(remainder).append(");\n");
            }
        } else {
            ddl.append(";\n");
        }
        for (Index index : table.indexes()) {
            ddl.append(createIndex(table, index));
        }
        if (table.appendOnly()) {
            ddl.append(appendOnly(table));
        }
        if (table.policy() != null) {
            ddl.append(rowLevelSecurity(table));
        }
        return ddl.toString();
    }

    /** A column's definition, as in {@code CREATE TABLE} and {@code ADD COLUMN}. */
    public String column(Column column) {
        StringBuilder sql = new StringBuilder(Identifiers.quote(column.name())).append(' ').append(column.type());
        if (column.generatedAs() != null) {
            return sql.append(" GENERATED ALWAYS AS (").append(column.generatedAs()).append(") STORED").toString();
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        if (column.defaultSql() != null) {
            sql.append(" DEFAULT ").append(column.defaultSql());
        }
        if (column.identity()) {
            sql.append(" GENERATED BY DEFAULT AS IDENTITY");
        }
        if (column.check() != null) {
            sql.append(" CHECK (").append(column.check()).append(')');
        }
        return sql.toString();
    }

    public String unique(List<String> columns) {
        return "UNIQUE (" + columns(columns) + ")";
    }

    public String foreignKey(ForeignKey key) {
        return "FOREIGN KEY (" + columns(key.columns()) + ") REFERENCES " + name(key.table(), key.tableStrategy())
                + " (" + columns(key.referencedColumns()) + ")" + (key.cascade() ? " ON DELETE CASCADE" : "");
    }

    public String createIndex(Table table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX IF NOT EXISTS " + Identifiers.quote(index.name())
                + " ON " + name(table) + " (" + columns(index.columns()) + ")"
                + (index.where() == null ? "" : " WHERE " + index.where()) + ";\n";
    }

    /**
     * Row-level security as a second wall: with no tenant set no row is visible or writable, and a
     * row can only be written with the current tenant. {@code FORCE} makes the table's owner subject
     * to it too; only superusers and {@code BYPASSRLS} roles are not.
     */
    public String rowLevelSecurity(Table table) {
        StringBuilder ddl = new StringBuilder();
        // a statement naming a partition is checked against the partition's policy, not the parent's
        for (String reference : withPartitions(table)) {
            ddl.append(rowLevelSecurity(reference, table));
        }
        return ddl.toString();
    }

    private static String rowLevelSecurity(String reference, Table table) {
        String policy = Identifiers.quote(table.policyName());
        // (a tenant's own table is not forced: its policy lets every role at every row, and its owner keeps COPY FROM)
        return "ALTER TABLE " + reference + " ENABLE ROW LEVEL SECURITY;\n"
                + (table.tenantPolicy() ? "ALTER TABLE " + reference + " FORCE ROW LEVEL SECURITY;\n" : "")
                + "DROP POLICY IF EXISTS " + policy + " ON " + reference + ";\n"
                + "CREATE POLICY " + policy + " ON " + reference + "\n"
                + "    USING (" + table.policy() + ")\n"
                + "    WITH CHECK (" + table.policy() + ");\n";
    }

    /**
     * Drops policy {@code policyName} (a renamed table's old one) of {@code table} and, when it is
     * partitioned, of each partition; with {@code disable}, row-level security goes off too.
     */
    public String dropPolicy(Table table, String policyName, boolean disable) {
        StringBuilder ddl = new StringBuilder();
        for (String reference : withPartitions(table)) {
            ddl.append("DROP POLICY IF EXISTS ").append(Identifiers.quote(policyName)).append(" ON ").append(reference)
                    .append(";\n");
            if (disable) {
                ddl.append("ALTER TABLE ").append(reference).append(" NO FORCE ROW LEVEL SECURITY;\n")
                        .append("ALTER TABLE ").append(reference).append(" DISABLE ROW LEVEL SECURITY;\n");
            }
        }
        return ddl.toString();
    }

    /** The table's name, then its partitions', as statements of this DDL write them. */
    private List<String> withPartitions(Table table) {
        List<String> references = new java.util.ArrayList<>(List.of(name(table)));
        for (int remainder = 0; remainder < table.partitions(); remainder++) {
            references.add(partitionName(table, remainder));
        }
        return references;
    }

    /** The name of partition {@code remainder} of {@code table} as statements of this DDL write it. */
    public String partitionName(Table table, int remainder) {
        return name(table.partitionName(remainder), table.strategy());
    }

    /**
     * Operator access across tenants ({@code -Atenantdao.operatorRole}): the group role
     * {@code role}, made {@code NOLOGIN} when missing (the DBA grants it to operators' logins); the
     * append-only access log {@value Wire#OPERATOR_ACCESS_TABLE}, readable and appendable by that role
     * only (its own row-level security: an application role granted every table sees and writes none
     * of it); and beside the tenant policy of each of {@code tables} that has one, the operator's
     * policies: every row readable ({@code FOR SELECT TO role USING (true)}), and writes held back by
     * restrictive policies unless the transaction set {@value Wire#OPERATOR_WRITES_SETTING} to
     * {@code on} (an operator's writes still need the tenant policy: one tenant at a time). Policies
     * name the role, so nothing another role sets reaches them.
     */
    public String operatorAccess(String role, Strategy strategy, List<Table> tables) {
        StringBuilder ddl = new StringBuilder(operatorRoleAndLog(role, strategy));
        for (Table table : tables) {
            ddl.append(operatorPolicies(role, table));
        }
        return ddl.toString();
    }

    /**
     * The operators' group role {@code role}, created {@code NOLOGIN} when missing, and the access log of
     * the calls on rows of {@code strategy}, created when missing where those rows are: beside the shared
     * and row-tenanted tables, in each tenant's schema, in each tenant's database; the role gets the use
     * of that schema (in a migration: the schema it runs in).
     */
    public String operatorRoleAndLog(String role, Strategy strategy) {
        String grantee = Identifiers.quote(role);
        String log = name(Wire.OPERATOR_ACCESS_TABLE, strategy);
        String function = name(Wire.OPERATOR_ACCESS_TABLE + "_append_only", strategy);
        StringBuilder ddl = new StringBuilder()
                .append("DO $$\nBEGIN\n    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ").append(SqlBuilder.literal(role))
                .append(") THEN\n        CREATE ROLE ").append(grantee).append(" NOLOGIN;\n    END IF;\n")
                .append("EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;\nEND $$;\n")
                .append("CREATE TABLE IF NOT EXISTS ").append(log).append(" (\n")
                .append("    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
                .append("    at timestamptz NOT NULL DEFAULT now(),\n")
                .append("    actor text NOT NULL,\n    reason text NOT NULL,\n    operation text NOT NULL,\n")
                .append("    tenants text[] NOT NULL,\n    row_count bigint,\n    writes boolean NOT NULL,\n")
                .append("    failure text,\n    rolled_back boolean NOT NULL DEFAULT false\n);\n")
                .append("CREATE OR REPLACE FUNCTION ").append(function).append("() RETURNS trigger LANGUAGE plpgsql AS $$\n")
                .append("BEGIN\n    RAISE EXCEPTION '").append(Wire.OPERATOR_ACCESS_TABLE).append(" is append-only: % refused', TG_OP;\nEND $$;\n");
        for (String[] trigger : new String[][] {{"_append_only", "UPDATE OR DELETE", "ROW"}, {"_no_truncate", "TRUNCATE", "STATEMENT"}}) {
            String name = Wire.OPERATOR_ACCESS_TABLE + trigger[0];
            ddl.append("DROP TRIGGER IF EXISTS ").append(name).append(" ON ").append(log).append(";\n")
                    .append("CREATE TRIGGER ").append(name).append(" BEFORE ").append(trigger[1])
                    .append(" ON ").append(log).append(" FOR EACH ").append(trigger[2]).append(" EXECUTE FUNCTION ")
                    .append(function).append("();\n");
        }
        ddl.append("ALTER TABLE ").append(log).append(" ENABLE ROW LEVEL SECURITY;\n")
                .append("ALTER TABLE ").append(log).append(" FORCE ROW LEVEL SECURITY;\n");
        for (String[] policy : new String[][] {{"_read", "SELECT", "USING (true)"}, {"_append", "INSERT", "WITH CHECK (true)"}}) {
            String name = Wire.OPERATOR_ACCESS_TABLE + policy[0];
            ddl.append("DROP POLICY IF EXISTS ").append(name).append(" ON ").append(log).append(";\n")
                    .append("CREATE POLICY ").append(name).append(" ON ").append(log).append(" FOR ")
                    .append(policy[1]).append(" TO ").append(grantee).append(' ').append(policy[2]).append(";\n");
        }
        ddl.append("GRANT SELECT, INSERT ON ").append(log).append(" TO ").append(grantee).append(";\n");
        if (!resource) {
            // (the DDL resource runs wherever its caller chose; a migration knows its schema)
            ddl.append("GRANT USAGE ON SCHEMA \"${flyway:defaultSchema}\" TO ").append(grantee).append(";\n");
        } else if (strategy == Strategy.SCHEMA) {
            ddl.append("GRANT USAGE ON SCHEMA ").append(Wire.SCHEMA_PLACEHOLDER).append(" TO ").append(grantee).append(";\n");
        }
        return ddl.toString();
    }

    /**
     * The operators' policies on {@code table} and its partitions, beside its tenant policy, and the
     * role's grant on it; nothing for a table without row-level security.
     */
    public String operatorPolicies(String role, Table table) {
        if (table.policy() == null) {
            return "";
        }
        String grantee = Identifiers.quote(role);
        String writes = "current_setting('" + Wire.OPERATOR_WRITES_SETTING + "', true) = '" + Wire.OPERATOR_WRITES_ON + "'";
        StringBuilder ddl = new StringBuilder();
        for (String reference : withPartitions(table)) {
            String[][] policies = {
                    {Wire.OPERATOR_POLICIES.get(0), "FOR SELECT", "USING (true)"},
                    {Wire.OPERATOR_POLICIES.get(1), "AS RESTRICTIVE FOR INSERT", "WITH CHECK (" + writes + ")"},
                    {Wire.OPERATOR_POLICIES.get(2), "AS RESTRICTIVE FOR UPDATE", "USING (" + writes + ") WITH CHECK (" + writes + ")"},
                    {Wire.OPERATOR_POLICIES.get(3), "AS RESTRICTIVE FOR DELETE", "USING (" + writes + ")"}};
            for (String[] policy : policies) {
                String name = Identifiers.quote(table.name() + policy[0]);
                ddl.append("DROP POLICY IF EXISTS ").append(name).append(" ON ").append(reference).append(";\n")
                        .append("CREATE POLICY ").append(name).append(" ON ").append(reference).append(' ')
                        .append(policy[1]).append(" TO ").append(grantee).append("\n    ").append(policy[2])
                        .append(";\n");
            }
        }
        // a history table is read and appended only (its triggers refuse the rest), as Grants gives the application
        ddl.append("GRANT ").append(table.appendOnly() ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE").append(" ON ")
                .append(name(table)).append(" TO ").append(grantee).append(";\n");
        return ddl.toString();
    }

    /**
     * Takes operator access back from {@code table}: drops the operators' policies named after table
     * {@code named} (its name in the previous version) from it and its partitions and, with {@code
     * revokeFrom}, revokes that role's privileges on it (when the role still exists: it is shared by
     * the cluster's databases, and never dropped here).
     */
    public String dropOperatorPolicies(Table table, String named, String revokeFrom) {
        StringBuilder ddl = new StringBuilder();
        for (String reference : withPartitions(table)) {
            for (String policy : Wire.OPERATOR_POLICIES) {
                ddl.append("DROP POLICY IF EXISTS ").append(Identifiers.quote(named + policy)).append(" ON ")
                        .append(reference).append(";\n");
            }
        }
        if (revokeFrom != null) {
            String revoke = "REVOKE ALL ON " + name(table) + " FROM " + Identifiers.quote(revokeFrom);
            ddl.append("DO $$\nBEGIN\n    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ").append(SqlBuilder.literal(revokeFrom))
                    .append(") THEN\n        EXECUTE ").append(SqlBuilder.literal(revoke)).append(";\n    END IF;\nEND $$;\n");
        }
        return ddl.toString();
    }

    /**
     * Triggers that reject every UPDATE, DELETE and TRUNCATE of a history table, and their function,
     * in the table's own schema: a tenant's schema has its own, so creating a tenant needs no right on
     * any other schema, and tenants created at once never replace one shared function.
     */
    public String appendOnly(Table table) {
        String reference = name(table);
        String trigger = Identifiers.quote(table.name() + "_append_only");
        return "CREATE OR REPLACE FUNCTION " + appendOnlyFunction(table) + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n    RAISE EXCEPTION 'history is append-only: % on %', TG_OP, TG_TABLE_NAME;\nEND $$;\n"
                + "DROP TRIGGER IF EXISTS " + trigger + " ON " + reference + ";\n"
                + "CREATE TRIGGER " + trigger + " BEFORE UPDATE OR DELETE ON " + reference
                + " FOR EACH ROW EXECUTE FUNCTION " + appendOnlyFunction(table) + "();\n"
                + noTruncate(table);
    }

    private String appendOnlyFunction(Table table) {
        return name("tenantdao_history_append_only", table.strategy());
    }

    /**
     * The statement trigger refusing TRUNCATE, on the table and on each partition: PostgreSQL gives
     * a partition the parent's row triggers, but not its TRUNCATE triggers, and a partition can be
     * truncated by name.
     */
    private String noTruncate(Table table) {
        String truncate = Identifiers.quote(table.name() + "_no_truncate");
        StringBuilder ddl = new StringBuilder();
        for (String reference : withPartitions(table)) {
            ddl.append("DROP TRIGGER IF EXISTS ").append(truncate).append(" ON ").append(reference).append(";\n")
                    .append("CREATE TRIGGER ").append(truncate).append(" BEFORE TRUNCATE ON ").append(reference)
                    .append(" FOR EACH STATEMENT EXECUTE FUNCTION ").append(appendOnlyFunction(table)).append("();\n");
        }
        return ddl.toString();
    }

    static String columns(List<String> columns) {
        return columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }
}
