package dev.tenantdao.spring.boot;

import dev.tenantdao.spring.boot.web.ClaimTenantResolver;
import dev.tenantdao.spring.boot.web.HeaderTenantResolver;
import dev.tenantdao.spring.boot.web.RequestTenantResolver;
import dev.tenantdao.spring.boot.web.TenantFilter;
import dev.tenantdao.spring.boot.web.TenantdaoProblemHandler;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * tenantdao in a servlet web application: the {@link TenantFilter} that runs each request as its
 * tenant (from a header, or from a claim of the authenticated principal with Spring Security), and
 * the {@link TenantdaoProblemHandler} that answers tenantdao's exceptions as problem details. Each
 * backs off when the application defines its own (a {@code TenantFilter} bean or registration, a
 * {@link RequestTenantResolver} bean, a {@code TenantdaoProblemHandler} bean).
 */
@AutoConfiguration(after = TenantdaoAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter",
        "org.springframework.http.ProblemDetail"})
@EnableConfigurationProperties(TenantdaoProperties.class)
public class TenantdaoWebAutoConfiguration {

    /** The filter, registered at {@code tenantdao.web.filter-order} (after Spring Security's). */
    @Bean
    @ConditionalOnBooleanProperty(name = "tenantdao.web.enabled", matchIfMissing = true)
    @ConditionalOnMissingFilterBean(TenantFilter.class)
    public FilterRegistrationBean<TenantFilter> tenantdaoTenantFilter(TenantdaoProperties properties,
            RequestTenantResolver resolver) {
        TenantdaoProperties.Web web = properties.getWeb();
        TenantFilter filter = new TenantFilter(resolver, Pattern.compile(web.getTenantPattern()),
                Pattern.compile(web.getVendorPattern()), web.isRequireTenant(), web.getTenantOptionalPaths(),
                web.isAuditActor());
        FilterRegistrationBean<TenantFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("tenantdaoTenantFilter");
        registration.setOrder(web.getFilterOrder());
        return registration;
    }

    /**
     * The tenant from the header {@code tenantdao.web.tenant-header} (and the vendor from
     * {@code tenantdao.web.vendor-header}, when set), when neither a claim (the nested configurations,
     * registered before this method) nor the application's own resolver is there.
     */
    @Bean
    @ConditionalOnMissingBean
    public RequestTenantResolver tenantdaoRequestTenantResolver(TenantdaoProperties properties) {
        TenantdaoProperties.Web web = properties.getWeb();
        if (web.getVendorClaim() != null) {
            throw new IllegalStateException("tenantdao.web.vendor-claim=" + web.getVendorClaim() + " reads the vendor"
                    + " from the authenticated principal, but the tenant comes from the header " + web.getTenantHeader()
                    + ": set tenantdao.web.tenant-claim too, or take the vendor from a header (tenantdao.web.vendor-header)");
        }
        return new HeaderTenantResolver(web.getTenantHeader(), web.getVendorHeader());
    }

    /**
     * Refuses a vendor from a header when the tenant comes from a claim: a vendor is a narrower scope
     * of the same principal, and a header would let any user of a tenant pick any of its vendors.
     */
    static void requireVendorFromTheClaim(TenantdaoProperties.Web web) {
        if (web.getVendorHeader() != null) {
            throw new IllegalStateException("tenantdao.web.vendor-header=" + web.getVendorHeader() + " would take the"
                    + " vendor from a header while the tenant comes from the claim " + web.getTenantClaim()
                    + " of the authenticated user, letting any user of a tenant act as any of its vendors:"
                    + " use tenantdao.web.vendor-claim instead");
        }
    }

    /** The tenant from a claim of the authenticated principal: {@code tenantdao.web.tenant-claim}, with Spring Security. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    @ConditionalOnProperty(name = "tenantdao.web.tenant-claim")
    static class ClaimResolverConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RequestTenantResolver tenantdaoRequestTenantResolver(TenantdaoProperties properties) {
            requireVendorFromTheClaim(properties.getWeb());
            return new ClaimTenantResolver(properties.getWeb().getTenantClaim(), properties.getWeb().getVendorClaim());
        }
    }

    /** A tenant claim asked for without Spring Security: the application must not start with the header instead. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
    @ConditionalOnProperty(name = "tenantdao.web.tenant-claim")
    static class ClaimWithoutSecurityConfiguration {
        @Bean
        @ConditionalOnMissingBean
        RequestTenantResolver tenantdaoRequestTenantResolver(TenantdaoProperties properties) {
            throw new IllegalStateException("tenantdao.web.tenant-claim=" + properties.getWeb().getTenantClaim()
                    + " reads the tenant from the authenticated principal through Spring Security,"
                    + " which is not on the class path (add spring-security-core), or remove the property"
                    + " to take the tenant from the header " + properties.getWeb().getTenantHeader());
        }
    }

    /** tenantdao's exceptions thrown by controllers as problem details (Spring MVC only). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    @ConditionalOnBooleanProperty(name = "tenantdao.web.problem-details", matchIfMissing = true)
    static class ProblemDetailsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        TenantdaoProblemHandler tenantdaoProblemHandler() {
            return new TenantdaoProblemHandler();
        }

        /** Jakarta Data's exceptions from generated repositories, when its API is on the class path. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(name = "jakarta.data.exceptions.DataException")
        static class JakartaData {
            @Bean
            @ConditionalOnMissingBean
            dev.tenantdao.spring.boot.web.JakartaDataProblemHandler tenantdaoJakartaDataProblemHandler() {
                return new dev.tenantdao.spring.boot.web.JakartaDataProblemHandler();
            }
        }
    }
}
