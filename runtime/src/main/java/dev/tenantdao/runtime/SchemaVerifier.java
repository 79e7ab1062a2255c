package dev.tenantdao.runtime;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Column;
import dev.tenantdao.annotations.internal.schema.SchemaModel.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares the schema model the processor wrote ({@value Wire#SCHEMA_RESOURCE}) with the live
 * catalog ({@code pg_catalog}) of one schema, for {@link Database#verify()} and
 * {@link Database#verifyTenant(String)}. Reads only the catalog: no table's rows.
 *
 * <p>Types are compared as {@code format_type(atttypid, atttypmod)} prints them, the DDL's
 * spelling normalised to PostgreSQL's ({@link #normaliseType}). Policy expressions are compared as
 * {@code pg_get_expr} prints them against the generated text, both normalised by
 * {@link #normaliseExpression}: outside string literals, whitespace, parentheses and
 * {@code ::text} casts (which PostgreSQL adds to literals and {@code varchar} columns) are removed
 * and the rest is lower-cased; string literals are compared as written.
 */
final class SchemaVerifier {

    private static final Pattern QUALIFIER = Pattern.compile("^(?:\"[^\"]+\"|[a-z_][a-z0-9_$]*)\\.");

    private SchemaVerifier() {}

    /**
     * The model of every {@value Wire#SCHEMA_RESOURCE} on the class path (the context class
     * loader's, then the runtime's), tables merged by name (a table found twice must be defined
     * the same way both times).
     *
     * @throws TenantDaoException when there is none, or two define one table differently
     */
    static SchemaModel load() {
        Set<String> seen = new LinkedHashSet<>();
        List<URL> urls = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, SchemaVerifier.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                Enumeration<URL> found = loader.getResources(Wire.SCHEMA_RESOURCE);
                while (found.hasMoreElements()) {
                    URL url = found.nextElement();
                    if (seen.add(url.toExternalForm())) {
                        urls.add(url);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + Wire.SCHEMA_RESOURCE + " on the class path", e);
            }
        }
        if (urls.isEmpty()) {
            throw new TenantDaoException("No " + Wire.SCHEMA_RESOURCE + " on the class path: the entities were not"
                    + " compiled with this tenantdao's processor (it writes the schema model there), so there is"
                    + " nothing to verify the database against");
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, URL> from = new HashMap<>();
        Map<String, SchemaModel.EnumType> types = new LinkedHashMap<>();
        for (URL url : urls) {
            SchemaModel model;
            try (InputStream in = url.openStream()) {
                model = SchemaModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + url, e);
            } catch (IllegalArgumentException e) {
                throw new TenantDaoException("Cannot read the schema model at " + url + ": " + e.getMessage(), e);
            }
            for (Table table : model.tables()) {
                Table known = tables.putIfAbsent(table.name(), table);
                if (known == null) {
                    from.put(table.name(), url);
                } else if (!known.equals(table)) {
                    throw new TenantDaoException("Table " + table.name() + " is defined differently by "
                            + from.get(table.name()) + " and " + url + ": entities of two builds on the class path?");
                }
            }
            for (SchemaModel.EnumType type : model.enumTypes()) {
                types.putIfAbsent(type.name(), type);
            }
        }
        return new SchemaModel(List.copyOf(types.values()), List.copyOf(tables.values()));
    }

    /**
     * The differences between the tables of {@code model} (one stream) and schema {@code schema}
     * (unquoted) as {@code connection} sees it, and, when a table has row-level security, what
     * makes the connecting role not subject to it. Empty: they match.
     */
    static List<String> compare(Connection connection, SchemaModel model, String schema) throws SQLException {
        Catalog live = Catalog.read(connection, schema);
        Map<String, List<String>> labels = new HashMap<>();
        for (SchemaModel.EnumType type : model.enumTypes()) {
            labels.put(type.name(), type.labels());
        }
        List<String> mismatches = new ArrayList<>();
        boolean anyPolicy = false;
        for (Table table : model.tables()) {
            String name = "table " + table.name();
            LiveTable found = live.tables.get(table.name());
            if (found == null) {
                mismatches.add(table.historyOf() != null
                        ? "history table " + table.name() + " (of " + table.historyOf() + "): missing in schema " + schema
                        : name + ": missing in schema " + schema);
                continue;
            }
            compareColumns(table, found, labels, mismatches);
            List<String> key = found.primaryKey;
            if (!key.equals(table.primaryKey())) {
                mismatches.add(name + ": primary key expected (" + String.join(", ", table.primaryKey()) + "), found "
                        + (key.isEmpty() ? "none" : "(" + String.join(", ", key) + ")"));
            }
            compareKeysAndIndexes(table, found, mismatches);
            if (table.policy() != null) {
                anyPolicy |= table.tenantPolicy();
                comparePolicy(name, table, found, mismatches);
            }
            if (table.partitioned()) {
                comparePartitions(table, found, live, mismatches);
            }
            if (table.appendOnly()) {
                for (String trigger : List.of(table.name() + "_append_only", table.name() + "_no_truncate")) {
                    String enabled = found.triggers.get(trigger);
                    if (enabled == null) {
                        mismatches.add(name + ": append-only trigger " + trigger + " missing");
                    } else if (enabled.equals("D")) {
                        mismatches.add(name + ": append-only trigger " + trigger + " is disabled");
                    }
                }
            }
        }
        compareRole(model, live, anyPolicy, mismatches);
        return mismatches;
    }

    private static void compareColumns(Table table, LiveTable found, Map<String, List<String>> labels,
            List<String> mismatches) {
        String name = "table " + table.name();
        for (Column column : table.columns()) {
            LiveColumn live = found.columns.get(column.name());
            String prefix = name + ": column " + column.name();
            if (live == null) {
                mismatches.add(prefix + ": missing (expected " + column.type() + ")");
                continue;
            }
            String expected = normaliseType(column.type());
            String actual = normaliseType(live.type);
            if (!expected.equals(actual)) {
                mismatches.add(prefix + ": type expected " + column.type() + ", found " + live.type);
            } else if (live.enumLabels != null) {
                // the labels the entity's enum stores must all exist
                for (String label : labels.getOrDefault(column.type(), List.of())) {
                    if (!live.enumLabels.contains(label)) {
                        mismatches.add(prefix + ": enum type " + live.type + " has no label '" + label + "'");
                    }
                }
            }
            if (column.generatedAs() == null) {
                boolean notNull = column.notNull() || column.identity() || table.primaryKey().contains(column.name());
                if (notNull != live.notNull) {
                    mismatches.add(prefix + ": expected " + (notNull ? "NOT NULL" : "nullable") + ", found "
                            + (live.notNull ? "NOT NULL" : "nullable"));
                }
            }
            if (column.identity() && !live.identity && !live.hasDefault) {
                mismatches.add(prefix + ": expected an identity column (GENERATED BY DEFAULT AS IDENTITY), found"
                        + " neither identity nor default");
            }
        }
        for (LiveColumn live : found.columns.values()) {
            if (table.column(live.name).isEmpty() && live.notNull && !live.hasDefault && !live.identity
                    && !live.generated) {
                mismatches.add(name + ": extra column " + live.name + " is NOT NULL without a default: the generated"
                        + " inserts do not write it and would fail");
            }
        }
    }

    /**
     * The unique constraints, foreign keys and indexes the generated DDL creates, each found by what
     * it does (its columns in order; unique or not; a partial index's predicate; a key's referenced
     * table, columns and {@code ON DELETE CASCADE}), not by its name, which PostgreSQL chooses for
     * constraints. A unique constraint may be a unique index of the same columns and the other way
     * round (PostgreSQL enforces both alike). A missing unique constraint or partial unique index lets
     * duplicates in (and an upsert's {@code ON CONFLICT} fails without it); a missing foreign key lets a
     * row point at another tenant's or at no row; a missing index makes the tenant's lookups scan.
     * Extra indexes and constraints are the application's own and are not reported; an invalid index
     * (left by a failed {@code CREATE INDEX CONCURRENTLY}) is, whoever made it.
     */
    private static void compareKeysAndIndexes(Table table, LiveTable found, List<String> mismatches) {
        String name = "table " + table.name();
        for (LiveIndex index : found.indexes) {
            if (!index.valid()) {
                mismatches.add(name + ": index " + index.name() + " is invalid (a failed CREATE INDEX CONCURRENTLY?);"
                        + " PostgreSQL does not use it: REINDEX INDEX " + index.name());
            }
        }
        for (List<String> unique : table.uniques()) {
            boolean present = found.indexes.stream().anyMatch(index -> index.unique()
                    && index.where() == null && index.columns().equals(unique));
            if (!present) {
                mismatches.add(name + ": unique constraint UNIQUE (" + String.join(", ", unique) + ") missing");
            }
        }
        for (SchemaModel.Index expected : table.indexes()) {
            String where = expected.where() == null ? null : normaliseExpression(expected.where());
            boolean present = found.indexes.stream().anyMatch(index -> index.unique() == expected.unique()
                    && index.columns().equals(expected.columns())
                    && java.util.Objects.equals(where, index.where() == null ? null : normaliseExpression(index.where())));
            if (present) {
                continue;
            }
            String describe = (expected.unique() ? "UNIQUE " : "") + "(" + String.join(", ", expected.columns()) + ")"
                    + (expected.where() == null ? "" : " WHERE " + expected.where());
            LiveIndex named = found.indexes.stream().filter(index -> index.name().equals(expected.name())).findFirst()
                    .orElse(null);
            mismatches.add(name + ": index " + expected.name() + (named == null ? " missing (expected " + describe + ")"
                    : ": expected " + describe + ", found " + (named.unique() ? "UNIQUE " : "") + "("
                            + String.join(", ", named.columns()) + ")"
                            + (named.where() == null ? "" : " WHERE " + named.where())));
        }
        for (SchemaModel.ForeignKey key : table.foreignKeys()) {
            String describe = "FOREIGN KEY (" + String.join(", ", key.columns()) + ") REFERENCES " + key.table() + " ("
                    + String.join(", ", key.referencedColumns()) + ")";
            LiveForeignKey live = found.foreignKeys.stream().filter(k -> k.columns().equals(key.columns())
                    && k.table().equals(key.table()) && k.referencedColumns().equals(key.referencedColumns()))
                    .findFirst().orElse(null);
            if (live == null) {
                mismatches.add(name + ": foreign key " + describe + (key.cascade() ? " ON DELETE CASCADE" : "")
                        + " missing");
            } else if (live.cascade() != key.cascade()) {
                mismatches.add(name + ": foreign key " + describe + ": expected "
                        + (key.cascade() ? "ON DELETE CASCADE" : "no ON DELETE action") + ", found "
                        + (live.cascade() ? "ON DELETE CASCADE" : "no cascade"));
            }
        }
    }

    /**
     * A table of {@code @PartitionedByTenant}: partitioned by hash of its tenant column, with each of
     * its partitions (the generated statements run on the parent; a statement naming a partition is
     * checked against the partition's row-level security, and TRUNCATE of a history partition against
     * the partition's triggers, so each partition needs its own).
     */
    private static void comparePartitions(Table table, LiveTable found, Catalog live, List<String> mismatches) {
        String name = "table " + table.name();
        String key = "HASH (" + table.partitionColumn() + ")";
        if (found.partitionKey == null) {
            mismatches.add(name + ": expected partitioned by " + key + " into " + table.partitions()
                    + " partitions (@PartitionedByTenant), found a table that is not partitioned");
            return;
        }
        if (!found.partitionKey.replace("\"", "").equalsIgnoreCase(key)) {
            mismatches.add(name + ": expected partitioned by " + key + ", found partitioned by " + found.partitionKey);
            return;
        }
        List<String> expected = new ArrayList<>();
        for (int remainder = 0; remainder < table.partitions(); remainder++) {
            String partition = table.partitionName(remainder);
            expected.add(partition);
            String bound = "FOR VALUES WITH (modulus " + table.partitions() + ", remainder " + remainder + ")";
            LiveTable part = live.tables.get(partition);
            String prefix = "partition " + partition + " of " + name;
            if (part == null || !table.name().equals(part.parent)) {
                mismatches.add(prefix + ": missing (expected " + bound + ")");
                continue;
            }
            if (!bound.equalsIgnoreCase(part.bound)) {
                mismatches.add(prefix + ": expected " + bound + ", found " + part.bound);
            }
            if (table.policy() != null) {
                comparePolicy(prefix, table, part, mismatches);
            }
            String truncate = part.triggers.get(table.name() + "_no_truncate");
            if (table.appendOnly() && (truncate == null || truncate.equals("D"))) {
                mismatches.add(prefix + ": append-only trigger " + table.name() + "_no_truncate "
                        + (truncate == null ? "missing" : "is disabled"));
            }
        }
        live.tables.forEach((partition, part) -> {
            if (table.name().equals(part.parent) && !expected.contains(partition)) {
                mismatches.add(name + ": partition " + partition + " (" + part.bound + ") is not one of its "
                        + table.partitions() + " hash partitions");
            }
        });
    }

    private static void comparePolicy(String name, Table table, LiveTable found, List<String> mismatches) {
        if (!found.rowSecurity) {
            mismatches.add(name + ": row level security expected enabled, found disabled");
        }
        if (!found.forceRowSecurity && table.tenantPolicy()) {
            mismatches.add(name + ": row level security expected forced (FORCE ROW LEVEL SECURITY), found not forced");
        }
        if (table.operatorPolicies()) {
            for (String suffix : Wire.OPERATOR_POLICIES.subList(1, Wire.OPERATOR_POLICIES.size())) {
                String write = suffix.substring(suffix.lastIndexOf('_') + 1);
                String expected = table.name() + suffix;
                LivePolicy held = found.policies.get(expected);
                if (held == null || held.permissive) {
                    mismatches.add(name + ": the operators' write policy " + expected + (held == null ? " is missing"
                            : " is PERMISSIVE") + ": their logins could " + write + " without the operator block's"
                            + " switch (expected AS RESTRICTIVE FOR " + write.toUpperCase(java.util.Locale.ROOT) + ")");
                }
            }
        }
        LivePolicy policy = found.policies.get(table.policyName());
        if (policy == null) {
            mismatches.add(name + ": policy " + table.policyName() + " missing (expected USING and WITH CHECK ("
                    + table.policy() + "))");
        } else {
            String expected = normaliseExpression(table.policy());
            String prefix = name + ": policy " + table.policyName();
            if (!"*".equals(policy.command)) {
                mismatches.add(prefix + ": expected FOR ALL commands, found FOR " + command(policy.command));
            }
            if (!policy.permissive) {
                mismatches.add(prefix + ": expected PERMISSIVE, found RESTRICTIVE (no row would be visible)");
            }
            if (policy.using == null || !expected.equals(normaliseExpression(policy.using))) {
                mismatches.add(prefix + ": USING expected (" + table.policy() + "), found "
                        + (policy.using == null ? "none" : policy.using));
            }
            if (policy.withCheck == null || !expected.equals(normaliseExpression(policy.withCheck))) {
                mismatches.add(prefix + ": WITH CHECK expected (" + table.policy() + "), found "
                        + (policy.withCheck == null ? "none" : policy.withCheck));
            }
        }
        for (LivePolicy other : found.policies.values()) {
            if (!other.name.equals(table.policyName()) && other.permissive && other.applies) {
                mismatches.add(name + ": policy " + other.name + " is another PERMISSIVE policy, which widens "
                        + table.policyName() + " (USING " + other.using + ")");
            }
        }
    }

    private static String command(String code) {
        return switch (code) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> code;
        };
    }

    /**
     * The connecting role: under tenant policies ({@code tenantPolicies}) no superuser, no {@code BYPASSRLS},
     * owner of none of their tables; with operator access, neither owner of the tables the operators reach
     * (nor of their access log) nor granted {@code TRIGGER} on them: an owner can turn their row-level
     * security off, and a trigger on them runs as the operator whose statement fires it.
     */
    private static void compareRole(SchemaModel model, Catalog live, boolean tenantPolicies, List<String> mismatches) {
        String role = "role " + live.role;
        if (model.tables().stream().anyMatch(Table::operatorPolicies) && !live.superuser) {
            List<String> reached = new ArrayList<>(model.tables().stream().filter(Table::operatorPolicies)
                    .map(Table::name).toList());
            reached.add(Wire.OPERATOR_ACCESS_TABLE);
            for (String name : reached) {
                LiveTable found = live.tables.get(name);
                if (found != null && (found.ownedByRole || found.trigger)) {
                    mismatches.add(role + ": " + (found.ownedByRole ? owns(found, name, live) : "may create triggers on table " + name)
                            + ", which the operators reach: it could turn its row-level security off or add a trigger"
                            + " that runs as an operator; create it with a role of its own and grant the application"
                            + " SELECT, INSERT, UPDATE and DELETE only");
                }
            }
        }
        if (!tenantPolicies) {
            return;
        }
        if (live.superuser) {
            mismatches.add(role + ": is a superuser; row level security does not apply to superusers, connect as a"
                    + " role that is not");
            return;     // a superuser has every role's privileges: owner of everything, too
        }
        if (live.bypassRls) {
            mismatches.add(role + ": has BYPASSRLS; row level security does not apply to it (ALTER ROLE ... NOBYPASSRLS)");
        }
        for (Table table : model.tables()) {
            LiveTable found = live.tables.get(table.name());
            if (table.tenantPolicy() && !table.operatorPolicies() && found != null && found.ownedByRole) {
                mismatches.add(role + ": " + owns(found, table.name(), live)
                        + "; the application role must not own tables with row level security");
            }
        }
    }

    /** {@code owns table <name>}, and through which role when the connecting role owns it as a member of its owner. */
    private static String owns(LiveTable found, String name, Catalog live) {
        return "owns table " + name + (found.owner.equals(live.role) ? "" : " (as a member of its owner " + found.owner + ")");
    }

    // ---- normalisation ----

    /**
     * A column type as {@code format_type} prints it: {@code timestamptz} is
     * {@code timestamp with time zone}, {@code varchar(n)} {@code character varying(n)},
     * {@code int} {@code integer}, {@code bool} {@code boolean}, and so on; a type name qualified
     * by its schema (an enum type outside the search path) is compared by its name.
     */
    static String normaliseType(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll(" ?([(),]) ?", "$1");
        t = QUALIFIER.matcher(t).replaceFirst("").replace("\"", "");
        String arrays = "";
        while (t.endsWith("[]")) {
            arrays += "[]";
            t = t.substring(0, t.length() - 2).strip();
        }
        String modifier = "";
        String base = t;
        int open = t.indexOf('(');
        int close = t.indexOf(')', open + 1);
        if (open >= 0 && close > open) {     // numeric(10,2), timestamp(3) with time zone
            modifier = t.substring(open, close + 1);
            base = (t.substring(0, open) + " " + t.substring(close + 1)).strip();
        }
        String canonical = switch (base) {
            case "int", "int4", "integer", "serial", "serial4" -> "integer";
            case "int8", "bigint", "bigserial", "serial8" -> "bigint";
            case "int2", "smallint", "smallserial", "serial2" -> "smallint";
            case "bool", "boolean" -> "boolean";
            case "float8", "double precision", "float" -> "double precision";
            case "float4", "real" -> "real";
            case "decimal", "numeric" -> "numeric";
            case "varchar", "character varying" -> "character varying";
            case "char", "character", "bpchar" -> modifier.isEmpty() && !base.equals("bpchar") ? "character(1)" : "character";
            case "timestamptz", "timestamp with time zone" -> "timestamp with time zone";
            case "timestamp", "timestamp without time zone" -> "timestamp without time zone";
            case "timetz", "time with time zone" -> "time with time zone";
            case "time", "time without time zone" -> "time without time zone";
            default -> base;
        };
        if (canonical.equals("character(1)")) {
            return canonical + arrays;
        }
        if (!modifier.isEmpty() && canonical.endsWith(" time zone")) {
            int space = canonical.indexOf(' ');
            return canonical.substring(0, space) + modifier + canonical.substring(space) + arrays;
        }
        return canonical + modifier + arrays;
    }

    /**
     * An expression as compared: outside single-quoted literals, whitespace, parentheses and
     * {@code ::text} casts removed and the rest lower-cased, so that the generated
     * {@code tenant_id = NULLIF(current_setting('tenantdao.tenant', true), '')} and PostgreSQL's
     * {@code (tenant_id = NULLIF(current_setting('tenantdao.tenant'::text, true), ''::text))} are
     * equal. Literals are kept as written ({@code ''} inside one included).
     */
    static String normaliseExpression(String expression) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char c = expression.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                while (end < n) {
                    if (expression.charAt(end) == '\'') {
                        if (end + 1 < n && expression.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, n);
                out.append(expression, i, end);
                i = end;
            } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
                i++;
            } else if (expression.regionMatches(true, i, "::text", 0, 6)
                    && (i + 6 >= n || !Character.isLetterOrDigit(expression.charAt(i + 6)) && expression.charAt(i + 6) != '_'
                    && expression.charAt(i + 6) != '[')) {
                i += 6;
            } else {
                out.append(Character.toLowerCase(c));
                i++;
            }
        }
        return out.toString();
    }

    // ---- the live catalog ----

    private record LiveColumn(String name, String type, boolean notNull, boolean hasDefault, boolean identity,
            boolean generated, List<String> enumLabels) {}

    /** @param applies whether it applies to the connecting role (to PUBLIC or to a role it is a member of) */
    private record LivePolicy(String name, String command, boolean permissive, String using, String withCheck,
            boolean applies) {}

    /** An index's key columns in order (null for an expression), its predicate (else null). */
    private record LiveIndex(String name, boolean unique, boolean valid, List<String> columns, String where) {}

    private record LiveForeignKey(List<String> columns, String table, List<String> referencedColumns, boolean cascade) {}

    private static final class LiveTable {
        boolean rowSecurity;
        boolean forceRowSecurity;
        String owner;
        boolean ownedByRole;
        /** Whether the connecting role may create triggers on it ({@code TRIGGER} privilege, not as its owner). */
        boolean trigger;
        /** {@code pg_get_partkeydef} of a partitioned table, else null. */
        String partitionKey;
        /** A partition's parent table and bound ({@code FOR VALUES WITH (modulus 4, remainder 0)}), else null. */
        String parent;
        String bound;
        final Map<String, LiveColumn> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        final Map<String, LivePolicy> policies = new LinkedHashMap<>();
        /** Every index but the primary key's (unique constraints are unique indexes). */
        final List<LiveIndex> indexes = new ArrayList<>();
        final List<LiveForeignKey> foreignKeys = new ArrayList<>();
        /** Trigger name to {@code tgenabled} ({@code D}: disabled). */
        final Map<String, String> triggers = new HashMap<>();
    }

    private static final class Catalog {
        final Map<String, LiveTable> tables = new HashMap<>();
        String role;
        boolean superuser;
        boolean bypassRls;

        static Catalog read(Connection connection, String schema) throws SQLException {
            Catalog catalog = new Catalog();
            String from = " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace";
            String where = " WHERE n.nspname = ? AND c.relkind IN ('r', 'p')";
            query(connection, "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                    + " pg_catalog.pg_get_userbyid(c.relowner), pg_catalog.pg_has_role(c.relowner, 'USAGE'),"
                    + " CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END,"
                    + " (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                    + " WHERE i.inhrelid = c.oid AND c.relispartition), pg_catalog.pg_get_expr(c.relpartbound, c.oid),"
                    + " pg_catalog.has_table_privilege(c.oid, 'TRIGGER')"
                    + from + where, schema, rows -> {
                        LiveTable table = new LiveTable();
                        table.rowSecurity = rows.getBoolean(2);
                        table.forceRowSecurity = rows.getBoolean(3);
                        table.owner = rows.getString(4);
                        table.ownedByRole = rows.getBoolean(5);
                        table.trigger = rows.getBoolean(9) && !table.ownedByRole;
                        table.partitionKey = rows.getString(6);
                        table.parent = rows.getString(7);
                        table.bound = rows.getString(8);
                        catalog.tables.put(rows.getString(1), table);
                    });
            query(connection, "SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),"
                    + " a.attnotnull, a.atthasdef, a.attidentity <> '', a.attgenerated <> '',"
                    + " CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_catalog.pg_enum e"
                    + " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END"
                    + from + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid"
                    + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                    + where + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum", schema, rows -> {
                        Array labels = rows.getArray(8);
                        LiveColumn column = new LiveColumn(rows.getString(2), rows.getString(3), rows.getBoolean(4),
                                rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7),
                                labels == null ? null : List.of((String[]) labels.getArray()));
                        catalog.tables.get(rows.getString(1)).columns.put(column.name(), column);
                    });
            query(connection, "SELECT c.relname, a.attname" + from
                    + " JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'p'"
                    + " CROSS JOIN LATERAL unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum"
                    + where + " ORDER BY c.relname, key.position", schema,
                    rows -> catalog.tables.get(rows.getString(1)).primaryKey.add(rows.getString(2)));
            // whether a policy applies to the connecting role: to PUBLIC (oid 0) or a role it is a member of;
            // the operators' policies (TO their group role) do not, and widen nothing the application sees
            // (pg_has_role says yes to a superuser for every role: one is reported as such, policies aside)
            query(connection, "SELECT c.relname, p.polname, p.polcmd, p.polpermissive,"
                    + " pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid),"
                    + " 0 = ANY(p.polroles) OR NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user)"
                    + " AND EXISTS (SELECT FROM unnest(p.polroles) AS r(oid)"
                    + " WHERE pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))"
                    + from + " JOIN pg_catalog.pg_policy p ON p.polrelid = c.oid" + where, schema, rows -> {
                        LivePolicy policy = new LivePolicy(rows.getString(2), rows.getString(3), rows.getBoolean(4),
                                rows.getString(5), rows.getString(6), rows.getBoolean(7));
                        catalog.tables.get(rows.getString(1)).policies.put(policy.name(), policy);
                    });
            query(connection, "SELECT c.relname, i.relname, x.indisunique, x.indisvalid,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS key(attnum, position)"
                    + " LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = key.attnum"
                    + " WHERE key.position <= x.indnkeyatts ORDER BY key.position),"
                    + " pg_catalog.pg_get_expr(x.indpred, x.indrelid)"
                    + from + " JOIN pg_catalog.pg_index x ON x.indrelid = c.oid AND NOT x.indisprimary"
                    + " JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid" + where + " ORDER BY c.relname, i.relname",
                    schema, rows -> catalog.tables.get(rows.getString(1)).indexes.add(new LiveIndex(rows.getString(2),
                            rows.getBoolean(3), rows.getBoolean(4), names(rows.getArray(5)), rows.getString(6))));
            query(connection, "SELECT c.relname,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum"
                    + " ORDER BY key.position), r.relname,"
                    + " ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY AS key(attnum, position)"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = key.attnum"
                    + " ORDER BY key.position), k.confdeltype = 'c'"
                    + from + " JOIN pg_catalog.pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f'"
                    + " JOIN pg_catalog.pg_class r ON r.oid = k.confrelid" + where + " ORDER BY c.relname, k.conname",
                    schema, rows -> catalog.tables.get(rows.getString(1)).foreignKeys.add(new LiveForeignKey(
                            names(rows.getArray(2)), rows.getString(3), names(rows.getArray(4)), rows.getBoolean(5))));
            query(connection, "SELECT c.relname, g.tgname, g.tgenabled" + from
                    + " JOIN pg_catalog.pg_trigger g ON g.tgrelid = c.oid AND NOT g.tgisinternal" + where, schema,
                    rows -> catalog.tables.get(rows.getString(1)).triggers.put(rows.getString(2), rows.getString(3)));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user");
                    ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    catalog.role = rows.getString(1);
                    catalog.superuser = rows.getBoolean(2);
                    catalog.bypassRls = rows.getBoolean(3);
                }
            }
            return catalog;
        }

        /** A text array's elements (a null element, an index expression, kept as null). */
        private static List<String> names(Array array) throws SQLException {
            return java.util.Arrays.asList((String[]) array.getArray());
        }

        private interface RowReader {
            void read(ResultSet rows) throws SQLException;
        }

        private static void query(Connection connection, String sql, String schema, RowReader reader) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }
}
