package dev.tenantdao.flyway;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the migrations the processor generated ({@code -Atenantdao.schema.dir}) through Flyway: the
 * shared tables once ({@link #migrateShared()}), and every tenant's schema or database
 * ({@link #migrateTenants}), the way django-tenants' {@code migrate_schemas} does for Django.
 *
 * <pre>{@code
 * TenantMigrations migrations = TenantMigrations.builder(database).parallelism(4).build();
 * migrations.migrateShared();
 * TenantMigrationReport report = migrations.migrateTenants(tenantDirectory.allTenants());
 * migrations.createTenant("initech");      // a new tenant, at the latest version
 * }</pre>
 *
 * <p>Each tenant is migrated by Flyway in its own schema (schema per tenant: created when missing,
 * with Flyway's history table in it) or database (database per tenant: the {@code TenantRouting}'s
 * data source), each migration in a transaction of its own, so a failed tenant is left at the
 * version it had, never half-migrated. A failure does not stop the other tenants: the report lists
 * it. Each tenant's state is recorded in {@value #STATE_TABLE} in the shared schema (running,
 * migrated, failed; version; error; time), so a run that was killed shows which tenants it left
 * unfinished ({@link #unfinished()}); running again resumes: Flyway skips what each tenant has.
 */
public final class TenantMigrations {

    /** Where the processor puts the migrations in the class output: then {@code shared}, {@code schema}, {@code database}. */
    public static final String DEFAULT_LOCATION = "classpath:" + Wire.MIGRATIONS_LOCATION.substring(0,
            Wire.MIGRATIONS_LOCATION.length() - 1);

    /** The table recording each tenant's migration state, in the shared schema. */
    public static final String STATE_TABLE = "tenantdao_tenant_migration";

    /** The Flyway placeholder migrations of tenant schemas name the shared schema by. */
    static final String SHARED_SCHEMA_PLACEHOLDER = "tenantdao_shared_schema";

    private final Database database;
    private final String location;
    private final int parallelism;
    private final Consumer<TenantOutcome> progress;
    private final Consumer<FluentConfiguration> customizer;
    private final ClassLoader loader;
    private volatile boolean stateTableReady;

    private TenantMigrations(Builder builder) {
        this.database = builder.database;
        this.location = builder.location;
        this.parallelism = builder.parallelism;
        this.progress = builder.progress;
        this.customizer = builder.customizer;
        this.loader = builder.loader;
    }

    public static Builder builder(Database database) {
        return new Builder(database);
    }

    /**
     * Migrates the shared and row-tenanted tables (the {@code shared} migrations) in the shared
     * schema, on the Database's data source.
     *
     * @return the version reached (null when there are no shared migrations)
     */
    public String migrateShared() {
        if (!has("shared")) {
            return null;
        }
        String schema = database.sharedSchemaName();
        MigrateResult result = configure(database.dataSource(), schema, "shared", schema).load().migrate();
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }

    /**
     * Migrates {@code tenant}'s schema or database to the latest version (creating its schema when
     * missing). A new tenant is created this way, through the same migrations as every other.
     *
     * @throws TenantMigrationException when a migration fails; the tenant is left at the version it had
     */
    public TenantOutcome createTenant(String tenant) {
        TenantOutcome outcome = migrateTenant(tenant);
        if (outcome.failed()) {
            throw new TenantMigrationException(outcome, null);
        }
        return outcome;
    }

    /**
     * Migrates every tenant of {@code tenants}, at most {@code parallelism} at a time, each reported
     * to the progress listener as it finishes. A failed tenant does not stop the others.
     */
    public TenantMigrationReport migrateTenants(Collection<String> tenants) {
        List<String> all = List.copyOf(new LinkedHashSet<>(tenants));
        long start = System.nanoTime();
        ensureStateTable();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, all.size())), runnable -> {
            Thread thread = new Thread(runnable, "tenantdao-migrations");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<TenantOutcome>> futures = new ArrayList<>();
            for (String tenant : all) {
                futures.add(pool.submit(() -> migrateTenant(tenant)));
            }
            List<TenantOutcome> outcomes = new ArrayList<>();
            for (Future<TenantOutcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("tenantdao bug: migrating a tenant threw", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while migrating tenants", e);
                }
            }
            return new TenantMigrationReport(outcomes, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The tenants whose last recorded run did not finish (killed while running) or failed, in
     * tenant order: {@code migrateTenants(unfinished())} resumes.
     */
    public List<String> unfinished() {
        ensureStateTable();
        List<String> tenants = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tenant FROM " + stateTable()
                        + " WHERE state <> 'MIGRATED' ORDER BY tenant");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tenants.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new DataAccessException("TenantMigrations.unfinished", "Reading " + STATE_TABLE + " failed", e);
        }
        return tenants;
    }

    /** One tenant: its schema migrations, then its database migrations (when there are any of each). */
    TenantOutcome migrateTenant(String tenant) {
        ensureStateTable();
        long start = System.nanoTime();
        record(tenant, "RUNNING", null, null, 0);
        String from = null;
        String to = null;
        int run = 0;
        try {
            for (String stream : List.of("schema", "database")) {
                if (!has(stream)) {
                    continue;
                }
                Flyway flyway;
                if (stream.equals("schema")) {
                    String schema = database.tenantSchema(tenant);
                    flyway = configure(database.dataSource(), schema, stream, database.sharedSchemaName()).load();
                } else {
                    flyway = configure(database.tenantDataSource(tenant), null, stream, null).load();
                }
                MigrateResult result;
                try {
                    result = flyway.migrate();
                } catch (RuntimeException e) {
                    String before = versionOf(flyway);
                    from = from == null ? before : from + "/" + before;
                    throw e;
                }
                String before = result.initialSchemaVersion == null ? "0" : result.initialSchemaVersion;
                from = from == null ? before : from + "/" + before;
                run += result.migrationsExecuted;
                String after = result.targetSchemaVersion != null ? result.targetSchemaVersion : before;
                to = to == null ? after : to + "/" + after;
            }
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String error = Objects.toString(e.getMessage(), e.toString()).strip();
            TenantOutcome outcome = new TenantOutcome(tenant, TenantOutcome.Status.FAILED, from, from, 0, took, error);
            record(tenant, "FAILED", from, error, took.toMillis());
            progress.accept(outcome);
            return outcome;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        TenantOutcome outcome = new TenantOutcome(tenant, run == 0 ? TenantOutcome.Status.UP_TO_DATE
                : TenantOutcome.Status.MIGRATED, from, to, run, took, null);
        record(tenant, "MIGRATED", to, null, took.toMillis());
        progress.accept(outcome);
        return outcome;
    }

    /** The version a tenant is at after a failed migration (its last successful one). */
    private static String versionOf(Flyway flyway) {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private FluentConfiguration configure(DataSource dataSource, String schema, String stream, String shared) {
        FluentConfiguration configuration = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations(location + "/" + stream)
                .failOnMissingLocations(true)
                // one connection for a migration and its schema history row, so both commit together. With
                // Flyway's default for PostgreSQL (a transactional advisory lock) they run on two connections,
                // and a run killed between the two commits left a tenant with a version applied but not
                // recorded, which running again then applied twice (TenantMigrationsTest's killed run)
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"));
        if (schema != null) {
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        if (shared != null) {
            configuration.placeholders(Map.of(SHARED_SCHEMA_PLACEHOLDER, shared));
        }
        customizer.accept(configuration);
        return configuration;
    }

    /** Whether the location has migrations of {@code stream}. */
    private boolean has(String stream) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length()) + "/" + stream;
            return loader.getResource(path.startsWith("/") ? path.substring(1) : path) != null;
        }
        if (location.startsWith("filesystem:")) {
            return Files.isDirectory(Path.of(location.substring("filesystem:".length())).resolve(stream));
        }
        return true;
    }

    private String stateTable() {
        return '"' + database.sharedSchemaName() + "\"." + STATE_TABLE;
    }

    private void ensureStateTable() {
        if (stateTableReady) {
            return;
        }
        synchronized (this) {
            if (stateTableReady) {
                return;
            }
            try (Connection connection = database.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + stateTable() + " (\n"
                        + "    tenant text PRIMARY KEY,\n"
                        + "    state text NOT NULL CHECK (state IN ('RUNNING', 'MIGRATED', 'FAILED')),\n"
                        + "    version text,\n"
                        + "    error text,\n"
                        + "    millis bigint,\n"
                        + "    updated_at timestamptz NOT NULL DEFAULT now()\n"
                        + ")");
            } catch (SQLException e) {
                throw new DataAccessException("TenantMigrations", "Creating " + STATE_TABLE + " failed", e);
            }
            stateTableReady = true;
        }
    }

    private void record(String tenant, String state, String version, String error, long millis) {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO " + stateTable()
                        + " (tenant, state, version, error, millis) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (tenant) DO UPDATE SET state = excluded.state,"
                        + " version = COALESCE(excluded.version, " + STATE_TABLE + ".version),"
                        + " error = excluded.error, millis = excluded.millis, updated_at = now()")) {
            upsert.setString(1, tenant);
            upsert.setString(2, state);
            upsert.setString(3, version);
            upsert.setString(4, error);
            upsert.setLong(5, millis);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException("TenantMigrations", "Recording tenant " + tenant + "'s state failed", e);
        }
    }

    public static final class Builder {
        private final Database database;
        private String location = DEFAULT_LOCATION;
        private int parallelism = 4;
        private Consumer<TenantOutcome> progress = outcome -> { };
        private Consumer<FluentConfiguration> customizer = configuration -> { };
        private ClassLoader loader;

        private Builder(Database database) {
            this.database = Objects.requireNonNull(database, "database");
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            this.loader = context != null ? context : TenantMigrations.class.getClassLoader();
        }

        /**
         * Where the migrations are, as Flyway names locations ({@code classpath:...},
         * {@code filesystem:...}), without the stream: {@code shared}, {@code schema} and
         * {@code database} are under it. Default {@value TenantMigrations#DEFAULT_LOCATION}, where the
         * processor copies them.
         */
        public Builder location(String location) {
            this.location = Objects.requireNonNull(location, "location");
            return this;
        }

        /** How many tenants are migrated at a time (default 4): each holds one connection meanwhile. */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Called with each tenant's outcome as it finishes (from the migrating threads). */
        public Builder progress(Consumer<TenantOutcome> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Adjusts every Flyway configuration this makes (for example its logging, or a baseline). */
        public Builder configure(Consumer<FluentConfiguration> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** The class loader Flyway finds {@code classpath:} migrations with; default the thread's context loader. */
        public Builder classLoader(ClassLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        public TenantMigrations build() {
            return new TenantMigrations(this);
        }
    }
}
