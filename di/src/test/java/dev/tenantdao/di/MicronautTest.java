package dev.tenantdao.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.di.micronaut.DatabaseFactory;
import dev.tenantdao.di.micronaut.first.Project;
import dev.tenantdao.di.micronaut.first.ProjectDao;
import dev.tenantdao.di.micronaut.first.Projects;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Micronaut: the generated DAO and repository are beans whether Micronaut's processor is listed before
 * tenantdao's ({@code micronaut.first}) or after it ({@code micronaut.last}, where tenantdao's processor
 * used to claim the DAOs' {@code @Inject} and Micronaut, never handed it, made no bean: "No bean of type
 * ProjectDao exists"). On PostgreSQL.
 */
class MicronautTest {

    private static RecordingDataSource dataSource;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("di_micronaut"));
        Schema.create(dataSource, Project.class, dev.tenantdao.di.micronaut.last.Project.class);
        DatabaseFactory.dataSource = dataSource;
        context = ApplicationContext.run();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void micronautsProcessorBeforeTenantdaos() {
        ProjectDao dao = context.getBean(ProjectDao.class);
        Projects projects = context.getBean(Projects.class);
        TenantContext.runAs("acme", () -> {
            Project saved = dao.insert(Project.named("Apollo"));
            assertEquals(List.of(saved), projects.findByName("Apollo"));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), projects.findByName("Apollo")));
        dataSource.reset();
        assertThrows(NoTenantException.class, dao::count);
        assertThrows(NoTenantException.class, () -> projects.findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void micronautsProcessorAfterTenantdaos() {
        var dao = context.getBean(dev.tenantdao.di.micronaut.last.ProjectDao.class);
        var projects = context.getBean(dev.tenantdao.di.micronaut.last.Projects.class);
        TenantContext.runAs("acme", () -> {
            var saved = dao.insert(dev.tenantdao.di.micronaut.last.Project.named("Apollo"));
            assertEquals(List.of(saved), projects.findByName("Apollo"));
        });
        TenantContext.runAs("globex", () -> assertEquals(List.of(), projects.findByName("Apollo")));
        dataSource.reset();
        assertThrows(NoTenantException.class, dao::count);
        assertThrows(NoTenantException.class, () -> projects.findByName("Apollo"));
        assertEquals(0, dataSource.connectionCount());
    }
}
