package dev.tenantdao.processor.verify;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.processor.diagnostic.Diagnostics;
import dev.tenantdao.processor.diagnostic.Message;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import javax.lang.model.element.Element;

/**
 * The optional verification of a build's SQL against a real PostgreSQL (as Room verifies its queries
 * against SQLite, here against the real engine): with {@code -Atenantdao.verify.url=<JDBC URL>}, the
 * processor creates a scratch schema, applies the DDL of every entity of the compilation there, and
 * prepares every statement of every repository it generated (native SQL included), so that an unknown
 * table or column, a type error, or a record component with no column of its label is a compile error on
 * the method; the scratch schema is dropped afterwards. The driver (pgjdbc) must be on the processor path.
 */
public final class Verification {

    /** The processor option naming the JDBC URL; {@code .user} and {@code .password} beside it. */
    public static final String URL_OPTION = "tenantdao.verify.url";
    public static final String USER_OPTION = "tenantdao.verify.user";
    public static final String PASSWORD_OPTION = "tenantdao.verify.password";

    private record Ddl(Element entity, String ddl) {}

    private record Check(Element method, String what, String sql) {}

    private final List<Ddl> ddls = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    /** DDL reported already (each entity's once, whatever the number of rounds). */
    private final List<Ddl> reported = new ArrayList<>();

    /** The DDL of {@code entity} (its tables, in the tenant's schema where it is schema-per-tenant). */
    public void ddl(Element entity, String ddl) {
        ddls.add(new Ddl(entity, ddl));
    }

    /** A statement {@code method} runs, rendered with {@code ?} parameters. */
    public void statement(Element method, String what, String sql) {
        checks.add(new Check(method, what, sql));
        anyStatement = true;
    }

    /** Whether any statement was ever registered (verified or not). */
    public boolean isEmpty() {
        return !anyStatement;
    }

    private boolean anyStatement;

    /**
     * Verifies the statements registered since the last run on the database at {@code url}, with
     * every entity's tables registered so far: every problem a compile error on its entity or method;
     * the database unreachable, one error. Runs in the round the statements were registered in, while
     * their elements still have their places in the source.
     */
    public void run(String url, String user, String password, Diagnostics diagnostics, Element anyElement) {
        if (checks.isEmpty()) {
            return;
        }
        String schema = "tenantdao_verify_" + Long.toUnsignedString(System.nanoTime(), 36);
        List<Check> now = new ArrayList<>(checks);
        checks.clear();
        try (Connection connection = connect(url, user, password)) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                s.execute("SET search_path TO " + schema);
            }
            try {
                applyDdl(connection, schema, diagnostics);
                for (Check check : now) {
                    String sql = runnable(check.sql(), schema);
                    try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                        prepared.getParameterMetaData();        // parses, resolves and types it on the server
                    } catch (SQLException e) {
                        diagnostics.report(Message.VERIFY_STATEMENT, check.method(), check.what(), firstLine(e));
                    }
                }
            } finally {
                try (Statement s = connection.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        } catch (SQLException e) {
            diagnostics.report(Message.VERIFY_UNREACHABLE, anyElement, url, firstLine(e));
        }
    }

    /**
     * Applies every entity's DDL in the scratch schema; one that fails is tried again after the others
     * (it may reference a table created later), and reported when it still fails.
     */
    private void applyDdl(Connection connection, String schema, Diagnostics diagnostics) throws SQLException {
        List<Ddl> pending = new ArrayList<>(ddls);
        while (!pending.isEmpty()) {
            List<Ddl> failed = new ArrayList<>();
            List<SQLException> failures = new ArrayList<>();
            for (Ddl ddl : pending) {
                // (one entity's DDL is one implicit transaction: all of it, or none)
                try (Statement s = connection.createStatement()) {
                    s.execute(ddl.ddl().replace(Wire.SCHEMA_PLACEHOLDER, schema));
                } catch (SQLException e) {
                    failed.add(ddl);
                    failures.add(e);
                }
            }
            if (failed.size() == pending.size()) {
                for (int i = 0; i < failed.size(); i++) {
                    if (!reported.contains(failed.get(i))) {
                        reported.add(failed.get(i));
                        diagnostics.report(Message.VERIFY_DDL, failed.get(i).entity(), firstLine(failures.get(i)));
                    }
                }
                return;
            }
            pending = failed;
        }
    }

    /** The statement as PostgreSQL can prepare it here: without the tenant setting in front, in the scratch schema. */
    static String runnable(String sql, String schema) {
        return Wire.withoutSetting(sql).replace(Wire.SCHEMA_PLACEHOLDER, schema).replace(Wire.ORDER_PLACEHOLDER, "");
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        for (Driver driver : ServiceLoader.load(Driver.class, Verification.class.getClassLoader())) {
            if (driver.acceptsURL(url)) {
                return driver.connect(url, properties);
            }
        }
        throw new SQLException("no JDBC driver for " + url + " on the annotation processor path: add"
                + " org.postgresql:postgresql to annotationProcessorPaths");
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
