package dev.tenantdao.runtime;

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
 * compiled output): the tables the generated DAOs expect.
 */
public final class Schema {

    /** Where the processor writes each entity's DDL, relative to the class output. */
    public static final String DDL_LOCATION = "META-INF/tenantdao/ddl/";

    private Schema() {}

    /** The {@code CREATE TABLE} statements of {@code entity}, as generated. */
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

    /**
     * Creates the tables of {@code entities}, in the given order (put referenced tables first), in
     * one transaction. The DDL uses {@code IF NOT EXISTS}, so running it twice is harmless.
     */
    public static void create(DataSource dataSource, Class<?>... entities) {
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
            throw new DataAccessException("Cannot create the tables", e);
        }
    }
}
