package dev.tenantdao.flyway;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMapping;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migration run in a process of its own, for {@code TenantMigrationsTest} to kill while it runs:
 * {@code url user password sharedSchema location tenants...}.
 */
public final class KilledRun {

    private KilledRun() {}

    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        dataSource.setCurrentSchema(args[3]);
        Database database = Database.builder(dataSource).sharedSchema(args[3])
                .schemaMapping(SchemaMapping.prefixed(TenantMigrationsTest.PREFIX)).build();
        List<String> tenants = new ArrayList<>(List.of(args).subList(5, args.length));
        TenantMigrations.builder(database).location(args[4]).parallelism(2).build().migrateTenants(tenants);
    }
}
