package dev.tenantdao.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request without a tenant, or with an invalid one, is answered 400 before the application runs:
 * the application's data source (wrapped in a recorder, the one Spring's transactions, JdbcTemplate
 * and tenantdao all use) is never asked for a connection.
 */
@SpringBootTest(properties = "ticket-desk.schema=desk_no_tenant")
@AutoConfigureMockMvc
class NoTenantNoSqlTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        static BeanPostProcessor recordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)
                            ? new RecordingDataSource(dataSource) : bean;
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    DataSource dataSource;

    private RecordingDataSource recorded;

    @BeforeEach
    void reset() {
        recorded = (RecordingDataSource) dataSource;
        recorded.reset();
    }

    @Test
    void noTenantHeaderIsA400ProblemDetailAndNoSql() throws Exception {
        mvc.perform(get("/tickets"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("The request names no tenant (header X-Tenant-Id)"))
                .andExpect(jsonPath("$.instance").value("/tickets"));
        mvc.perform(post("/tickets/import").param("author", "mallory").contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"title\":\"t\",\"assignee\":\"a\",\"comments\":[\"c\"]}]"))
                .andExpect(status().isBadRequest());
        assertEquals(List.of(), recorded.statements());
        assertEquals(0, recorded.connectionCount(), "not even a connection was taken");
    }

    @Test
    void anInvalidTenantIsA400ProblemDetailAndNoSql() throws Exception {
        for (String invalid : List.of("acme'; DROP TABLE ticket; --", "-acme", "a".repeat(64), "acme globex")) {
            mvc.perform(get("/tickets").header("X-Tenant-Id", invalid))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(
                            "The tenant of the request (header X-Tenant-Id) is not a valid tenant id"));
        }
        assertEquals(List.of(), recorded.statements());
        assertEquals(0, recorded.connectionCount());
    }

    @Test
    void theRecorderSeesTheStatementsOfARequestWithATenant() throws Exception {
        mvc.perform(get("/tickets").header("X-Tenant-Id", "acme"))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        assertFalse(recorded.statements().isEmpty(), "the same data source, so the zero above means something");
    }
}
