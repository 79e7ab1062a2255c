package dev.tenantdao.runtime;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.runtime.internal.TenantScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The DDL the processor wrote for each entity ({@code META-INF/tenantdao/ddl/<entity>.sql} in the
 * compiled output): the tables the generated DAOs expect. Its first line names the entity's tenancy
 * strategy: {@code -- tenantdao strategy: ROW}.
 */
public final class Schema {

    /** Where the processor writes each entity's DDL, relative to the class output. */
    public static final String DDL_LOCATION = Wire.DDL_LOCATION;

    /** The first line of every generated DDL, followed by the strategy's name. */
    public static final String STRATEGY_HEADER = Wire.STRATEGY_HEADER;

    private Schema() {}

    /** The DDL of {@code entity}, as generated. */
    public static String ddl(Class<?> entity) {
        Objects.requireNonNull(entity, "entity");
        String resource = DDL_LOCATION + entity.getName() + ".sql";
        ClassLoader loader = entity.getClassLoader() != null ? entity.getClassLoader() : ClassLoader.getSystemClassLoader();
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new TenantDaoException("No DDL for " + entity.getName() + " at " + resource
                    + ": is it an @Entity compiled with the tenantdao processor?");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
    }

    /** The tenancy strategy of {@code entity}, from the first line of its DDL. */
    static TenantScope.Strategy strategy(Class<?> entity) {
        String ddl = ddl(entity);
        if (!ddl.startsWith(STRATEGY_HEADER)) {
            throw new TenantDaoException("The DDL of " + entity.getName() + " has no strategy header");
        }
        return TenantScope.Strategy.valueOf(ddl.substring(STRATEGY_HEADER.length(), ddl.indexOf('\n')).strip());
    }

    /**
     * Creates the tables of shared and row-tenanted {@code entities}, in the given order (put
     * referenced tables first), in one transaction. The DDL uses {@code IF NOT EXISTS}, so running
     * it twice is harmless. Schema- and database-per-tenant tables are created per tenant, by
     * {@link Database#createTenant}.
     */
    public static void create(DataSource dataSource, Class<?>... entities) {
        for (Class<?> entity : entities) {
            TenantScope.Strategy strategy = strategy(entity);
            if (strategy == TenantScope.Strategy.SCHEMA || strategy == TenantScope.Strategy.DATABASE) {
                throw new TenantDaoException(entity.getName() + " is " + strategy.name().toLowerCase(java.util.Locale.ROOT)
                        + "-per-tenant: create its tables for each tenant with Database.createTenant");
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (Class<?> entity : entities) {
                    statement.execute(ddl(entity));
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException("Schema.create", "Cannot create the tables", e);
        }
    }
}
