package dev.tenantdao.spring.boot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The filter alone, in front of a controller that says which tenant and actor it runs as. */
class TenantFilterTest {

    @RestController
    static class Echo {
        final AtomicInteger calls = new AtomicInteger();

        @GetMapping({"/who", "/actuator/health", "/error"})
        String who() {
            calls.incrementAndGet();
            return TenantContext.current().orElse("-") + "/" + AuditContext.current().orElse("-");
        }
    }

    private final Echo echo = new Echo();

    private MockMvc mvc(RequestTenantResolver resolver, boolean require) {
        TenantFilter filter = new TenantFilter(resolver, Pattern.compile("[a-z0-9-]{1,20}"), require,
                List.of("/error", "/actuator/**"), true);
        return MockMvcBuilders.standaloneSetup(echo).addFilters(filter).build();
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theHeadersTenantIsTheRequestsAndIsGoneAfterIt() throws Exception {
        MockMvc mvc = mvc(new HeaderTenantResolver("X-Tenant-Id"), true);
        mvc.perform(get("/who").header("X-Tenant-Id", "acme").principal(() -> "alice"))
                .andExpect(status().isOk()).andExpect(content().string("acme/alice"));
        mvc.perform(get("/who").header("X-Tenant-Id", "globex"))
                .andExpect(status().isOk()).andExpect(content().string("globex/-"));
        assertEquals("none", TenantContext.current().orElse("none"), "the request's tenant does not outlive it");
    }

    @Test
    void noTenantIsA400ProblemAndTheControllerIsNeverCalled() throws Exception {
        MockMvc mvc = mvc(new HeaderTenantResolver("X-Tenant-Id"), true);
        mvc.perform(get("/who"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The request names no tenant (header X-Tenant-Id)\",\"instance\":\"/who\"}"));
        mvc.perform(get("/who").header("X-Tenant-Id", "")).andExpect(status().isBadRequest());
        mvc.perform(get("/who").header("X-Tenant-Id", "acme", "globex")).andExpect(status().isBadRequest());
        assertEquals(0, echo.calls.get());
    }

    @Test
    void anInvalidTenantIsA400ProblemThatDoesNotEchoIt() throws Exception {
        MockMvc mvc = mvc(new HeaderTenantResolver("X-Tenant-Id"), true);
        for (String invalid : List.of("ACME", "acme'; drop table x; --", "a".repeat(21), " acme")) {
            mvc.perform(get("/who").header("X-Tenant-Id", invalid))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"The tenant of the request (header X-Tenant-Id) is not a valid tenant id\","
                            + "\"instance\":\"/who\"}"));
        }
        assertEquals(0, echo.calls.get());
    }

    @Test
    void theRuntimesRulesHoldWhateverThePattern() throws Exception {
        TenantFilter lax = new TenantFilter(new HeaderTenantResolver("X-Tenant-Id"), Pattern.compile("(?s).*"), true,
                List.of(), true);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(echo).addFilters(lax).build();
        mvc.perform(get("/who").header("X-Tenant-Id", "acme ")).andExpect(status().isBadRequest());
        mvc.perform(get("/who").header("X-Tenant-Id", "x".repeat(129))).andExpect(status().isBadRequest());
        assertEquals(0, echo.calls.get());
    }

    @Test
    void optionalPathsAndAnOptionalTenantGoOnWithoutOne() throws Exception {
        MockMvc mvc = mvc(new HeaderTenantResolver("X-Tenant-Id"), true);
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(content().string("-/-"));
        mvc.perform(get("/actuator/health").header("X-Tenant-Id", "acme")).andExpect(content().string("acme/-"));
        mvc.perform(get("/actuator/health").header("X-Tenant-Id", "NOT VALID")).andExpect(status().isBadRequest());
        mvc(new HeaderTenantResolver("X-Tenant-Id"), false).perform(get("/who"))
                .andExpect(status().isOk()).andExpect(content().string("-/-"));
    }

    @Test
    void theClaimOfAJwtLikePrincipal() throws Exception {
        MockMvc mvc = mvc(new ClaimTenantResolver("tenant"), true);
        ClaimAccessor jwt = () -> Map.of("sub", "alice", "tenant", "acme");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(jwt, null, "ROLE_USER"));
        mvc.perform(get("/who")).andExpect(status().isOk()).andExpect(content().string("acme/-"));
    }

    @Test
    void theAttributeOfAnOAuth2PrincipalAndAMissingClaim() throws Exception {
        MockMvc mvc = mvc(new ClaimTenantResolver("tenant"), true);
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new DefaultOAuth2AuthenticatedPrincipal("bob", Map.of("tenant", "globex"), AuthorityUtils.NO_AUTHORITIES),
                null, "ROLE_USER"));
        mvc.perform(get("/who")).andExpect(content().string("globex/-"));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new DefaultOAuth2AuthenticatedPrincipal("bob", Map.of("other", "x", "tenant", List.of("a", "b")),
                        AuthorityUtils.NO_AUTHORITIES), null, "ROLE_USER"));
        mvc.perform(get("/who")).andExpect(status().isBadRequest())
                .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                        + "\"detail\":\"The request names no tenant (claim tenant)\",\"instance\":\"/who\"}"));
        assertEquals(1, echo.calls.get());
    }

    @Test
    void noAuthenticationOrAnAnonymousOneIsA401Problem() throws Exception {
        MockMvc mvc = mvc(new ClaimTenantResolver("tenant"), true);
        mvc.perform(get("/who")).andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"The tenant comes from the claim tenant of the authenticated user, and the request is"
                        + " not authenticated\",\"instance\":\"/who\"}"));
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        mvc.perform(get("/who")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        assertEquals(1, echo.calls.get());
        mvc.perform(get("/who")).andExpect(header().doesNotExist("X-Tenant-Id"));
    }
}
