package dev.tenantdao.di.micronaut;

import dev.tenantdao.runtime.Database;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** The application's one Database, for Micronaut to inject into the generated DAOs and repositories. */
@Factory
public class DatabaseFactory {

    /** Where the test puts its data source before it starts the context. */
    public static volatile DataSource dataSource;

    @Singleton
    Database database() {
        return new Database(dataSource);
    }
}
