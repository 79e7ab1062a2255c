package dev.tenantdao.samples.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.annotations.internal.schema.SchemaModel;
import dev.tenantdao.flyway.TenantMigrations;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Catalog;
import dev.tenantdao.testkit.Postgres;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The samples' exported migrations ({@code samples/src/main/tenantdao}, committed; on the class path
 * at {@code db/tenantdao/}) applied by Flyway to nothing build exactly what the generated DDL builds:
 * the shared tables, a tenant's schema, a tenant's database, compared catalog line by catalog line.
 */
class MigrationsFromNothingTest {

    /** The main sources' entities of {@code stream}, in the model's order (referenced tables first). */
    private static Class<?>[] entities(String stream) throws Exception {
        Set<Class<?>> entities = new LinkedHashSet<>();
        for (URL url : Collections.list(MigrationsFromNothingTest.class.getClassLoader().getResources(Wire.SCHEMA_RESOURCE))) {
            if (url.toString().contains("test-classes")) {
                continue;       // the test sources' entities have no migrations
            }
            try (InputStream in = url.openStream()) {
                SchemaModel model = SchemaModel.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                for (SchemaModel.Table table : model.stream(stream).tables()) {
                    entities.add(Class.forName(table.entity()));
                }
            }
        }
        return entities.toArray(Class<?>[]::new);
    }

    @Test
    void theSharedTablesATenantsSchemaAndATenantsDatabaseAreTheDdlsExactly() throws Exception {
        Postgres postgres = Postgres.shared();
        DataSource migrated = postgres.freshSchema("mig_shared");
        DataSource created = postgres.freshSchema("mig_ddl");
        postgres.dropSchema("mig_f_acme");
        postgres.dropSchema("mig_d_acme");
        DataSource migratedDatabase = postgres.freshDatabase("mig_db_flyway");
        DataSource createdDatabase = postgres.freshDatabase("mig_db_ddl");

        Database viaFlyway = Database.builder(migrated).sharedSchema("mig_shared")
                .schemaMapping(SchemaMapping.prefixed("mig_f_"))
                .routing(TenantRouting.of(Map.of("acme", migratedDatabase))).build();
        TenantMigrations migrations = TenantMigrations.builder(viaFlyway).build();
        assertEquals("3", migrations.migrateShared());   // version 2: the marketplace; 3: notices and deliveries
        assertEquals("1/1", migrations.createTenant("acme").toVersion());

        Schema.create(created, entities("shared"));
        // the tenant's schema from the DDL references the same shared tables as the migrated one
        Database viaDdl = Database.builder(migrated).sharedSchema("mig_shared")
                .schemaMapping(SchemaMapping.prefixed("mig_d_"))
                .routing(TenantRouting.of(Map.of("acme", createdDatabase))).build();
        viaDdl.createTenant("acme", entities("schema"));
        viaDdl.createTenant("acme", entities("database"));

        List<String> shared = Catalog.of(migrated, "mig_shared");
        assertEquals(Catalog.of(created, "mig_ddl"), shared.stream().filter(l -> !l.contains(TenantMigrations.STATE_TABLE)).toList());
        assertTrue(shared.size() > 100, shared::toString);
        List<String> schema = Catalog.of(migrated, "mig_f_acme");
        assertEquals(Catalog.of(migrated, "mig_d_acme"), schema);
        assertTrue(schema.size() > 30, schema::toString);
        List<String> database = Catalog.of(migratedDatabase, "public");
        assertEquals(Catalog.of(createdDatabase, "public"), database);
        assertTrue(database.size() > 10, database::toString);
    }
}
