package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.StatementLog;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantCosts;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operating it, on PostgreSQL: the statement log (java.util.logging, the default System.Logger
 * backend, captured by a handler) and the per-tenant cost report. The README's examples of their
 * output are what these tests print.
 */
class OperatingItTest {

    private static DataSource dataSource;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("operating_it");
    }

    @Test
    void statementsAreLoggedAtDebugAndFailuresAtWarning() {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger jul = Logger.getLogger(StatementLog.LOGGER);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        Level before = jul.getLevel();
        jul.setLevel(Level.FINE);   // System.Logger's DEBUG is java.util.logging's FINE
        jul.addHandler(handler);
        try {
            Database database = Database.builder(dataSource)
                    .statementListener(new StatementLog())     // logger dev.tenantdao.sql
                    .build();
            CurrencyDao currencies = new CurrencyDao(database);
            TenantContext.runAs("acme", () -> new CustomerDao(database).insert(new Customer("Acme", null)));
            currencies.findById("EUR");
            assertThrows(DataAccessException.class, () -> currencies.insert(new Currency("EUR", "Euro", (short) 2)));
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
        records.forEach(r -> System.out.println(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()));
        assertEquals(List.of(Level.FINE, Level.FINE, Level.WARNING), records.stream().map(LogRecord::getLevel).toList());
        assertTrue(records.get(0).getMessage().matches("Customer\\.insert for tenant acme, 1 row in \\d+\\.\\d{3} ms: "
                + "SELECT set_config\\('tenantdao.tenant', \\?, true\\); INSERT INTO customer .*"), records.get(0).getMessage());
        assertTrue(records.get(1).getMessage().matches("Currency\\.findById \\(shared\\), 1 row in \\d+\\.\\d{3} ms: "
                + "SELECT code, name, minor_units FROM currency WHERE code = \\?"), records.get(1).getMessage());
        assertTrue(records.get(2).getMessage().matches("Currency\\.insert \\(shared\\) failed with SQL state 23505 after "
                + "\\d+\\.\\d{3} ms: INSERT INTO currency \\(code, name, minor_units\\) VALUES \\(\\?, \\?, \\?\\)"),
                records.get(2).getMessage());
        assertTrue(records.stream().noneMatch(r -> r.getMessage().contains("Euro")), "no bind value is logged");
    }

    @Test
    void theCostReportRanksTheTenantsByStatementsTimeAndRows() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:30Z"), ZoneOffset.UTC);
        TenantCosts costs = TenantCosts.builder()
                .window(Duration.ofMinutes(5))      // sliding, in 5 slices of a minute
                .maxTenants(1000)                   // per slice; more add up in "others"
                .clock(clock)
                .build();
        Database database = Database.builder(dataSource).statementListener(costs).build();
        InvoiceDao invoices = new InvoiceDao(database);
        CustomerDao customers = new CustomerDao(database);
        TenantContext.runAs("acme", () -> {
            long customer = customers.insert(new Customer("Acme", null)).getId();               // 1 row
            invoices.insert(Invoice.draft(customer, "A-1", "EUR", BigDecimal.ONE, null));       // 1 row
            invoices.insert(Invoice.draft(customer, "A-2", "EUR", BigDecimal.ONE, null));       // 1 row
            invoices.count();                                                                  // 1 row
            invoices.findAll(10, 0);                                                           // 2 rows
        });
        TenantContext.runAs("globex", () -> {
            long customer = customers.insert(new Customer("Globex", null)).getId();             // 1 row
            invoices.insertAll(IntStream.range(0, 6).mapToObj(i ->
                    Invoice.draft(customer, "G-" + i, "EUR", BigDecimal.TEN, null)).toList());  // 6 rows
            invoices.findAll(100, 0);                                                          // 6 rows
        });
        TenantContext.runAs("initech", invoices::count);                                       // 1 row
        new CurrencyDao(database).count();                                                     // shared: not counted

        TenantCosts.Report report = costs.report(10);
        for (TenantCosts.TenantCost tenant : report.byStatements()) {
            System.out.printf("%-8s %3d statements %8.3f ms %5d rows%n", tenant.tenant(), tenant.statements(),
                    tenant.time().toNanos() / 1e6, tenant.rows());
        }
        System.out.println(report.from() + " .. " + report.to() + ", by rows: "
                + report.byRows().stream().map(TenantCosts.TenantCost::tenant).toList());

        assertEquals(List.of("acme", "globex", "initech"), tenants(report.byStatements()));
        assertEquals(List.of(5L, 3L, 1L), report.byStatements().stream().map(TenantCosts.TenantCost::statements).toList());
        assertEquals(List.of("globex", "acme", "initech"), tenants(report.byRows()));
        assertEquals(List.of(13L, 6L, 1L), report.byRows().stream().map(TenantCosts.TenantCost::rows).toList());
        assertEquals(3, report.byTime().size());
        assertEquals(0, report.others().statements());
        assertEquals(Instant.parse("2026-06-01T11:56:00Z"), report.from());
        assertEquals(Instant.parse("2026-06-01T12:01:00Z"), report.to());
        assertEquals(List.of("acme", "globex"), tenants(costs.top(2, TenantCosts.Measure.STATEMENTS)));
    }

    @Test
    void theReportTracksABoundedNumberOfTenantsAndForgetsWhatLeftTheWindow() {
        Instant[] now = {Instant.parse("2026-06-01T12:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TenantCosts costs = TenantCosts.builder().window(Duration.ofMinutes(2)).slices(2).maxTenants(2).clock(clock).build();
        InvoiceDao invoices = new InvoiceDao(Database.builder(dataSource).statementListener(costs).build());
        for (String tenant : List.of("t1", "t2", "t3", "t4", "t1")) {
            TenantContext.runAs(tenant, invoices::count);
        }
        TenantCosts.Report report = costs.report(10);
        assertEquals(List.of("t1", "t2"), tenants(report.byStatements()));
        assertEquals(List.of(2L, 1L), report.byStatements().stream().map(TenantCosts.TenantCost::statements).toList());
        assertEquals(2, report.others().statements());   // t3 and t4: no room in the slice

        now[0] = now[0].plusSeconds(60);                   // the next slice: the first still in the window
        TenantContext.runAs("t3", invoices::count);
        assertEquals(List.of("t1", "t2", "t3"), tenants(costs.report(10).byStatements()));   // ties by tenant id

        now[0] = now[0].plusSeconds(60);                   // the first slice left the window
        assertEquals(List.of("t3"), tenants(costs.report(10).byStatements()));
        assertEquals(0, costs.report(10).others().statements());
    }

    private static List<String> tenants(List<TenantCosts.TenantCost> costs) {
        return costs.stream().map(TenantCosts.TenantCost::tenant).toList();
    }
}
