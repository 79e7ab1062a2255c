package dev.tenantdao.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenantdao.spring.boot.web.TenantFilter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The tenant from the {@code tenant} claim of the request's JWT ({@code tenantdao.web.tenant-claim}),
 * with Spring Security's filter chain in front of tenantdao's filter, as in a resource server; the
 * JWTs come from spring-security-test's {@code jwt()}.
 */
@SpringBootTest(properties = {"ticket-desk.schema=desk_claims", "tenantdao.web.tenant-claim=tenant"})
class ClaimTenantTest {

    /** A resource server's chain, reduced to what the test needs: open endpoints, no CSRF for a token API. */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Security {
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(AbstractHttpConfigurer::disable)
                    .build();
        }
    }

    @Autowired
    WebApplicationContext context;

    @Autowired
    FilterRegistrationBean<TenantFilter> tenantFilter;

    private MockMvc mvc;

    private final Owner owner = new Owner("desk_claims");

    @BeforeEach
    void mvc() {
        // Spring Security's chain first, then tenantdao's filter: the order their registrations give them
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity())
                .addFilters(tenantFilter.getFilter()).build();
    }

    @Test
    void theTenantClaimIsTheRequestsTenantAndTheSubjectItsAuditActor() throws Exception {
        mvc.perform(post("/tickets").with(jwt().jwt(token -> token.subject("alice").claim("tenant", "acme")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"Printer\",\"assignee\":\"ann\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/tickets").with(jwt().jwt(token -> token.claim("tenant", "acme"))))
                .andExpect(jsonPath("$[*].title").value(org.hamcrest.Matchers.contains("Printer")));
        mvc.perform(get("/tickets").with(jwt().jwt(token -> token.claim("tenant", "globex"))))
                .andExpect(content().json("[]"));
        assertEquals(List.of("alice"), owner.jdbc().queryForList(
                "SELECT history_actor FROM ticket_history WHERE tenant_id = 'acme'", String.class));
    }

    @Test
    void anUnauthenticatedRequestIsA401ProblemDetailWhateverHeaderItSends() throws Exception {
        mvc.perform(get("/tickets").header("X-Tenant-Id", "acme"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value(
                        "The tenant comes from the claim tenant of the authenticated user, and the request is not authenticated"));
    }

    @Test
    void aTokenWithoutTheClaimOrWithAnInvalidOneIsA400ProblemDetail() throws Exception {
        mvc.perform(get("/tickets").with(jwt()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The request names no tenant (claim tenant)"));
        mvc.perform(get("/tickets").with(jwt().jwt(token -> token.claim("tenant", "acme; drop"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The tenant of the request (claim tenant) is not a valid tenant id"));
    }
}
