package dev.tenantdao.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.tenantdao.di.guice.Project;
import dev.tenantdao.di.guice.ProjectDao;
import dev.tenantdao.di.guice.Projects;
import dev.tenantdao.di.guice.ProjectsImpl;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Guice builds the generated DAO and repository (the default component model) from a Database binding; on PostgreSQL. */
class GuiceTest {

    private static RecordingDataSource dataSource;
    private static Injector injector;

    @BeforeAll
    static void start() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("di_guice"));
        Schema.create(dataSource, Project.class);
        injector = Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Database.class).toInstance(new Database(dataSource));
                bind(Projects.class).to(ProjectsImpl.class);
            }
        });
    }

    @Test
    void theInjectorBuildsTheDaoAndTheRepository() {
        ProjectDao dao = injector.getInstance(ProjectDao.class);
        Projects projects = injector.getInstance(Projects.class);
        TenantContext.runAs("acme", () -> {
            Project saved = dao.insert(Project.named("Apollo"));
            assertEquals(List.of(saved), projects.findByName("Apollo"));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), projects.findByName("Apollo")));
        assertSame(ProjectsImpl.class, projects.getClass());
    }

    @Test
    void withoutATenantNothingReachesTheDatabase() {
        ProjectDao dao = injector.getInstance(ProjectDao.class);
        Projects projects = injector.getInstance(Projects.class);
        dataSource.reset();
        assertThrows(NoTenantException.class, dao::count);
        assertThrows(NoTenantException.class, () -> projects.findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }
}
