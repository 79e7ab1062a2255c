package dev.tenantdao.samples.operator;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The operators' access log, read for assertions: one line a row, {@code actor|reason|operation|{tenants}|rows|writes|failure|rolled_back}. */
final class AccessLog {

    private AccessLog() {}

    /** The rows of access log {@code table} (qualified or not), in the order written, as {@code on} reads them. */
    static List<String> lines(DataSource on, String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = on.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT actor, reason, operation, tenants, row_count, writes, failure,"
                        + " rolled_back FROM " + table + " ORDER BY id")) {
            while (rows.next()) {
                Array tenants = rows.getArray(4);
                long count = rows.getLong(5);
                String counted = rows.wasNull() ? "null" : String.valueOf(count);
                lines.add(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3),
                        "{" + String.join(",", (String[]) tenants.getArray()) + "}", counted,
                        String.valueOf(rows.getBoolean(6)), String.valueOf(rows.getString(7)),
                        String.valueOf(rows.getBoolean(8))));
            }
        }
        return lines;
    }
}
