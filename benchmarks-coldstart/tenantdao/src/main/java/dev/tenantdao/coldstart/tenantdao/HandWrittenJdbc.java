package dev.tenantdao.coldstart.tenantdao;

import dev.tenantdao.coldstart.tenantdao.model.Entity51;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor: the same first query by hand-written JDBC on the same data source, no data-access layer built (ready is
 * when the data source is configured); what every contender pays for the JVM and pgjdbc. It runs on tenantdao's class
 * path and loads nothing of tenantdao's runtime (its row is the generated application's {@link Entity51} record).
 */
public final class HandWrittenJdbc {

    private HandWrittenJdbc() {}

    public static void main(String[] args) throws SQLException {
        long main = System.currentTimeMillis();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("coldstart.url"));
        dataSource.setUser(System.getProperty("coldstart.user", "postgres"));
        dataSource.setPassword(System.getProperty("coldstart.password", ""));
        long ready = System.currentTimeMillis();
        String row = "none";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, name, amount, quantity, active, created_on, updated_at, note, ref_id"
                             + " FROM entity_51 WHERE tenant_id = ? AND id = ?")) {
            statement.setString(1, "t1");
            statement.setLong(2, 2L);
            try (ResultSet rows = statement.executeQuery()) {
                if (rows.next()) {
                    OffsetDateTime updatedAt = rows.getObject(7, OffsetDateTime.class);
                    long refId = rows.getLong(9);
                    Long ref = rows.wasNull() ? null : refId;
                    Entity51 found = new Entity51(rows.getLong(1), rows.getString(2), rows.getBigDecimal(3),
                            rows.getInt(4), rows.getBoolean(5), rows.getObject(6, LocalDate.class),
                            updatedAt == null ? null : updatedAt.toInstant(), rows.getString(8), ref);
                    row = found.name();
                }
            }
        }
        long answered = System.currentTimeMillis();
        ColdStartReport.print(main, ready, answered, row);
    }
}
