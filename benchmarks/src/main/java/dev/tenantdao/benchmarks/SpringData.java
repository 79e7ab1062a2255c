package dev.tenantdao.benchmarks;

import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Data JDBC as an application configures it (what Spring Boot's auto-configuration would do): the
 * benchmark's pool, a JDBC template and a transaction manager over it, and the {@link SpringProducts} repository.
 * The dialect (PostgreSQL) is detected from the pool.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = SpringProducts.class,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SpringProducts.class))
public class SpringData extends AbstractJdbcConfiguration {

    /** A started context whose repositories use {@code pool}; close it with the fixture. */
    static AnnotationConfigApplicationContext start(DataSource pool) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(DataSource.class, () -> pool);
        context.register(SpringData.class);
        context.refresh();
        return context;
    }

    @Bean
    NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
        return new NamedParameterJdbcTemplate(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }
}
