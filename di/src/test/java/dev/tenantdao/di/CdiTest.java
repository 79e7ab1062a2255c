package dev.tenantdao.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.di.cdi.Project;
import dev.tenantdao.di.cdi.ProjectDao;
import dev.tenantdao.di.cdi.Projects;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.List;
import java.util.Optional;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CDI (Weld SE): with {@code -Atenantdao.componentModel=cdi} the generated DAO and repository are found by
 * the default ("annotated") discovery of a {@code beans.xml} archive and injected as {@code @ApplicationScoped}
 * client proxies, over an {@code @ApplicationScoped} {@code Database} made by a producer; on PostgreSQL.
 */
class CdiTest {

    private static RecordingDataSource dataSource;
    private static WeldContainer container;

    /** The application's producer of its one Database. */
    @ApplicationScoped
    public static class DatabaseProducer {
        @Produces
        @ApplicationScoped
        Database database() {
            return new Database(dataSource);
        }
    }

    @BeforeAll
    static void start() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("di_cdi"));
        Schema.create(dataSource, Project.class);
        container = new Weld().initialize();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    @Test
    void theContainerInjectsTheDaoAndTheRepository() {
        ProjectDao dao = container.select(ProjectDao.class).get();
        Projects projects = container.select(Projects.class).get();
        TenantContext.runAs("acme", () -> {
            Project saved = dao.insert(Project.named("Apollo"));
            assertEquals(List.of(saved), projects.findByName("Apollo"));
            assertEquals(Optional.of(saved), dao.findById(saved.id()));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), projects.findByName("Apollo")));
    }

    @Test
    void theyAndTheDatabaseAreApplicationScopedProxies() {
        assertNotEquals(ProjectDao.class, container.select(ProjectDao.class).get().getClass());
        assertNotEquals(Database.class, container.select(Database.class).get().getClass());
        assertEquals(container.select(Projects.class).get().getClass(),
                container.select(Projects.class).get().getClass());
    }

    @Test
    void withoutATenantNothingReachesTheDatabase() {
        ProjectDao dao = container.select(ProjectDao.class).get();
        Projects projects = container.select(Projects.class).get();
        dataSource.reset();
        assertThrows(NoTenantException.class, dao::count);
        assertThrows(NoTenantException.class, () -> projects.findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }
}
