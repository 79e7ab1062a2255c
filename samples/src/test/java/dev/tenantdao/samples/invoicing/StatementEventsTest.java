package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementEvent.Outcome;
import dev.tenantdao.runtime.StatementListener;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link StatementListener} is told of generated DAO calls, on PostgreSQL: one event per
 * statement, with the operation, the entity, the tenant (none for a shared entity), the strategy,
 * the SQL constant sent, the rows, and the outcome with the SQL state of a failure.
 */
class StatementEventsTest {

    /** An event without its duration, which no test can know. */
    record Seen(String operation, String entity, String tenant, String strategy, String sql, long rows,
            Outcome outcome, String sqlState) {

        static Seen of(StatementEvent event) {
            assertFalse(event.duration().isNegative(), event.toString());
            return new Seen(event.operation(), event.entity(), event.tenant(), event.strategy(), event.sql(),
                    event.rows(), event.outcome(), event.sqlState());
        }
    }

    private static final List<StatementEvent> events = new CopyOnWriteArrayList<>();
    private static DataSource dataSource;
    private static Database database;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("statement_events");
        database = Database.builder(dataSource)
                .statementListener(events::add)
                .build();
    }

    @BeforeEach
    void clear() {
        events.clear();
    }

    private static List<Seen> seen() {
        List<Seen> seen = new ArrayList<>();
        for (StatementEvent event : events) {
            seen.add(Seen.of(event));
        }
        return seen;
    }

    private static Seen acme(String operation, String entity, String sql, long rows) {
        return new Seen(operation, entity, "acme", "ROW", sql, rows, Outcome.SUCCESS, null);
    }

    @Test
    void eachDaoCallTellsTheListenersOfItsStatement() {
        CustomerDao customers = new CustomerDao(database);
        InvoiceDao invoices = new InvoiceDao(database);
        CurrencyDao currencies = new CurrencyDao(database);
        long[] id = new long[1];
        TenantContext.runAs("acme", () -> {
            long customer = customers.insert(new Customer("Acme", null)).getId();
            Invoice saved = invoices.insert(Invoice.draft(customer, "A-1", "EUR", new BigDecimal("12.50"), null));
            id[0] = saved.id();
            invoices.findById(saved.id());
            invoices.findById(-1L);
            invoices.update(saved.withStatus(InvoiceStatus.SENT));
            invoices.count();
            invoices.findAll(10, 0);
            invoices.deleteById(-1L);
        });
        assertTrue(currencies.findById("EUR").isPresent());
        DataAccessException duplicate = assertThrows(DataAccessException.class,
                () -> currencies.insert(new Currency("EUR", "Euro", (short) 2)));

        assertEquals(List.of(
                acme("Customer.insert", "Customer", CustomerDao.INSERT, 1),
                acme("Invoice.insert", "Invoice", InvoiceDao.INSERT, 1),
                acme("Invoice.findById", "Invoice", InvoiceDao.FIND_BY_ID, 1),
                acme("Invoice.findById", "Invoice", InvoiceDao.FIND_BY_ID, 0),
                acme("Invoice.update", "Invoice", InvoiceDao.UPDATE, 1),
                acme("Invoice.count", "Invoice", InvoiceDao.COUNT, 1),
                acme("Invoice.findAll", "Invoice", InvoiceDao.FIND_ALL, 1),
                acme("Invoice.deleteById", "Invoice", InvoiceDao.DELETE_BY_ID, 0),
                new Seen("Currency.findById", "Currency", null, "SHARED",
                        "SELECT code, name, minor_units FROM currency WHERE code = ?", 1, Outcome.SUCCESS, null),
                new Seen("Currency.insert", "Currency", null, "SHARED",
                        "INSERT INTO currency (code, name, minor_units) VALUES (?, ?, ?)", -1, Outcome.FAILURE, "23505")),
                seen());
        assertEquals("23505", duplicate.sqlState());
        System.out.println(events.get(2));
        System.out.println(events.get(events.size() - 1));
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheCallAndTheNextListenersGoOn() {
        List<StatementEvent> after = new CopyOnWriteArrayList<>();
        Database throwing = Database.builder(dataSource)
                .statementListener(event -> {
                    throw new IllegalStateException("listener bug");
                })
                .statementListener(after::add)
                .build();
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(StatementListener.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            long count = new CurrencyDao(throwing).count();
            assertEquals(2, count);
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(List.of("Currency.count"), after.stream().map(StatementEvent::operation).toList());
        assertEquals(1, logged.size(), logged.toString());
        assertEquals(java.util.logging.Level.WARNING, logged.get(0).getLevel());
        assertEquals("listener bug", logged.get(0).getThrown().getMessage());
    }
}
