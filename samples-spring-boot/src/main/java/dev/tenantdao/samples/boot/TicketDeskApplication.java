package dev.tenantdao.samples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The ticket desk. tenantdao's auto-configuration gives it the {@code Database} on its data source
 * (joining Spring's transactions), every generated DAO and repository as a bean, the tenant of each
 * request from its {@code X-Tenant-Id} header, and problem details.
 */
@SpringBootApplication
public class TicketDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketDeskApplication.class, args);
    }
}
