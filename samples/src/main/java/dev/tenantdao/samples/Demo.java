package dev.tenantdao.samples;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.invoicing.Customer;
import dev.tenantdao.samples.invoicing.CustomerDao;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceDao;
import dev.tenantdao.samples.invoicing.InvoiceLine;
import dev.tenantdao.samples.invoicing.InvoiceLineDao;
import dev.tenantdao.samples.invoicing.InvoiceStatus;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two tenants, Acme and Globex, invoice their customers through the generated DAOs; each sees only
 * its own rows.
 *
 * <p>Usage: {@code Demo [embedded | jdbc-url]}. With no argument or {@code embedded} it starts an
 * embedded PostgreSQL; with a URL it uses that server (as user {@code postgres}, or
 * {@code -Dtenantdao.jdbc.user}) in a fresh schema {@code tenantdao_demo}.
 */
public final class Demo {

    private final PrintStream out;
    private final Database database;
    private final CustomerDao customers;
    private final InvoiceDao invoices;
    private final InvoiceLineDao lines;
    private final CurrencyDao currencies;

    Demo(DataSource dataSource, PrintStream out) {
        this.out = out;
        this.database = new Database(dataSource);
        this.customers = new CustomerDao(database);
        this.invoices = new InvoiceDao(database);
        this.lines = new InvoiceLineDao(database);
        this.currencies = new CurrencyDao(database);
    }

    public static void main(String[] args) {
        String where = args.length == 0 || args[0].isBlank() ? "embedded" : args[0];
        Postgres server = "embedded".equals(where)
                ? Postgres.startEmbedded()
                : Postgres.at(where, System.getProperty("tenantdao.jdbc.user", "postgres"),
                        System.getProperty("tenantdao.jdbc.password", ""));
        System.out.println("tenantdao demo on " + server.description());
        DataSource dataSource = server.freshSchema("tenantdao_demo");
        Schema.create(dataSource, Currency.class, Customer.class, Invoice.class, InvoiceLine.class);
        new Demo(dataSource, System.out).run();
    }

    void run() {
        if (currencies.count() == 0) {
            currencies.insertAll(List.of(new Currency("EUR", "Euro", (short) 2),
                    new Currency("USD", "US Dollar", (short) 2)));
        }
        out.println("shared currencies: " + currencies.count());

        TenantContext.runAs("acme", () -> bill("Wile E. Coyote", "ACME-2026-001", "EUR",
                List.of(new Item("Rocket skates", 2, "149.50"), new Item("Giant magnet", 1, "89.00"))));
        TenantContext.runAs("globex", () -> {
            bill("Homer Simpson", "GX-0001", "USD", List.of(new Item("Safety audit", 3, "400.00")));
            bill("Frank Grimes", "GX-0002", "USD", List.of(new Item("Reactor manual", 1, "35.00")));
        });

        for (String tenant : List.of("acme", "globex")) {
            TenantContext.runAs(tenant, () -> report(tenant));
        }

        Long acmeInvoice = TenantContext.callAs("acme", () -> invoices.findAll(1, 0).get(0).id());
        boolean globexCanSeeIt = TenantContext.callAs("globex", () -> invoices.existsById(acmeInvoice));
        boolean globexCouldDelete = TenantContext.callAs("globex", () -> invoices.deleteById(acmeInvoice));
        out.printf("globex looks up acme's invoice %d: exists=%s, deleted=%s%n", acmeInvoice, globexCanSeeIt,
                globexCouldDelete);
        try {
            invoices.count();
        } catch (NoTenantException e) {
            out.println("without a tenant: " + e.getClass().getSimpleName() + " (no SQL was sent)");
        }
    }

    private void bill(String customerName, String number, String currency, List<Item> items) {
        database.useTransaction(tx -> {
            Customer customer = customers.insert(new Customer(customerName, null));
            BigDecimal total = items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Invoice invoice = invoices.insert(Invoice.draft(customer.getId(), number, currency, total,
                    LocalDate.of(2026, 11, 25)));
            int position = 1;
            for (Item item : items) {
                lines.insert(InvoiceLine.of(invoice.id(), position++, item.description(), item.quantity(),
                        new BigDecimal(item.unitPrice())));
            }
            invoices.update(invoice.withStatus(InvoiceStatus.SENT));
        });
    }

    private void report(String tenant) {
        out.printf("%n[%s] %d customers, %d invoices, %d invoice lines%n", tenant, customers.count(),
                invoices.count(), lines.count());
        for (Customer customer : customers.findAll(100, 0)) {
            out.printf("[%s]   customer #%d %s (tenant %s)%n", tenant, customer.getId(), customer.getName(),
                    customer.getTenantId());
        }
        for (Invoice invoice : invoices.findAllAfter(null, 100)) {
            out.printf("[%s]   invoice %s %s %s %s, due %s%n", tenant, invoice.number(), invoice.status(),
                    invoice.total(), invoice.currency(), invoice.dueOn());
        }
    }

    private record Item(String description, int quantity, String unitPrice) {
        BigDecimal amount() {
            return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        }
    }
}
