package dev.tenantdao.spring.boot;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.StatementListener;
import dev.tenantdao.runtime.TenantCosts;
import dev.tenantdao.spring.SpringTransactions;
import dev.tenantdao.spring.TenantTaskDecorator;
import dev.tenantdao.spring.TenantdaoExceptionTranslator;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * tenantdao in a Spring Boot application: a {@link Database} on the application's {@code DataSource}
 * whose DAO calls join Spring's transactions ({@link SpringTransactions}), every DAO the processor
 * generated (its index, {@code META-INF/tenantdao/daos}) registered as a bean, and tenantdao's
 * exceptions translatable into Spring's hierarchy. Each bean backs off when the application defines
 * its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnSingleCandidate(DataSource.class)
@org.springframework.boot.context.properties.EnableConfigurationProperties(TenantdaoProperties.class)
public class TenantdaoAutoConfiguration {

    /**
     * The database DAOs are built on: the application's data source, joining Spring's transactions,
     * telling every {@link StatementListener} bean of the statements (in their {@code @Order}).
     */
    @Bean
    @ConditionalOnMissingBean
    public Database tenantdaoDatabase(DataSource dataSource,
            org.springframework.beans.factory.ObjectProvider<StatementListener> listeners) {
        Database.Builder builder = Database.builder(dataSource).externalTransactions(new SpringTransactions(dataSource));
        listeners.orderedStream().forEach(builder::statementListener);
        return builder.build();
    }

    /**
     * With {@code tenantdao.tenant-costs.enabled=true}: the per-tenant cost report ({@link TenantCosts},
     * 5 minutes in slices of a minute, at most 1000 tenants a slice), a listener of the database, and
     * with the actuator the {@code tenantdao-tenants} endpoint. Define a {@code TenantCosts} bean of your
     * own to choose the window.
     */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tenantdao.tenant-costs.enabled",
            havingValue = "true")
    public TenantCosts tenantdaoTenantCosts() {
        return TenantCosts.create();
    }

    @Bean
    @ConditionalOnMissingBean
    public TenantdaoExceptionTranslator tenantdaoExceptionTranslator() {
        return new TenantdaoExceptionTranslator();
    }

    /** Carries the tenant and audit actor into {@code @Async} tasks (Boot applies a single TaskDecorator bean). */
    @Bean
    @ConditionalOnMissingBean(org.springframework.core.task.TaskDecorator.class)
    public TenantTaskDecorator tenantdaoTaskDecorator() {
        return new TenantTaskDecorator();
    }

    /**
     * With {@code tenantdao.verify-schema=true}: {@code Database.verify()} once every singleton
     * exists, before the web server starts, so a database that does not match the entities stops
     * the application with every mismatch named instead of failing its first request.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tenantdao.verify-schema",
            havingValue = "true")
    public org.springframework.beans.factory.SmartInitializingSingleton tenantdaoSchemaCheck(
            org.springframework.beans.factory.ObjectProvider<Database> database) {
        return () -> database.getObject().verify();
    }

    /** Registers every generated DAO of the class path as a bean (static: it runs before beans are made). */
    @Bean
    public static DaoRegistrar tenantdaoDaoRegistrar() {
        return new DaoRegistrar();
    }
}
