package dev.tenantdao.coldstart.tenantdao;

import dev.tenantdao.coldstart.tenantdao.model.Daos;
import dev.tenantdao.coldstart.tenantdao.model.Entity51;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * tenantdao's cold start: a {@link Database} on the data source, the 100 generated DAOs built (as a DI container
 * would at start-up), then tenant {@code t1}'s row 2 of {@code entity_51} read by id. Connection settings:
 * {@code -Dcoldstart.url}, {@code -Dcoldstart.user}, {@code -Dcoldstart.password}.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("coldstart.url"));
        dataSource.setUser(System.getProperty("coldstart.user", "postgres"));
        dataSource.setPassword(System.getProperty("coldstart.password", ""));
        Daos daos = new Daos(new Database(dataSource));
        long ready = System.currentTimeMillis();
        String row = TenantContext.callAs("t1", () -> daos.entity51.findById(2L)).map(Entity51::name).orElse("none");
        long answered = System.currentTimeMillis();
        ColdStartReport.print(main, ready, answered, row);
    }
}
