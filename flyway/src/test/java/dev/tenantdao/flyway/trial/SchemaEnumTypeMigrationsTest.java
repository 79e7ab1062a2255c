package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.flyway.TenantMigrationReport;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema per tenant, migrated by the generated migrations: Flyway runs them with the tenant's schema as
 * its default schema, so the entity's enum type is created there, not on the application's search
 * path. The DAO compiled with them (run here as the application runs it) names the type in the
 * tenant's schema in every cast: {@code insertAll}'s {@code unnest(?::{schema}.ticket_state[])} and an
 * insert's {@code COALESCE(CAST(? AS {schema}.ticket_state), ('OPEN'))} work from a connection whose
 * search path holds no tenant's schema, where the type's bare name does not resolve. A tenant created
 * from the DDL resource ({@code createTenant}) ends the same, its type in its own schema.
 */
class SchemaEnumTypeMigrationsTest {

    private static final String SHARED = "trial_enum_shared";
    private static final String PREFIX = "trial_enum_";

    static final String TICKET = entity("""
            @Entity @Tenanted(strategy = Tenanted.Strategy.SCHEMA)
            public record Ticket(@Id String code, @Column(type = "ticket_state", defaultSql = "'OPEN'") State state) {
                public enum State { OPEN, CLOSED }
            }""");

    @TempDir
    Path dir;
    @TempDir
    Path classes;

    @Test
    void theDaoCastsToTheTypeTheMigrationsCreatedInEachTenantsSchema() throws Exception {
        for (String tenant : List.of("north", "south", "west")) {
            Trial.execute(Postgres.shared().dataSource(), "DROP SCHEMA IF EXISTS " + PREFIX + tenant + " CASCADE");
        }
        DataSource application = Postgres.shared().freshSchema(SHARED);
        Database database = Database.builder(application).sharedSchema(SHARED)
                .schemaMapping(SchemaMapping.prefixed(PREFIX)).build();
        Compilation compilation = Trial.ok(dir, TICKET);
        TenantMigrations migrations = TenantMigrations.builder(database).location("filesystem:" + dir).build();
        TenantMigrationReport report = migrations.migrateTenants(List.of("north", "south"));
        assertTrue(report.succeeded(), report::toString);
        assertEquals(List.of(PREFIX + "north", PREFIX + "south"), Trial.rows(application,
                "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typname = 'ticket_state' ORDER BY n.nspname"));
        SQLException bare = assertThrows(SQLException.class,
                () -> Trial.rows(application, "SELECT '{OPEN}'::ticket_state[]"));
        assertTrue(bare.getMessage().contains("type \"ticket_state[]\" does not exist")
                || bare.getMessage().contains("type \"ticket_state\" does not exist"), bare.getMessage());

        Trial.classOutput(compilation, classes);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> ticket = loader.loadClass("lib.Ticket");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> state = (Class<Enum>) loader.loadClass("lib.Ticket$State");
            Object dao = loader.loadClass("lib.TicketDao").getConstructor(Database.class).newInstance(database);
            Method insertAll = dao.getClass().getMethod("insertAll", List.class);
            Method insert = dao.getClass().getMethod("insert", ticket);
            var make = ticket.getConstructor(String.class, state);
            @SuppressWarnings("unchecked")
            Object closed = Enum.valueOf(state, "CLOSED");
            List<Object> batch = List.of(make.newInstance("N-1", closed), make.newInstance("N-2", null));
            TenantContext.runAs("north", () -> {
                invoke(insertAll, dao, batch);
                invoke(insert, dao, make.newInstance("N-3", null));
            });
            TenantContext.runAs("south", () -> invoke(insertAll, dao, List.of(make.newInstance("S-1", closed))));
        }
        assertEquals(List.of("N-1|CLOSED", "N-2|OPEN", "N-3|OPEN"),
                Trial.rows(application, "SELECT code, state FROM " + PREFIX + "north.ticket ORDER BY code"));
        assertEquals(List.of("S-1|CLOSED"), Trial.rows(application, "SELECT code, state FROM " + PREFIX + "south.ticket"));

        // a tenant created from the DDL resource has the same tables and type, in its own schema; both verify
        Trial.withModel(compilation, classes, () -> {
            database.createTenant("west", Class.forName("lib.Ticket", true, Thread.currentThread().getContextClassLoader()));
            database.verifyTenant("north");
            database.verifyTenant("west");
            return null;
        });
        assertEquals(List.of(PREFIX + "north", PREFIX + "south", PREFIX + "west"), Trial.rows(application,
                "SELECT n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typname = 'ticket_state' ORDER BY n.nspname"));
        assertEquals(List.of(), Trial.catalogDifference(application, PREFIX + "north", application, PREFIX + "west"));
    }

    /** {@code method} of {@code dao}, its own exception rethrown. */
    private static Object invoke(Method method, Object dao, Object argument) throws Exception {
        try {
            return method.invoke(dao, argument);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
