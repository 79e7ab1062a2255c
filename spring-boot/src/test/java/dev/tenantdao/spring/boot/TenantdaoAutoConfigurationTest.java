package dev.tenantdao.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.spring.TenantdaoExceptionTranslator;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auto-configuration in a Spring context on PostgreSQL: the Database, every DAO a bean, Spring's transactions joined. */
class TenantdaoAutoConfigurationTest {

    private static DataSource dataSource;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("spring_boot");
        Schema.create(dataSource, Note.class);
    }

    /** An application's own configuration: its data source and transaction manager, nothing of tenantdao's. */
    @Configuration(proxyBeanMethods = false)
    static class Application {
        @Bean
        DataSource dataSource() {
            return dataSource;
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }
    }

    /** The application's configuration and, after it as Boot orders auto-configurations, tenantdao's. */
    private static AnnotationConfigApplicationContext context(Database own) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(Application.class);
        if (own != null) {
            context.registerBean(Database.class, () -> own);
        }
        context.register(TenantdaoAutoConfiguration.class);
        context.refresh();
        return context;
    }

    @Test
    void everyGeneratedDaoIsABeanWithNoListingAndSpringsRollbackUndoesItsWrites() {
        try (AnnotationConfigApplicationContext app = context(null)) {
            assertEquals(1, app.getBeansOfType(Database.class).size());
            assertEquals(1, app.getBeansOfType(TenantdaoExceptionTranslator.class).size());
            assertEquals(1, app.getBeansOfType(NoteDao.class).size(), "from the processor's index, listed nowhere");
            NoteDao notes = app.getBean(NoteDao.class);
            TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            TenantContext.runAs("boot", () -> transactions.executeWithoutResult(status -> {
                notes.insertAll(List.of(Note.of("a"), Note.of("b")));
                status.setRollbackOnly();
            }));
            TenantContext.runAs("boot", () -> transactions.executeWithoutResult(status -> notes.insert(Note.of("kept"))));
            assertEquals(1L, new JdbcTemplate(dataSource).queryForObject(
                    "SELECT count(*) FROM note WHERE tenant_id = 'boot'", Long.class), "the rolled-back batch left nothing");
        }
    }

    @Test
    void aGeneratedRepositoryIsInjectedByItsInterfaceAndJoinsSpringsTransactions() {
        try (AnnotationConfigApplicationContext app = context(null)) {
            Notes notes = app.getBean(Notes.class);
            TransactionTemplate transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            TenantContext.runAs("repo", () -> transactions.executeWithoutResult(status -> {
                notes.saveAll(List.of(Note.of("r-1"), Note.of("r-2"), Note.of("other")));
            }));
            TenantContext.runAs("repo", () -> transactions.executeWithoutResult(status -> {
                assertEquals(2L, notes.deleteMatching("r-%"));
                assertEquals(List.of(), notes.findByTextStartsWithOrderByText("r-"), "the transaction's own view");
                status.setRollbackOnly();
            }));
            assertEquals(List.of("r-1", "r-2"), TenantContext.callAs("repo", () ->
                    notes.findByTextStartsWithOrderByText("r-")).stream().map(Note::text).toList(),
                    "Spring's rollback undid the bulk delete and its history");
            assertEquals(3L, new JdbcTemplate(dataSource).queryForObject(
                    "SELECT count(*) FROM note_history WHERE tenant_id = 'repo'", Long.class), "three inserts only");
        }
    }

    @Test
    void withVerifySchemaADatabaseThatDoesNotMatchTheEntitiesStopsTheApplicationNamingWhat() {
        DataSource empty = Postgres.shared().freshSchema("spring_boot_empty");
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().getPropertySources().addFirst(
                new org.springframework.core.env.MapPropertySource("test", java.util.Map.of("tenantdao.verify-schema", "true")));
        context.registerBean(DataSource.class, () -> empty);
        context.register(TenantdaoAutoConfiguration.class);
        RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, context::refresh);
        Throwable cause = failure;
        while (cause != null && !(cause instanceof dev.tenantdao.runtime.SchemaMismatchException)) {
            cause = cause.getCause();
        }
        org.junit.jupiter.api.Assertions.assertNotNull(cause, () -> "not a SchemaMismatchException: " + failure);
        org.junit.jupiter.api.Assertions.assertTrue(
                ((dev.tenantdao.runtime.SchemaMismatchException) cause).mismatches().stream().anyMatch(m -> m.contains("note")),
                cause::getMessage);
        context.close();
    }

    @Test
    void anApplicationsOwnDatabaseBeanWins() {
        Database own = new Database(dataSource);
        try (AnnotationConfigApplicationContext app = context(own)) {
            assertSame(own, app.getBean(Database.class));
            assertEquals(1, app.getBeansOfType(NoteDao.class).size());
        }
    }

    @Test
    void springBootFindsTheAutoConfiguration() {
        List<String> candidates = new java.util.ArrayList<>();
        org.springframework.boot.context.annotation.ImportCandidates.load(
                org.springframework.boot.autoconfigure.AutoConfiguration.class, getClass().getClassLoader())
                .forEach(candidates::add);
        assertEquals(true, candidates.contains(TenantdaoAutoConfiguration.class.getName()), candidates.toString());
    }

    @Test
    void anApplicationsOwnDaoBeanIsTheOneInjected() {
        AnnotationConfigApplicationContext app = new AnnotationConfigApplicationContext();
        app.register(Application.class);
        app.registerBean("myNotes", NoteDao.class, () -> new NoteDao(new Database(dataSource)));
        app.register(TenantdaoAutoConfiguration.class);
        app.refresh();
        try (app) {
            assertSame(app.getBean("myNotes"), app.getBean(NoteDao.class), "the application's own, not the index's");
        }
    }
}
