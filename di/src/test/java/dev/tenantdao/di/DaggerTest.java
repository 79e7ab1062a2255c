package dev.tenantdao.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.di.dagger.first.DaggerDaoComponent;
import dev.tenantdao.di.dagger.first.DaoComponent;
import dev.tenantdao.di.dagger.first.Project;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dagger: a component exposing the generated DAO and repository, compiled with Dagger's processor listed
 * before tenantdao's ({@code dagger.first}) and after it ({@code dagger.last}); order does not matter.
 * On PostgreSQL.
 */
class DaggerTest {

    private static RecordingDataSource dataSource;
    private static Database database;

    @BeforeAll
    static void start() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("di_dagger"));
        Schema.create(dataSource, Project.class, dev.tenantdao.di.dagger.last.Project.class);
        database = new Database(dataSource);
    }

    @Test
    void daggersProcessorBeforeTenantdaos() {
        DaoComponent component = DaggerDaoComponent.factory().create(database);
        TenantContext.runAs("acme", () -> {
            Project saved = component.projectDao().insert(Project.named("Apollo"));
            assertEquals(List.of(saved), component.projects().findByName("Apollo"));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), component.projects().findByName("Apollo")));
        dataSource.reset();
        assertThrows(NoTenantException.class, () -> component.projectDao().count());
        assertThrows(NoTenantException.class, () -> component.projects().findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void daggersProcessorAfterTenantdaos() {
        var component = dev.tenantdao.di.dagger.last.DaggerDaoComponent.factory().create(database);
        TenantContext.runAs("acme", () -> {
            var saved = component.projectDao().insert(dev.tenantdao.di.dagger.last.Project.named("Apollo"));
            assertEquals(List.of(saved), component.projects().findByName("Apollo"));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), component.projects().findByName("Apollo")));
        dataSource.reset();
        assertThrows(NoTenantException.class, () -> component.projectDao().count());
        assertThrows(NoTenantException.class, () -> component.projects().findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }
}
