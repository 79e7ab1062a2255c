package dev.tenantdao.samples;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.NoVendorException;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.SchemaMapping;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.samples.invoicing.Customer;
import dev.tenantdao.samples.invoicing.CustomerDao;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceDao;
import dev.tenantdao.samples.invoicing.InvoiceLine;
import dev.tenantdao.samples.invoicing.Product;
import dev.tenantdao.samples.invoicing.InvoiceLineDao;
import dev.tenantdao.samples.invoicing.Invoices;
import dev.tenantdao.samples.invoicing.InvoicesImpl;
import dev.tenantdao.samples.invoicing.InvoiceStatus;
import dev.tenantdao.samples.ledger.Account;
import dev.tenantdao.samples.ledger.AccountDao;
import dev.tenantdao.samples.ledger.LedgerEntry;
import dev.tenantdao.samples.ledger.LedgerEntryDao;
import dev.tenantdao.samples.marketplace.Category;
import dev.tenantdao.samples.marketplace.CategoryDao;
import dev.tenantdao.samples.marketplace.MarketplaceDashboard;
import dev.tenantdao.samples.marketplace.ProductDao;
import dev.tenantdao.samples.marketplace.Products;
import dev.tenantdao.samples.marketplace.ProductsImpl;
import dev.tenantdao.samples.marketplace.SalesOrder;
import dev.tenantdao.samples.marketplace.SalesOrderDao;
import dev.tenantdao.samples.marketplace.Vendor;
import dev.tenantdao.samples.marketplace.VendorDao;
import dev.tenantdao.samples.payments.BankTransfer;
import dev.tenantdao.samples.payments.CardPayment;
import dev.tenantdao.samples.payments.Payment;
import dev.tenantdao.samples.payments.PaymentDao;
import dev.tenantdao.samples.payments.Voucher;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import java.io.PrintStream;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Two tenants, Acme and Globex, invoice their customers through the generated DAOs (row strategy,
 * with row-level security) and book each invoice in their own ledger (a schema per tenant); each
 * sees only its own rows. Then both run a marketplace: vendors inside each tenant, each vendor
 * seeing only its own products, the operator's dashboard every vendor of its own tenant.
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
    private final AccountDao accounts;
    private final LedgerEntryDao ledger;
    private final PaymentDao payments;
    private final Invoices invoiceQueries;
    private final VendorDao vendors;
    private final CategoryDao categories;
    private final ProductDao products;
    private final Products catalog;
    private final SalesOrderDao orders;
    private final MarketplaceDashboard dashboard;

    Demo(DataSource dataSource, PrintStream out) {
        this.out = out;
        this.database = Database.builder(dataSource).schemaMapping(SchemaMapping.prefixed(LEDGER_SCHEMA_PREFIX)).build();
        this.customers = new CustomerDao(database);
        this.invoices = new InvoiceDao(database);
        this.lines = new InvoiceLineDao(database);
        this.currencies = new CurrencyDao(database);
        this.accounts = new AccountDao(database);
        this.ledger = new LedgerEntryDao(database);
        this.payments = new PaymentDao(database);
        this.invoiceQueries = new InvoicesImpl(database);
        this.vendors = new VendorDao(database);
        this.categories = new CategoryDao(database);
        this.products = new ProductDao(database);
        this.catalog = new ProductsImpl(database);
        this.orders = new SalesOrderDao(database);
        this.dashboard = new MarketplaceDashboard(database);
    }

    /** The marketplace's entities, for {@code Schema.create}: referenced tables first. */
    static final List<Class<?>> MARKETPLACE = List.of(Vendor.class, Category.class,
            dev.tenantdao.samples.marketplace.Product.class, SalesOrder.class);

    /** Each tenant's ledger lives in schema {@code tenantdao_demo_<tenant>}. */
    static final String LEDGER_SCHEMA_PREFIX = "tenantdao_demo_";

    public static void main(String[] args) {
        String where = args.length == 0 || args[0].isBlank() ? "embedded" : args[0];
        Postgres server = "embedded".equals(where)
                ? Postgres.startEmbedded()
                : Postgres.at(where, System.getProperty("tenantdao.jdbc.user", "postgres"),
                        System.getProperty("tenantdao.jdbc.password", ""));
        System.out.println("tenantdao demo on " + server.description());
        DataSource dataSource = server.freshSchema("tenantdao_demo");
        for (String tenant : List.of("acme", "globex")) {
            server.dropSchema(LEDGER_SCHEMA_PREFIX + tenant);
        }
        Schema.create(dataSource, Currency.class, Customer.class, Invoice.class, InvoiceLine.class, Product.class,
                Payment.class);
        Schema.create(dataSource, MARKETPLACE.toArray(Class<?>[]::new));
        new Demo(dataSource, System.out).run();
    }

    void run() {
        if (currencies.count() == 0) {
            currencies.insertAll(List.of(new Currency("EUR", "Euro", (short) 2),
                    new Currency("USD", "US Dollar", (short) 2)));
        }
        out.println("shared currencies: " + currencies.count());

        for (String tenant : List.of("acme", "globex")) {
            database.createTenant(tenant, Account.class, LedgerEntry.class);     // schema per tenant
            TenantContext.runAs(tenant, () -> accounts.insert(new Account("1200", "Receivables")));
        }
        TenantContext.runAs("acme", () -> bill("Wile E. Coyote", "ACME-2026-001", "EUR",
                List.of(new Item("Rocket skates", 2, "149.50"), new Item("Giant magnet", 1, "89.00"))));
        TenantContext.runAs("globex", () -> {
            bill("Homer Simpson", "GX-0001", "USD", List.of(new Item("Safety audit", 3, "400.00")));
            bill("Frank Grimes", "GX-0002", "USD", List.of(new Item("Reactor manual", 1, "35.00")));
        });

        for (String tenant : List.of("acme", "globex")) {
            TenantContext.runAs(tenant, () -> report(tenant));
        }

        // a repository: queries declared in an interface, generated and confined to the tenant like the DAOs
        LocalDate asOf = LocalDate.of(2027, 1, 1);
        for (String tenant : List.of("acme", "globex")) {
            TenantContext.runAs(tenant, () -> {
                Page<Invoice> overdue = invoiceQueries.overdue(InvoiceStatus.SENT, asOf, PageRequest.ofSize(10));
                out.printf("[%s] %d overdue on %s: %s%n", tenant, overdue.totalElements(), asOf,
                        overdue.content().stream().map(Invoice::number).toList());
                for (Invoices.NumberAndTotal open : invoiceQueries.totals(InvoiceStatus.SENT)) {
                    out.printf("[%s]   open %s %s%n", tenant, open.number(), open.total());
                }
            });
        }
        long paid = TenantContext.callAs("acme", () -> AuditContext.callAs("collections", () ->
                invoiceQueries.markPaid(InvoiceStatus.SENT, asOf)));
        out.printf("[acme] marked %d overdue invoice(s) paid in one audited statement; globex still has %d sent%n", paid,
                TenantContext.callAs("globex", () -> invoiceQueries.countByStatus(InvoiceStatus.SENT)));

        Long acmeInvoice = TenantContext.callAs("acme", () -> invoices.findAll(1, 0).get(0).id());
        for (HistoryEntry<Invoice> entry : TenantContext.callAs("acme", () -> invoices.history(acmeInvoice))) {
            out.printf("[acme]   history of invoice %d: v%d %s %s by %s%n", acmeInvoice, entry.version(),
                    entry.operation(), entry.entity().status(), entry.actor());
        }
        TenantContext.runAs("acme", () -> {
            payments.insert(new CardPayment(Money.of("149.50"), "Wile E. Coyote", "4242", "VISA"));
            payments.insert(new BankTransfer(Money.of("238.50"), "Wile E. Coyote", "US12ACME0001", "ACME-2026-001"));
            payments.insert(new Voucher(Money.of("10.00"), "Road Runner", "BEEP-BEEP", LocalDate.of(2027, 1, 1)));
            for (Payment payment : payments.findAll(10, 0)) {       // one query, each row as its own subtype
                out.printf("[acme]   payment %s %s from %s%n", payment.getClass().getSimpleName(),
                        payment.amount().amount(), payment.payer());
            }
        });
        boolean globexCanSeeIt = TenantContext.callAs("globex", () -> invoices.existsById(acmeInvoice));
        boolean globexCouldDelete = TenantContext.callAs("globex", () -> invoices.deleteById(acmeInvoice));
        out.printf("globex looks up acme's invoice %d: exists=%s, deleted=%s%n", acmeInvoice, globexCanSeeIt,
                globexCouldDelete);
        try {
            invoices.count();
        } catch (NoTenantException e) {
            out.println("without a tenant: " + e.getClass().getSimpleName() + " (no SQL was sent)");
        }
        marketplace();
    }

    /**
     * Vendors inside tenants: acme and globex each run a marketplace; products and orders belong to
     * one vendor ({@code @VendorScoped}), vendors and categories are the operator's (tenant-wide).
     */
    private void marketplace() {
        out.printf("%nmarketplace: acme's vendors north-books and south-games, globex's vendor gx-tools%n");
        TenantContext.runAs("acme", () -> {        // the operator's own rows: tenant-wide entities need no vendor
            vendors.insertAll(List.of(new Vendor("north-books", "North Books", true),
                    new Vendor("south-games", "South Games", true)));
            categories.insert(new Category("books", "Books"));
            categories.insert(new Category("games", "Games"));
        });
        TenantContext.runAs("globex", () -> vendors.insert(new Vendor("gx-tools", "Globex Tools", true)));

        long atlas = TenantContext.callAsVendor("acme", "north-books", () -> {
            dev.tenantdao.samples.marketplace.Product book = products.insert(dev.tenantdao.samples.marketplace.Product.of(
                    " bk-001 ", "Road Runner Field Guide", "books", Money.of("24.90"), 10));
            products.insert(dev.tenantdao.samples.marketplace.Product.of("bk-002", "Desert Atlas", "books",
                    Money.of("35.00"), 0));
            orders.insert(SalesOrder.of(book, 2, "wile@example.com", LocalDate.of(2026, 11, 26)));
            return book.id();
        });
        TenantContext.runAsVendor("acme", "south-games", () -> {
            dev.tenantdao.samples.marketplace.Product game = products.insert(dev.tenantdao.samples.marketplace.Product.of(
                    "bk-001", "Canyon Chase board game", "games", Money.of("20.00"), 5));   // its own BK-001
            orders.insert(SalesOrder.of(game, 1, "roadrunner@example.com", LocalDate.of(2026, 11, 27)));
        });
        TenantContext.runAsVendor("globex", "gx-tools", () -> {
            dev.tenantdao.samples.marketplace.Product drill = products.insert(dev.tenantdao.samples.marketplace.Product.of(
                    "gx-1", "Plutonium drill", null, Money.of("999.00"), 1));
            orders.insert(SalesOrder.of(drill, 1, "homer@example.com", LocalDate.of(2026, 11, 27)));
        });

        for (String vendor : List.of("north-books", "south-games")) {
            TenantContext.runAsVendor("acme", vendor, () -> out.printf("[acme/%s] sees %d products: %s%n", vendor,
                    products.count(), products.findAll(100, 0).stream().map(p -> p.sku() + " " + p.name()).toList()));
        }
        long delisted = TenantContext.callAsVendor("acme", "north-books", catalog::delistSoldOut);
        out.printf("[acme/north-books] delisted %d sold-out product(s) in one statement (repository @Query)%n", delisted);

        TenantContext.runAsVendor("acme", "south-games", () -> {
            boolean found = products.findById(atlas).isPresent();
            String update;
            try {       // a forged copy that names no vendor: the statement's vendor predicate finds no row
                products.update(new dev.tenantdao.samples.marketplace.Product(atlas, null, "BK-001", "cheap", "books",
                        Money.of("0.01"), 10, true));
                update = "updated";
            } catch (RowNotFoundException e) {
                update = e.getClass().getSimpleName();
            }
            boolean deleted = products.deleteById(atlas);
            out.printf("[acme/south-games] north-books' product %d by id: found=%s, update=%s, deleted=%s%n", atlas,
                    found, update, deleted);
        });

        for (String operator : List.of("acme", "globex")) {
            for (MarketplaceDashboard.VendorRevenue revenue : dashboard.revenuePerVendor(operator)) {
                out.printf("[%s operator, tenant-wide] %s (%s): %d order(s), revenue %s%n", operator,
                        revenue.vendorId(), revenue.vendorName(), revenue.orders(), revenue.revenue());
            }
        }
        out.printf("[acme operator, tenant-wide] products of every vendor: %s%n", dashboard.catalog("acme").stream()
                .map(p -> p.vendor() + ":" + p.sku() + (p.listed() ? "" : " (delisted)")).toList());

        try {
            TenantContext.runAs("acme", products::count);
        } catch (NoVendorException e) {
            out.println("[acme] products without a vendor: " + e.getClass().getSimpleName() + " (no SQL was sent)");
        }
        try {
            TenantContext.runTenantWide("acme", () -> products.insert(dev.tenantdao.samples.marketplace.Product.of(
                    "op-1", "Operator's own", null, Money.of("1.00"), 1)));
        } catch (NoVendorException e) {
            out.println("[acme operator, tenant-wide] insert a product: " + e.getClass().getSimpleName()
                    + " (a new row needs its vendor; no SQL was sent)");
        }
    }

    private void bill(String customerName, String number, String currency, List<Item> items) {
        AuditContext.runAs("billing-job", () -> database.useTransaction(tx -> {
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
            ledger.insert(new LedgerEntry(null, "1200", total, currency, Instant.parse("2026-11-25T09:00:00Z"),
                    "invoice " + number));
        }));
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
        for (LedgerEntry entry : ledger.findAll(100, 0)) {
            out.printf("[%s]   ledger (schema %s%s) %s %s %s: %s%n", tenant, LEDGER_SCHEMA_PREFIX, tenant,
                    entry.account(), entry.amount(), entry.currency(), entry.memo());
        }
    }

    private record Item(String description, int quantity, String unitPrice) {
        BigDecimal amount() {
            return new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity));
        }
    }
}
