package dev.tenantdao.testkit.junit;

import dev.tenantdao.runtime.Database;
import javax.sql.DataSource;

/**
 * The schema a {@link TenantdaoTest} class works in.
 *
 * @param name the schema's name
 * @param owner connections as the server's administrative user (who owns the tables), in the schema:
 *     for fixtures and assertions across tenants; row-level security does not hold for it
 * @param dataSource connections as the test's role, in the schema
 * @param database the {@code Database} over {@code dataSource}
 */
public record TestSchema(String name, DataSource owner, DataSource dataSource, Database database) {}
