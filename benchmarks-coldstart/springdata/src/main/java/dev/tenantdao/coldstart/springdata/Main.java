package dev.tenantdao.coldstart.springdata;

import dev.tenantdao.coldstart.springdata.model.Entity51;
import dev.tenantdao.coldstart.springdata.model.Entity51Repository;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Spring Data JDBC's cold start: a plain application context (no Spring Boot) with the 100 repositories
 ({@link Config}), then tenant {@code t1}'s row 2 of {@code entity_51} read by a derived query (the tenant a
 * parameter: Spring Data has no tenancy). With the argument {@code lazy}, every bean is lazy, as Spring Boot's
 * {@code spring.main.lazy-initialization=true} makes them (its {@code LazyInitializationBeanFactoryPostProcessor}):
 * only the repository asked for, and what it needs, is created.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        long main = System.currentTimeMillis();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(System.getProperty("coldstart.url"));
        dataSource.setUser(System.getProperty("coldstart.user", "postgres"));
        dataSource.setPassword(System.getProperty("coldstart.password", ""));
        boolean lazy = args.length > 0 && args[0].equals("lazy");
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(DataSource.class, () -> dataSource);
            context.register(Config.class);
            if (lazy) {
                context.addBeanFactoryPostProcessor(factory -> {
                    for (String name : factory.getBeanDefinitionNames()) {
                        factory.getBeanDefinition(name).setLazyInit(true);
                    }
                });
            }
            context.refresh();
            long ready = System.currentTimeMillis();
            String row = context.getBean(Entity51Repository.class).findByTenantIdAndId("t1", 2L)
                    .map(Entity51::name).orElse("none");
            long answered = System.currentTimeMillis();
            ColdStartReport.print(main, ready, answered, row);
        }
    }
}
