package dev.tenantdao.coldstart.hibernate;

import dev.tenantdao.coldstart.hibernate.model.Entities;
import dev.tenantdao.coldstart.hibernate.model.Entity51;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Hibernate's cold start, at its best: the 100 entity classes listed (no scanning, no XML), the database and its
 * version given so that nothing reads JDBC metadata at boot (the dialect follows from them), no schema management or
 * validation, the {@code @TenantId} discriminator with a {@link CurrentTenantIdentifierResolver}; then tenant
 * {@code t1}'s row 2 of {@code entity_51} read by id in a session of that tenant. Logging: Hibernate's default (JBoss Logging to
 * {@code java.util.logging}, to the driver's log file).
 */
public final class Main {

    private Main() {}

    /** The current tenant, as a web filter would set it. */
    static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    public static void main(String[] args) {
        long main = System.currentTimeMillis();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("coldstart.url"));
        dataSource.setUser(System.getProperty("coldstart.user", "postgres"));
        dataSource.setPassword(System.getProperty("coldstart.password", ""));

        Map<String, Object> settings = new HashMap<>();
        settings.put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        settings.put(AvailableSettings.ALLOW_METADATA_ON_BOOT, false);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_NAME, "PostgreSQL");
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MAJOR_VERSION, 15);
        settings.put(AvailableSettings.JAKARTA_HBM2DDL_DB_MINOR_VERSION, 0);
        settings.put(AvailableSettings.HBM2DDL_AUTO, "none");
        settings.put(AvailableSettings.XML_MAPPING_ENABLED, false);
        settings.put(AvailableSettings.QUERY_STARTUP_CHECKING, false);
        settings.put(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new CurrentTenantIdentifierResolver<String>() {
            @Override
            public String resolveCurrentTenantIdentifier() {
                String tenant = TENANT.get();
                if (tenant == null) {
                    throw new IllegalStateException("no current tenant");
                }
                return tenant;
            }

            @Override
            public boolean validateExistingCurrentSessions() {
                return true;
            }
        });
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : Entities.ALL) {
            sources.addAnnotatedClass(entity);
        }
        try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
            long ready = System.currentTimeMillis();
            TENANT.set("t1");
            String row;
            try (Session session = factory.openSession()) {
                Entity51 found = session.find(Entity51.class, 2L);
                row = found == null ? "none" : found.getName();
            } finally {
                TENANT.remove();
            }
            long answered = System.currentTimeMillis();
            ColdStartReport.print(main, ready, answered, row);
        }
    }
}
