package dev.tenantdao.spring.boot.actuate;

import dev.tenantdao.runtime.TenantCosts;
import dev.tenantdao.spring.boot.TenantdaoAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code tenantdao-tenants} actuator endpoint, when the actuator is on the class path and a
 * {@link TenantCosts} bean exists (the application's, or {@code tenantdao.tenant-costs.enabled=true});
 * exposed like every endpoint ({@code management.endpoints.web.exposure.include}).
 */
@AutoConfiguration(after = TenantdaoAutoConfiguration.class)
@ConditionalOnClass({ConditionalOnAvailableEndpoint.class, org.springframework.boot.actuate.endpoint.annotation.Endpoint.class})
public class TenantCostsEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TenantCosts.class)
    @ConditionalOnAvailableEndpoint(TenantCostsEndpoint.class)
    public TenantCostsEndpoint tenantdaoTenantCostsEndpoint(TenantCosts costs) {
        return new TenantCostsEndpoint(costs);
    }
}
