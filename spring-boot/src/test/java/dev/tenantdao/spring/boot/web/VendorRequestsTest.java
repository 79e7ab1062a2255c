package dev.tenantdao.spring.boot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.ClaimAccessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vendor of a request: the filter runs a request naming a vendor as that vendor of its tenant
 * ({@code TenantContext.runAsVendor}), a vendor-scoped DAO refuses a request naming none with
 * {@code NoVendorException} (answered 403 by the problem details), and only the application's explicit
 * tenant-wide block sees every vendor. On PostgreSQL, as an application role under row-level security.
 */
class VendorRequestsTest {

    private static RecordingDataSource recorded;
    private static ListingDao listings;

    @RestController
    static class Listings {
        final AtomicInteger calls = new AtomicInteger();

        @GetMapping("/who")
        String who() {
            calls.incrementAndGet();
            return TenantContext.current().orElse("-") + "/" + TenantContext.currentVendor().orElse("-") + "/"
                    + TenantContext.isTenantWide() + "/" + AuditContext.current().orElse("-");
        }

        @GetMapping("/listings")
        String titles() {
            calls.incrementAndGet();
            return listings.findAll(100, 0).stream().map(Listing::title).collect(Collectors.joining(","));
        }

        @PostMapping("/listings")
        String add(@RequestParam("title") String title) {
            calls.incrementAndGet();
            Listing added = listings.insert(new Listing(null, null, title));
            return added.id() + "@" + added.vendor();
        }

        @GetMapping("/listings/{id}")
        String one(@PathVariable("id") long id) {
            return listings.findById(id).map(Listing::title).orElse("(none)");
        }

        /** The operator's view: every vendor of the request's tenant, in the application's own explicit block. */
        @GetMapping("/dashboard")
        String dashboard() {
            return TenantContext.callTenantWide(TenantContext.current().orElseThrow(), () -> listings.findAll(100, 0)
                    .stream().map(l -> l.vendor() + ":" + l.title()).sorted().collect(Collectors.joining(",")));
        }
    }

    private final Listings controller = new Listings();

