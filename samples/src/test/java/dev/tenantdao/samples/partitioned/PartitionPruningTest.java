package dev.tenantdao.samples.partitioned;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.annotations.internal.schema.Json;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.testkit.Postgres;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SQL statement the generated code of a {@code @PartitionedByTenant} entity sends (each
 * DAO's and the repository's constants: find by id, pages, count, exists, insert, insertAll,
 * update, upsert, the deletes, the history queries, the repository's queries), planned by
 * PostgreSQL with {@code EXPLAIN (FORMAT JSON)}: each partitioned table a statement reads is read
 * in exactly one partition, the tenant's, and a statement that only inserts reads none (PostgreSQL
 * routes each inserted row to its tenant's partition). Both as custom plans (the first executions
 * of a prepared statement: pruned by the planner) and as generic plans (after pgjdbc's and
 * PostgreSQL's thresholds: pruned when the executor starts). A plan-shape assertion, no timing.
 */
class PartitionPruningTest {

    private static final String SCHEMA = "partitioned_pruning";
    private static final List<String> PARTITIONED = List.of("meter", "meter_history", "reading");
    private static final Pattern PARTITION = Pattern.compile("(.+)_p\\d+");
    private static DataSource owner;

    @BeforeAll
    static void rows() throws SQLException {
        owner = Postgres.shared().freshSchema(SCHEMA);
        Schema.create(owner, Meter.class, Reading.class);
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            // (as the administrative user, a superuser: row-level security does not apply to the fixture)
            statement.execute("INSERT INTO meter (tenant_id, code, site) SELECT 't' || (g % 40), 'm' || g, 's'"
                    + " FROM generate_series(0, 399) g");
            statement.execute("INSERT INTO meter_history (tenant_id, code, site, version, history_version,"
                    + " history_operation) SELECT tenant_id, code, site, version, 1, 'INSERT' FROM meter");
            statement.execute("INSERT INTO reading (tenant_id, meter, value) SELECT 't' || (g % 400 % 40),"
                    + " 'm' || (g % 400), g FROM generate_series(1, 4000) g");
            statement.execute("ANALYZE meter, meter_history, reading");
        }
    }

    @AfterAll
    static void drop() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    /** The SQL constants of a generated class: its statements, by constant name. */
    private static Map<String, String> statements(Class<?> generated) throws IllegalAccessException {
        Map<String, String> statements = new LinkedHashMap<>();
        for (Field field : generated.getDeclaredFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())
                    && Modifier.isFinal(field.getModifiers())) {
                field.setAccessible(true);
                String sql = (String) field.get(null);
                if (sql.matches("(?s)(SELECT|WITH|INSERT|UPDATE|DELETE) .*")) {
                    statements.put(field.getName(), sql);
                }
            }
        }
        return statements;
    }

    @ParameterizedTest
    @ValueSource(strings = {"force_custom_plan", "force_generic_plan"})
    void everyGeneratedStatementReadsOnePartitionOfEachPartitionedTableItReads(String planCacheMode) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        for (Class<?> generated : List.of(MeterDao.class, ReadingDao.class, ReadingsImpl.class)) {
            statements(generated).forEach((name, sql) -> all.put(generated.getSimpleName() + "." + name, sql));
        }
        // an operator's reads of every tenant's rows (OperatorAccessTest, OperatorReadsTest) read every partition, as
        // they must (a count groups by tenant, a keyset page starts after a tenant, a read by id looks in each tenant)
        all.keySet().removeIf(name -> name.contains("_ACROSS_TENANTS"));
        assertTrue(all.keySet().containsAll(List.of("MeterDao.FIND_BY_ID", "MeterDao.FIND_ALL", "MeterDao.FIND_ALL_AFTER",
                "MeterDao.COUNT", "MeterDao.EXISTS_BY_ID", "MeterDao.INSERT", "MeterDao.INSERT_ALL", "MeterDao.UPDATE",
                "MeterDao.UPSERT", "MeterDao.DELETE_BY_ID", "MeterDao.DELETE_VERSIONED", "MeterDao.HISTORY",
                "MeterDao.HISTORY_AS_OF", "MeterDao.HISTORY_BETWEEN", "MeterDao.HISTORY_IN_TRANSACTION",
                "ReadingDao.INSERT_ALL", "ReadingDao.UPDATE", "ReadingsImpl.OF_METER", "ReadingsImpl.ABOVE",
                "ReadingsImpl.ABOVE_COUNT")), all.keySet()::toString);
        List<String> wrong = new ArrayList<>();
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = " + planCacheMode);
            for (Map.Entry<String, String> entry : all.entrySet()) {
                String sql = entry.getValue();
                Map<String, TreeSet<String>> scanned = scannedPartitions(statement, sql);
                for (String table : PARTITIONED) {
                    int expected = reads(sql, table) ? 1 : 0;
                    TreeSet<String> partitions = scanned.getOrDefault(table, new TreeSet<>());
                    if (partitions.size() != expected) {
                        wrong.add(entry.getKey() + " reads " + partitions + " of " + table + ", expected " + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The control: without partition pruning, the same reading of the plan finds every partition scanned. */
    @org.junit.jupiter.api.Test
    void withoutPruningTheFindByIdWouldScanEveryPartition() throws Exception {
        try (Connection connection = owner.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_partition_pruning = off");
            assertEquals(8, scannedPartitions(statement, MeterDao.FIND_BY_ID).get("meter").size());
            statement.execute("RESET enable_partition_pruning");
            assertEquals(1, scannedPartitions(statement, MeterDao.FIND_BY_ID).get("meter").size());
        }
    }

    /** Whether {@code sql} reads {@code table} (FROM or UPDATE it, not just INSERT INTO it). */
    private static boolean reads(String sql, String table) {
        return Pattern.compile("\\b(FROM|UPDATE) " + table + "\\b(?!_)").matcher(sql).find();
    }

    /**
     * The partitions the plan of {@code sql} (the statement after the tenant setting, its
     * placeholders numbered) scans, by partitioned table: the relations of its scan nodes.
     */
    private static Map<String, TreeSet<String>> scannedPartitions(Statement statement, String sql) throws SQLException {
        String select = sql.startsWith("SELECT set_config(") ? sql.substring(sql.indexOf("; ") + 2) : sql;
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : select.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        statement.execute("PREPARE generated AS " + numbered);
        try {
            List<String> arguments = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT parameter_types::text[] FROM pg_prepared_statements WHERE name = 'generated'")) {
                rows.next();
                Array types = rows.getArray(1);
                for (String type : (String[]) types.getArray()) {
                    arguments.add(argument(type, arguments.size()));
                }
            }
            String plan;
            try (ResultSet rows = statement.executeQuery("EXPLAIN (FORMAT JSON, COSTS OFF) EXECUTE generated"
                    + (arguments.isEmpty() ? "" : "(" + String.join(", ", arguments) + ")"))) {
                rows.next();
                plan = rows.getString(1);
            }
            Map<String, TreeSet<String>> scanned = new LinkedHashMap<>();
            collect(Json.parse(plan), scanned);
            return scanned;
        } finally {
            statement.execute("DEALLOCATE generated");
        }
    }

    /** Adds the partitions scan nodes of {@code node} (and of every node below it) read. */
    private static void collect(Object node, Map<String, TreeSet<String>> scanned) {
        if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, scanned));
        } else if (node instanceof Map<?, ?> map) {
            if (map.get("Node Type") instanceof String type && type.endsWith("Scan")
                    && map.get("Relation Name") instanceof String relation) {
                Matcher partition = PARTITION.matcher(relation);
                if (partition.matches()) {
                    scanned.computeIfAbsent(partition.group(1), k -> new TreeSet<>()).add(relation);
                } else if (PARTITIONED.contains(relation)) {
                    scanned.computeIfAbsent(relation, k -> new TreeSet<>()).add(relation + " (the parent)");
                }
            }
            map.values().forEach(value -> collect(value, scanned));
        }
    }

    /**
     * A literal for parameter {@code index} of {@code type}: the tenant (and every text) is '1';
     * times grow with the index (so that a range from one to the next is not empty).
     */
    private static String argument(String type, int index) {
        if (type.endsWith("[]")) {
            String element = argument(type.substring(0, type.length() - 2), index);
            return element.equals("NULL") ? "NULL" : "'{\"" + element.substring(1, element.length() - 1) + "\"}'";
        }
        return switch (type) {
            case "text", "character varying", "bigint", "integer", "smallint", "numeric" -> "'1'";
            case "boolean" -> "'true'";
            case "date" -> "'2026-01-01'";
            case "timestamp with time zone", "timestamp without time zone" -> "'" + (2000 + index) + "-01-01 00:00:00+00'";
            default -> "NULL";
        };
    }
}
