package dev.tenantdao.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantCosts;
import dev.tenantdao.spring.boot.Note;
import dev.tenantdao.spring.boot.NoteDao;
import dev.tenantdao.spring.boot.TenantdaoAutoConfiguration;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code tenantdao-tenants} endpoint in a context with the auto-configuration, on PostgreSQL: there
 * only with a TenantCosts (the property), and it ranks the tenants of the DAO calls made.
 */
class TenantCostsEndpointTest {

    private static DataSource dataSource;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("tenant_costs_endpoint");
        Schema.create(dataSource, Note.class);
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(DataSource.class, () -> dataSource)
            .withConfiguration(AutoConfigurations.of(TenantdaoAutoConfiguration.class,
                    TenantCostsEndpointAutoConfiguration.class));

    @Test
    void withoutTheReportThereIsNoEndpoint() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(TenantCosts.class);
            assertThat(context).doesNotHaveBean(TenantCostsEndpoint.class);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEndpointRanksTheTenantsOfTheStatementsSent() {
        runner.withPropertyValues("tenantdao.tenant-costs.enabled=true",
                "management.endpoints.web.exposure.include=tenantdao-tenants").run(context -> {
            NoteDao notes = context.getBean(NoteDao.class);
            TenantContext.runAs("busy", () -> {
                for (int i = 0; i < 3; i++) {
                    notes.insert(new Note(null, "n" + i));
                }
                notes.findAll(100, 0);
            });
            TenantContext.runAs("quiet", () -> notes.count());

            Map<String, Object> report = context.getBean(TenantCostsEndpoint.class).tenants(null);
            List<Map<String, Object>> byStatements = (List<Map<String, Object>>) report.get("byStatements");
            assertEquals(List.of("busy", "quiet"), byStatements.stream().map(row -> row.get("tenant")).toList());
            assertEquals(List.of(4L, 1L), byStatements.stream().map(row -> row.get("statements")).toList());
            List<Map<String, Object>> byRows = (List<Map<String, Object>>) report.get("byRows");
            // 3 inserted, 3 read back; the count returned 1 row
            assertEquals(List.of(6L, 1L), byRows.stream().map(row -> row.get("rows")).toList());
            assertEquals(1, ((List<?>) context.getBean(TenantCostsEndpoint.class).tenants(1).get("byTime")).size());
        });
    }
}
