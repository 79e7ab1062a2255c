package dev.tenantdao.coldstart.jdbi;

import dev.tenantdao.coldstart.jdbi.model.Daos;
import dev.tenantdao.coldstart.jdbi.model.Entity51;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Jdbi SqlObject's cold start: a {@link Jdbi} with the SqlObject plugin on the data source, the 100 on-demand
 * SqlObjects built (as a DI container would at start-up), then tenant {@code t1}'s row 2 of {@code entity_51} read by
 * id (the tenant a parameter: Jdbi has no tenancy).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        long main = System.currentTimeMillis();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("coldstart.url"));
        dataSource.setUser(System.getProperty("coldstart.user", "postgres"));
        dataSource.setPassword(System.getProperty("coldstart.password", ""));
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        Daos daos = new Daos(jdbi);
        long ready = System.currentTimeMillis();
        String row = daos.entity51.findById("t1", 2L).map(Entity51::name).orElse("none");
        long answered = System.currentTimeMillis();
        ColdStartReport.print(main, ready, answered, row);
    }
}
