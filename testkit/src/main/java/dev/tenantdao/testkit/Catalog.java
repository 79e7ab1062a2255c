package dev.tenantdao.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * What PostgreSQL's catalog says about one schema's tables, as sorted lines with the schema's name
 * taken out: columns (type, NOT NULL, default, identity), constraints (as PostgreSQL prints them,
 * with their names), indexes, row-level security, policies (permissive or restrictive, to which
 * roles), triggers and enum labels in order. Two schemas with equal lines have the same tables,
 * whatever order their columns were added in.
 */
public final class Catalog {

    private Catalog() {}

    public static List<String> of(DataSource dataSource, String schema) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            query(connection, schema, lines, "column", """
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                           pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                    WHERE n.nspname = ? AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
                      AND c.relname <> 'flyway_schema_history'""");
            query(connection, schema, lines, "constraint", """
                    SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)
                    FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relname <> 'flyway_schema_history'""");
            query(connection, schema, lines, "index", """
                    SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = ? AND tablename <> 'flyway_schema_history'""");
            query(connection, schema, lines, "security", """
                    SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = ? AND c.relkind = 'r' AND c.relname <> 'flyway_schema_history'""");
            query(connection, schema, lines, "policy", """
                    SELECT tablename, policyname, permissive, roles, cmd, qual, with_check FROM pg_policies WHERE schemaname = ?""");
            query(connection, schema, lines, "trigger", """
                    SELECT c.relname, t.tgname, t.tgtype, p.proname
                    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_proc p ON p.oid = t.tgfoid
                    WHERE n.nspname = ? AND NOT t.tgisinternal""");
        }
        return new ArrayList<>(lines);
    }

    /** The labels of enum type {@code type} of {@code schema}, in their order. */
    public static List<String> enumLabels(DataSource dataSource, String schema, String type) throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                                + " JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typname = ?"
                                + " ORDER BY e.enumsortorder")) {
            select.setString(1, schema);
            select.setString(2, type);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    labels.add(rows.getString(1));
                }
            }
        }
        return labels;
    }

    private static void query(Connection connection, String schema, TreeSet<String> lines, String kind, String sql)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    StringBuilder line = new StringBuilder(kind);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        line.append(" | ").append(rows.getString(i));
                    }
                    lines.add(line.toString().replace(schema + ".", "").replace("\"" + schema + "\".", ""));
                }
            }
        }
    }
}
