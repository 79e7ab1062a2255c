package dev.tenantdao.annotations.internal.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables tenantdao's generated code expects, as data: what the processor renders as DDL and
 * migrations, exports as a schema version ({@link #toJson()}), compares with the previous
 * version, and what the runtime compares with a live database. Names are unquoted; types are
 * PostgreSQL's as written in the DDL. Tables are in creation order (referenced tables first).
 */
public record SchemaModel(List<EnumType> enumTypes, List<Table> tables) {

    /** The format of {@link #toJson()}; a newer processor reads older formats. */
    public static final int FORMAT = 1;

    public SchemaModel {
        enumTypes = List.copyOf(enumTypes);
        tables = List.copyOf(tables);
    }

    /** Where a table lives, which decides where its migrations run. */
    public enum Strategy {
        SHARED, ROW, SCHEMA, DATABASE;

        /** The migrations a table of this strategy is in: {@code shared}, {@code schema} or {@code database}. */
        public String stream() {
            return switch (this) {
                case SHARED, ROW -> "shared";
                case SCHEMA -> "schema";
                case DATABASE -> "database";
            };
        }
    }

    /** A PostgreSQL enum type ({@code @Column(type = ...)} on an enum field). */
    public record EnumType(String name, List<String> labels) {
        public EnumType {
            labels = List.copyOf(labels);
        }
    }

    /**
     * A table. {@code entity} is the entity class it belongs to; {@code historyOf} the audited
     * table a history table records (else null); {@code policy} the row-level-security condition
     * (else null: no row-level security; {@code true} for a schema- or database-per-tenant table with
     * operator access, see {@link #ownRows()}); {@code appendOnly} whether triggers refuse updates,
     * deletes and truncation (history tables); {@code partitions} the number of hash partitions of
     * its first column, the tenant column ({@code @PartitionedByTenant}; 0: not partitioned);
     * {@code operatorRole} the operators' group role of a tenanted table ({@code
     * -Atenantdao.operatorRole}: with a {@code policy}, the role's read and write policies beside it),
     * else null; {@code joined} which rows of its hierarchy's root table a table of a joined hierarchy
     * besides the root's has a row for (else null; absent from versions exported before it was recorded).
     */
    public record Table(String name, String entity, Strategy strategy, String historyOf, List<Column> columns,
            List<String> primaryKey, List<String> checks, List<List<String>> uniques, List<ForeignKey> foreignKeys,
            List<Index> indexes, String policy, boolean appendOnly, int partitions, String operatorRole, Joined joined) {
        public Table {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            checks = List.copyOf(checks);
            uniques = uniques.stream().map(List::copyOf).toList();
            foreignKeys = List.copyOf(foreignKeys);
            indexes = List.copyOf(indexes);
            if (partitions < 0 || partitions == 1) {
                throw new IllegalArgumentException("Table " + name + ": " + partitions + " partitions");
            }
        }

        /** A table that is not of a joined hierarchy besides its root's. */
        public Table(String name, String entity, Strategy strategy, String historyOf, List<Column> columns,
                List<String> primaryKey, List<String> checks, List<List<String>> uniques, List<ForeignKey> foreignKeys,
                List<Index> indexes, String policy, boolean appendOnly, int partitions, String operatorRole) {
            this(name, entity, strategy, historyOf, columns, primaryKey, checks, uniques, foreignKeys, indexes, policy,
                    appendOnly, partitions, operatorRole, null);
        }

        /** A table that is not partitioned, without operator access. */
        public Table(String name, String entity, Strategy strategy, String historyOf, List<Column> columns,
                List<String> primaryKey, List<String> checks, List<List<String>> uniques, List<ForeignKey> foreignKeys,
                List<Index> indexes, String policy, boolean appendOnly) {
            this(name, entity, strategy, historyOf, columns, primaryKey, checks, uniques, foreignKeys, indexes, policy,
                    appendOnly, 0, null);
        }

        /** Whether it is partitioned by hash of its tenant column. */
        public boolean partitioned() {
            return partitions > 0;
        }

        /** The column it is partitioned by: the tenant column, which leads its primary key. */
        public String partitionColumn() {
            return primaryKey.get(0);
        }

        /** The name of its partition {@code remainder} (from 0 to {@code partitions - 1}). */
        public String partitionName(int remainder) {
            return partitionName(name, remainder);
        }

        /** The name of partition {@code remainder} of table {@code table}: {@code <table>_p<remainder>}. */
        public static String partitionName(String table, int remainder) {
            return table + "_p" + remainder;
        }

        /** The same table with {@code partitions} hash partitions (0: none). */
        public Table withPartitions(int partitions) {
            return new Table(name, entity, strategy, historyOf, columns, primaryKey, checks, uniques, foreignKeys,
                    indexes, policy, appendOnly, partitions, operatorRole, joined);
        }

        /** The same table with {@code role} as its operators' group role (null: no operator access). */
        public Table withOperatorRole(String role) {
            return new Table(name, entity, strategy, historyOf, columns, primaryKey, checks, uniques, foreignKeys,
                    indexes, policy, appendOnly, partitions, role, joined);
        }

        /** The same table, a table of a joined hierarchy besides the root's holding the rows {@code joined} names. */
        public Table withJoined(Joined joined) {
            return new Table(name, entity, strategy, historyOf, columns, primaryKey, checks, uniques, foreignKeys,
                    indexes, policy, appendOnly, partitions, operatorRole, joined);
        }

        /** Whether the operators' role has its policies on it: operator access on, and row-level security. */
        public boolean operatorPolicies() {
            return operatorRole != null && policy != null;
        }

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        /**
         * The name of its row-level-security policy: {@code _tenant_isolation} for a tenant predicate,
         * {@code _own_rows} for a schema- or database-per-tenant table's, whose rows are all the tenant's.
         */
        public String policyName() {
            return name + (ownRows() ? "_own_rows" : "_tenant_isolation");
        }

        /** Whether its policy lets every role at every row: the tenant's own table (schema or database per tenant). */
        public boolean ownRows() {
            return dev.tenantdao.annotations.internal.Wire.TENANTS_OWN_ROWS.equals(policy);
        }

        /**
         * Whether its policy is a tenant predicate, a wall the application's role is held by: row-level security
         * forced on it (its owner held too). Not a tenant's own table's, whose schema or database is the wall.
         */
        public boolean tenantPolicy() {
            return policy != null && !ownRows();
        }
    }

    /**
     * Which rows a table of a joined hierarchy besides the root's holds: one for each row of {@code
     * root}, the hierarchy's root table, whose discriminator column {@code discriminator} holds one of
     * {@code values}. {@code type} is the class whose fields its columns map: an intermediate level
     * ({@code level}: the values of the concrete subtypes below it) or a subtype (its own value).
     */
    public record Joined(String root, String discriminator, List<String> values, String type, boolean level) {
        public Joined {
            values = List.copyOf(values);
        }
    }

    /**
     * A column: {@code defaultSql} its DEFAULT expression, {@code identity} whether it is
     * {@code GENERATED BY DEFAULT AS IDENTITY}, {@code generatedAs} the expression of a stored
     * generated column, {@code check} a column CHECK constraint's condition (each null when absent).
     */
    public record Column(String name, String type, boolean notNull, String defaultSql, boolean identity,
            String generatedAs, String check) {}

    /**
     * A foreign key to {@code table}, a table of {@code tableStrategy} (a tenant schema's table may
     * reference a shared one); {@code cascade}: {@code ON DELETE CASCADE}.
     */
    public record ForeignKey(List<String> columns, String table, List<String> referencedColumns, Strategy tableStrategy,
            boolean cascade) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    /**
     * An index on {@code columns}; {@code unique} a unique index, {@code where} the predicate of a
     * partial index (a {@code @SoftDelete} entity's unique columns: unique among live rows), or null.
     */
    public record Index(String name, List<String> columns, boolean unique, String where) {
        public Index {
            columns = List.copyOf(columns);
        }

        /** A plain index. */
        public Index(String name, List<String> columns) {
            this(name, columns, false, null);
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String name) {
        return enumTypes.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The tables and enum types of one stream ({@link Strategy#stream()}). */
    public SchemaModel stream(String stream) {
        List<Table> in = tables.stream().filter(t -> t.strategy().stream().equals(stream)).toList();
        List<EnumType> types = enumTypes.stream()
                .filter(type -> in.stream().anyMatch(t -> t.columns().stream().anyMatch(c -> c.type().equals(type.name()))))
                .toList();
        return new SchemaModel(types, in);
    }

    // ---- JSON ----

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        List<Object> types = new ArrayList<>();
        for (EnumType type : enumTypes) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", type.name());
            map.put("labels", type.labels());
            types.add(map);
        }
        root.put("enumTypes", types);
        List<Object> list = new ArrayList<>();
        for (Table table : tables) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", table.name());
            map.put("entity", table.entity());
            map.put("strategy", table.strategy().name());
            putIf(map, "historyOf", table.historyOf());
            List<Object> columns = new ArrayList<>();
            for (Column column : table.columns()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("name", column.name());
                c.put("type", column.type());
                c.put("notNull", column.notNull());
                putIf(c, "default", column.defaultSql());
                if (column.identity()) {
                    c.put("identity", true);
                }
                putIf(c, "generatedAs", column.generatedAs());
                putIf(c, "check", column.check());
                columns.add(c);
            }
            map.put("columns", columns);
            map.put("primaryKey", table.primaryKey());
            if (!table.checks().isEmpty()) {
                map.put("checks", table.checks());
            }
            if (!table.uniques().isEmpty()) {
                map.put("uniques", new ArrayList<Object>(table.uniques()));
            }
            if (!table.foreignKeys().isEmpty()) {
                List<Object> keys = new ArrayList<>();
                for (ForeignKey key : table.foreignKeys()) {
                    Map<String, Object> k = new LinkedHashMap<>();
                    k.put("columns", key.columns());
                    k.put("table", key.table());
                    k.put("referencedColumns", key.referencedColumns());
                    k.put("tableStrategy", key.tableStrategy().name());
                    if (key.cascade()) {
                        k.put("onDelete", "CASCADE");
                    }
                    keys.add(k);
                }
                map.put("foreignKeys", keys);
            }
            if (!table.indexes().isEmpty()) {
                List<Object> indexes = new ArrayList<>();
                for (Index index : table.indexes()) {
                    Map<String, Object> i = new LinkedHashMap<>();
                    i.put("name", index.name());
                    i.put("columns", index.columns());
                    if (index.unique()) {
                        i.put("unique", true);
                    }
                    if (index.where() != null) {
                        i.put("where", index.where());
                    }
                    indexes.add(i);
                }
                map.put("indexes", indexes);
            }
            putIf(map, "policy", table.policy());
            if (table.appendOnly()) {
                map.put("appendOnly", true);
            }
            if (table.partitioned()) {
                map.put("partitions", table.partitions());
            }
            putIf(map, "operatorRole", table.operatorRole());
            if (table.joined() != null) {
                Joined joined = table.joined();
                Map<String, Object> j = new LinkedHashMap<>();
                j.put("root", joined.root());
                j.put("discriminator", joined.discriminator());
                j.put("values", joined.values());
                j.put("type", joined.type());
                if (joined.level()) {
                    j.put("level", true);
                }
                map.put("joined", j);
            }
            list.add(map);
        }
        root.put("tables", list);
        return Json.write(root);
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Reads {@link #toJson()}'s output; malformed input is an {@link IllegalArgumentException}. */
    public static SchemaModel fromJson(String json) {
        Map<String, Object> root = map(Json.parse(json), "the schema");
        long format = ((Number) Objects.requireNonNull(root.get("format"), "format")).longValue();
        if (format > FORMAT) {
            throw new IllegalArgumentException("Schema format " + format + " is newer than this tenantdao reads (" + FORMAT + ")");
        }
        List<EnumType> types = new ArrayList<>();
        for (Object o : list(root.get("enumTypes"))) {
            Map<String, Object> m = map(o, "an enum type");
            types.add(new EnumType(string(m, "name"), strings(m.get("labels"))));
        }
        List<Table> tables = new ArrayList<>();
        for (Object o : list(root.get("tables"))) {
            Map<String, Object> m = map(o, "a table");
            List<Column> columns = new ArrayList<>();
            for (Object c : list(m.get("columns"))) {
                Map<String, Object> cm = map(c, "a column");
                columns.add(new Column(string(cm, "name"), string(cm, "type"), Boolean.TRUE.equals(cm.get("notNull")),
                        (String) cm.get("default"), Boolean.TRUE.equals(cm.get("identity")),
                        (String) cm.get("generatedAs"), (String) cm.get("check")));
            }
            List<List<String>> uniques = new ArrayList<>();
            for (Object u : list(m.get("uniques"))) {
                uniques.add(strings(u));
            }
            List<ForeignKey> keys = new ArrayList<>();
            for (Object k : list(m.get("foreignKeys"))) {
                Map<String, Object> km = map(k, "a foreign key");
                keys.add(new ForeignKey(strings(km.get("columns")), string(km, "table"),
                        strings(km.get("referencedColumns")), Strategy.valueOf(string(km, "tableStrategy")),
                        "CASCADE".equals(km.get("onDelete"))));
            }
            List<Index> indexes = new ArrayList<>();
            for (Object i : list(m.get("indexes"))) {
                Map<String, Object> im = map(i, "an index");
                indexes.add(new Index(string(im, "name"), strings(im.get("columns")), Boolean.TRUE.equals(im.get("unique")),
                        (String) im.get("where")));
            }
            tables.add(new Table(string(m, "name"), (String) m.get("entity"), Strategy.valueOf(string(m, "strategy")),
                    (String) m.get("historyOf"), columns, strings(m.get("primaryKey")), strings(m.get("checks")),
                    uniques, keys, indexes, (String) m.get("policy"), Boolean.TRUE.equals(m.get("appendOnly")),
                    m.get("partitions") == null ? 0 : ((Number) m.get("partitions")).intValue(),
                    (String) m.get("operatorRole"), joined(m.get("joined"))));
        }
        return new SchemaModel(types, tables);
    }

    /** A table's {@code "joined"}, or null: versions exported before it was recorded have none. */
    private static Joined joined(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Object> m = map(value, "\"joined\"");
        return new Joined(string(m, "root"), string(m, "discriminator"), strings(m.get("values")), string(m, "type"),
                Boolean.TRUE.equals(m.get("level")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("Malformed schema: " + what + " is not an object");
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("Malformed schema: an array expected");
        }
        return list;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        for (Object o : list(value)) {
            if (!(o instanceof String s)) {
                throw new IllegalArgumentException("Malformed schema: a string expected");
            }
            out.add(s);
        }
        return out;
    }

    private static String string(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof String s)) {
            throw new IllegalArgumentException("Malformed schema: \"" + key + "\" missing");
        }
        return s;
    }
}