    @BeforeAll
    static void schemaAndRole() {
        Schema.create(Postgres.shared().freshSchema("spring_boot_vendors"), Listing.class);
        recorded = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_spring_vendors", "spring_boot_vendors"));
        listings = new ListingDao(new Database(recorded));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockMvc mvc(RequestTenantResolver resolver) {
        TenantFilter filter = new TenantFilter(resolver, Pattern.compile("[a-z0-9-]{1,20}"),
                Pattern.compile("[a-z0-9-]{1,20}"), true, List.of("/error"), true);
        return MockMvcBuilders.standaloneSetup(controller).addFilters(filter)
                .build();
    }

    private MockMvc headers() {
        return mvc(new HeaderTenantResolver("X-Tenant-Id", "X-Vendor-Id"));
    }

    @Test
    void aRequestNamingAVendorRunsAsThatVendorOfItsTenant() throws Exception {
        MockMvc mvc = headers();
        mvc.perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "north").principal(() -> "alice"))
                .andExpect(status().isOk()).andExpect(content().string("acme/north/false/alice"));
        mvc.perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "north"))
                .andExpect(content().string("acme/north/false/-"));
        mvc.perform(get("/who").header("X-Tenant-Id", "acme")).andExpect(content().string("acme/-/false/-"));
        // an empty vendor header, or two different ones, is no vendor: never every vendor
        mvc.perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", ""))
                .andExpect(content().string("acme/-/false/-"));
        mvc.perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "north", "south"))
                .andExpect(content().string("acme/-/false/-"));
        assertEquals("none", TenantContext.currentVendor().orElse(TenantContext.current().orElse("none")),
                "the request's tenant and vendor do not outlive it");
        // without a vendor header configured, a vendor header is ignored
        mvc(new HeaderTenantResolver("X-Tenant-Id")).perform(get("/who").header("X-Tenant-Id", "acme")
                .header("X-Vendor-Id", "north")).andExpect(content().string("acme/-/false/-"));
    }

    @Test
    void eachVendorSeesAndFindsOnlyItsOwnListings() throws Exception {
        MockMvc mvc = headers();
        String north = mvc.perform(post("/listings").param("title", "Atlas").header("X-Tenant-Id", "acme")
                .header("X-Vendor-Id", "north-v")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertTrue(north.endsWith("@north-v"), north);
        mvc.perform(post("/listings").param("title", "Chess").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "south-v"))
                .andExpect(status().isOk());
        mvc.perform(get("/listings").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "north-v"))
                .andExpect(content().string("Atlas"));
        mvc.perform(get("/listings").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "south-v"))
                .andExpect(content().string("Chess"));
        String id = north.substring(0, north.indexOf('@'));
        mvc.perform(get("/listings/" + id).header("X-Tenant-Id", "acme").header("X-Vendor-Id", "north-v"))
                .andExpect(content().string("Atlas"));
        mvc.perform(get("/listings/" + id).header("X-Tenant-Id", "acme").header("X-Vendor-Id", "south-v"))
                .andExpect(content().string("(none)"));
        mvc.perform(get("/listings").header("X-Tenant-Id", "globex").header("X-Vendor-Id", "north-v"))
                .andExpect(content().string(""));
        // the operator's explicit tenant-wide block: every vendor of acme, none of globex's
        mvc.perform(get("/dashboard").header("X-Tenant-Id", "acme"))
                .andExpect(content().string("north-v:Atlas,south-v:Chess"));
        mvc.perform(get("/dashboard").header("X-Tenant-Id", "globex")).andExpect(content().string(""));
    }

    /**
     * The DAO refuses the request before any SQL; the advice answers 403 (this module has no JSON
     * converter for MockMvc to write a ProblemDetail with, so the mapping is checked on the handler
     * itself, as {@code JakartaDataProblemHandlerTest} does).
     */
    @Test
    void aRequestWithoutAVendorIsRefusedBeforeAnySqlAndAnswered403() throws Exception {
        MockMvc mvc = headers();
        recorded.reset();
        for (var request : List.of(get("/listings").header("X-Tenant-Id", "acme"),
                post("/listings").param("title", "x").header("X-Tenant-Id", "acme"))) {
            Exception e = assertThrows(Exception.class, () -> mvc.perform(request));
            assertInstanceOf(NoVendorException.class, e.getCause(), e::toString);
        }
        assertEquals(List.of(), recorded.statements());
        assertEquals(0, recorded.connectionCount());
        var problem = new TenantdaoProblemHandler().noVendor(new NoVendorException("Listing", "acme", "no vendor"));
        assertEquals(403, problem.getStatus());
        assertEquals("The request cannot reach these vendor-scoped rows: it acts for no vendor, or for another one",
                problem.getDetail());
    }

    /** Writes a problem detail as "status detail", for MockMvc in a module without a JSON library. */
    static final class PlainProblems extends AbstractHttpMessageConverter<ProblemDetail> {
        PlainProblems() {
            super(MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL);
        }

        @Override
        protected boolean supports(Class<?> type) {
            return ProblemDetail.class.isAssignableFrom(type);
        }

        @Override
        protected ProblemDetail readInternal(Class<? extends ProblemDetail> type, HttpInputMessage input) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void writeInternal(ProblemDetail problem, HttpOutputMessage output) throws java.io.IOException {
            output.getBody().write((problem.getStatus() + " " + problem.getDetail()).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void theAdviceAnswersARequestWithoutAVendor403() throws Exception {
        TenantFilter filter = new TenantFilter(new HeaderTenantResolver("X-Tenant-Id", "X-Vendor-Id"),
                Pattern.compile("[a-z0-9-]{1,20}"), Pattern.compile("[a-z0-9-]{1,20}"), true, List.of(), true);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller).addFilters(filter)
                .setControllerAdvice(new TenantdaoProblemHandler()).setMessageConverters(new PlainProblems()).build();
        recorded.reset();
        mvc.perform(get("/listings").header("X-Tenant-Id", "acme"))
                .andExpect(status().isForbidden())
                .andExpect(content().string("403 The request cannot reach these vendor-scoped rows: it acts for no"
                        + " vendor, or for another one"));
        assertEquals(0, recorded.connectionCount());
    }

    @Test
    void anInvalidVendorIsA400ProblemThatDoesNotEchoIt() throws Exception {
        MockMvc mvc = headers();
        for (String invalid : List.of("NORTH", "north'; drop table listing; --", "n".repeat(21), " north")) {
            mvc.perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", invalid))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(content().string("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                            + "\"detail\":\"The vendor of the request (header X-Vendor-Id) is not a valid vendor id\","
                            + "\"instance\":\"/who\"}"));
        }
        TenantFilter lax = new TenantFilter(new HeaderTenantResolver("X-Tenant-Id", "X-Vendor-Id"), Pattern.compile(".*"),
                Pattern.compile("(?s).*"), true, List.of(), true);
        MockMvcBuilders.standaloneSetup(controller).addFilters(lax).build()
                .perform(get("/who").header("X-Tenant-Id", "acme").header("X-Vendor-Id", "x".repeat(129)))
                .andExpect(status().isBadRequest());
        assertEquals(0, controller.calls.get());
    }

    @Test
    void theVendorClaimOfTheSamePrincipal() throws Exception {
        MockMvc mvc = mvc(new ClaimTenantResolver("tenant", "vendor"));
        ClaimAccessor jwt = () -> Map.of("sub", "alice", "tenant", "acme", "vendor", "north");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(jwt, null, "ROLE_USER"));
        mvc.perform(get("/who")).andExpect(status().isOk()).andExpect(content().string("acme/north/false/-"));
        ClaimAccessor staff = () -> Map.of("sub", "olga", "tenant", "acme", "vendor", List.of("north", "south"));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(staff, null, "ROLE_USER"));
        mvc.perform(get("/who")).andExpect(content().string("acme/-/false/-"));
        Exception e = assertThrows(Exception.class, () -> mvc.perform(get("/listings")));
        assertInstanceOf(NoVendorException.class, e.getCause(), e::toString);
        assertEquals("claim vendor", new ClaimTenantResolver("tenant", "vendor").vendorSource());
    }

    @Test
    void aVendorOnlyWithATenant() {
        assertThrows(IllegalArgumentException.class,
                () -> new RequestTenant(RequestTenant.Status.MISSING, null, "north"));
        assertEquals(new RequestTenant(RequestTenant.Status.FOUND, "acme", null), RequestTenant.of("acme"));
        assertEquals(RequestTenant.of("acme", null), new RequestTenant(RequestTenant.Status.FOUND, "acme"));
    }

    @Test
    void theProblemNamesNeitherTenantNorVendor() {
        var problem = new TenantdaoProblemHandler().noVendor(new NoVendorException("Listing", "acme",
                "The Listing belongs to vendor 'north', but the current vendor is 'south' (tenant 'acme')"));
        assertEquals(403, problem.getStatus());
        assertTrue(!problem.getDetail().contains("acme") && !problem.getDetail().contains("north"), problem.getDetail());
    }
}
