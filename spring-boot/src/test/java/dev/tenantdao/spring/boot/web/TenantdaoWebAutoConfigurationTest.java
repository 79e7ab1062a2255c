package dev.tenantdao.spring.boot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.spring.boot.TenantdaoWebAutoConfiguration;
import java.util.regex.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the web auto-configuration makes, when, and how it backs off. */
class TenantdaoWebAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @Bean
        FilterRegistrationBean<TenantFilter> myRegistration() {
            return new FilterRegistrationBean<>(new TenantFilter(new HeaderTenantResolver("X-Org"), Pattern.compile(".+"),
                    true, List.of(), false));
        }
    }

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TenantdaoWebAutoConfiguration.class));

    @Test
    void aServletApplicationGetsTheFilterAfterSpringSecurityTheHeaderAndTheProblemDetails() {
        web.run(context -> {
            FilterRegistrationBean<?> registration = context.getBean(FilterRegistrationBean.class);
            assertInstanceOf(TenantFilter.class, registration.getFilter());
            assertEquals(-90, registration.getOrder(), "after Spring Security's -100");
            HeaderTenantResolver resolver = assertInstanceOf(HeaderTenantResolver.class,
                    context.getBean(RequestTenantResolver.class));
            assertEquals("header X-Tenant-Id", resolver.source());
            assertNotNull(context.getBean(TenantdaoProblemHandler.class));
            assertNotNull(context.getBean(JakartaDataProblemHandler.class), "jakarta.data-api is on the class path");
        });
    }

    @Test
    void propertiesChangeTheHeaderTheOrderAndTurnPartsOff() {
        web.withPropertyValues("tenantdao.web.tenant-header=X-Org", "tenantdao.web.filter-order=5",
                "tenantdao.web.problem-details=false").run(context -> {
            assertEquals("header X-Org", context.getBean(RequestTenantResolver.class).source());
            assertEquals(5, context.getBean(FilterRegistrationBean.class).getOrder());
            assertTrue(context.getBeansOfType(TenantdaoProblemHandler.class).isEmpty());
        });
        web.withPropertyValues("tenantdao.web.enabled=false").run(context ->
                assertTrue(context.getBeansOfType(FilterRegistrationBean.class).isEmpty()));
    }

    @Test
    void aVendorFromTheHeaderOrTheClaimOfTheTenantsOwnSource() {
        web.run(context -> assertEquals("no vendor header", context.getBean(RequestTenantResolver.class).vendorSource()));
        web.withPropertyValues("tenantdao.web.vendor-header=X-Vendor-Id").run(context ->
                assertEquals("header X-Vendor-Id", assertInstanceOf(HeaderTenantResolver.class,
                        context.getBean(RequestTenantResolver.class)).vendorSource()));
        web.withPropertyValues("tenantdao.web.tenant-claim=org", "tenantdao.web.vendor-claim=shop").run(context ->
                assertEquals("claim shop", assertInstanceOf(ClaimTenantResolver.class,
                        context.getBean(RequestTenantResolver.class)).vendorSource()));
        // a vendor from a header while the tenant comes from the principal would let a user pick any vendor
        web.withPropertyValues("tenantdao.web.tenant-claim=org", "tenantdao.web.vendor-header=X-Vendor-Id")
                .run(context -> assertRootCause(context.getStartupFailure(),
                        "tenantdao.web.vendor-header=X-Vendor-Id would take the vendor from a header while the tenant"
                                + " comes from the claim org"));
        web.withPropertyValues("tenantdao.web.vendor-claim=shop").run(context -> assertRootCause(
                context.getStartupFailure(), "tenantdao.web.vendor-claim=shop reads the vendor from the authenticated"
                        + " principal, but the tenant comes from the header X-Tenant-Id"));
    }

    private static void assertRootCause(Throwable failure, String message) {
        assertNotNull(failure);
        while (failure.getCause() != null) {
            failure = failure.getCause();
        }
        assertTrue(failure.getMessage().contains(message), failure.getMessage());
    }

    @Test
    void aNonWebApplicationGetsNothingOfIt() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(TenantdaoWebAutoConfiguration.class))
                .run(context -> {
                    assertTrue(context.getBeansOfType(RequestTenantResolver.class).isEmpty());
                    assertTrue(context.getBeansOfType(TenantdaoProblemHandler.class).isEmpty());
                });
    }

    @Test
    void aTenantClaimReadsTheAuthenticatedPrincipal() {
        web.withPropertyValues("tenantdao.web.tenant-claim=org").run(context ->
                assertEquals("claim org", assertInstanceOf(ClaimTenantResolver.class,
                        context.getBean(RequestTenantResolver.class)).source()));
    }

    @Test
    void withoutSpringSecurityTheHeaderWorksAndAClaimIsRefusedAtStartup() {
        WebApplicationContextRunner noSecurity = web.withClassLoader(new FilteredClassLoader("org.springframework.security"));
        noSecurity.run(context -> assertInstanceOf(HeaderTenantResolver.class, context.getBean(RequestTenantResolver.class)));
        noSecurity.withPropertyValues("tenantdao.web.tenant-claim=org").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure);
            while (failure.getCause() != null) {
                failure = failure.getCause();
            }
            assertTrue(failure.getMessage().contains("tenantdao.web.tenant-claim=org reads the tenant from the"
                    + " authenticated principal through Spring Security, which is not on the class path"), failure.getMessage());
        });
        assertNotNull(SecurityContextHolder.class, "only hidden from that context");
    }

    @Test
    void theApplicationsOwnFilterResolverAndHandlerWin() {
        TenantFilter own = new TenantFilter(request -> dev.tenantdao.spring.boot.web.RequestTenant.of("fixed"),
                Pattern.compile(".*"), true, List.of(), false);
        RequestTenantResolver ownResolver = request -> RequestTenant.of("mine");
        TenantdaoProblemHandler ownHandler = new TenantdaoProblemHandler();
        web.withBean("myFilter", TenantFilter.class, () -> own)
                .withBean(RequestTenantResolver.class, () -> ownResolver)
                .withBean("myHandler", TenantdaoProblemHandler.class, () -> ownHandler)
                .run(context -> {
                    assertTrue(context.getBeansOfType(FilterRegistrationBean.class).isEmpty(), "no second filter");
                    assertSame(ownResolver, context.getBean(RequestTenantResolver.class));
                    assertSame(ownHandler, context.getBean(TenantdaoProblemHandler.class));
                });
        web.withUserConfiguration(OwnRegistration.class).run(context -> {
            assertEquals(1, context.getBeansOfType(FilterRegistrationBean.class).size());
            assertTrue(context.containsBean("myRegistration"));
        });
    }
}
