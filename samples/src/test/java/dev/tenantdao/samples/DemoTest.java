package dev.tenantdao.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's story, on the test database: two tenants, each seeing only its own rows, and vendors inside them. */
class DemoTest {

    /** The demo's output, run once for both tests: the invoicing part, then the marketplace part. */
    private static String out;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String tenant : java.util.List.of("acme", "globex")) {
            dev.tenantdao.testkit.Postgres.shared().dropSchema(Demo.LEDGER_SCHEMA_PREFIX + tenant);
        }
        java.util.List<Class<?>> more = new java.util.ArrayList<>(java.util.List.of(dev.tenantdao.samples.payments.Payment.class));
        more.addAll(Demo.MARKETPLACE);
        new Demo(TestSchemas.invoicing("demo", more.toArray(Class<?>[]::new)), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        out = bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachTenantSeesOnlyItsOwnRows() {
        assertTrue(out.contains("[acme] 1 customers, 1 invoices, 2 invoice lines"), out);
        assertTrue(out.contains("[globex] 2 customers, 2 invoices, 2 invoice lines"), out);
        assertTrue(out.contains("[acme]   invoice ACME-2026-001 SENT 388.00 EUR"), out);
        assertTrue(out.contains("[globex]   invoice GX-0001 SENT 1200.00 USD"), out);
        assertTrue(out.matches("(?s).*globex looks up acme's invoice \\d+: exists=false, deleted=false.*"), out);
        assertTrue(out.contains("[acme]   payment CardPayment 149.50 from Wile E. Coyote\n"
                + "[acme]   payment BankTransfer 238.50 from Wile E. Coyote\n"
                + "[acme]   payment Voucher 10.00 from Road Runner"), out);
        assertTrue(out.contains("without a tenant: NoTenantException (no SQL was sent)"), out);
        assertTrue(out.contains("[acme] 1 overdue on 2027-01-01: [ACME-2026-001]\n[acme]   open ACME-2026-001 388.00"), out);
        assertTrue(out.contains("[globex] 2 overdue on 2027-01-01: [GX-0001, GX-0002]"), out);
        assertTrue(out.contains("[acme] marked 1 overdue invoice(s) paid in one audited statement; globex still has 2 sent"),
                out);
        assertTrue(out.matches("(?s).*history of invoice \\d+: v3 UPDATE PAID by collections.*"
                + "history of invoice \\d+: v2 UPDATE SENT by billing-job.*"), out);
        assertTrue(out.matches("(?s).*history of invoice \\d+: v2 UPDATE SENT by billing-job.*"
                + "history of invoice \\d+: v1 INSERT DRAFT by billing-job.*"), out);
        assertTrue(out.contains("[acme]   ledger (schema tenantdao_demo_acme) 1200 388.00 EUR: invoice ACME-2026-001"), out);
        assertTrue(out.contains("[globex]   ledger (schema tenantdao_demo_globex) 1200 35.00 USD: invoice GX-0002"), out);
        assertTrue(!out.contains("[acme]   ledger (schema tenantdao_demo_acme) 1200 35.00"), out);
        assertTrue(!out.contains("[acme]   customer #2") && !out.contains("(tenant globex)\n[acme]"), out);
    }

    /** The marketplace part: vendors inside tenants, each vendor seeing only its own rows. */
    @Test
    void eachVendorSeesOnlyItsOwnRowsAndTheOperatorEveryVendorOfItsTenant() {
        assertTrue(out.contains("[acme/north-books] sees 2 products: [BK-001 Road Runner Field Guide, BK-002 Desert Atlas]\n"
                + "[acme/south-games] sees 1 products: [BK-001 Canyon Chase board game]\n"), out);
        assertTrue(out.contains("[acme/north-books] delisted 1 sold-out product(s) in one statement"), out);
        assertTrue(out.matches("(?s).*\\[acme/south-games] north-books' product \\d+ by id: found=false,"
                + " update=RowNotFoundException, deleted=false\n.*"), out);
        assertTrue(out.contains("[acme operator, tenant-wide] north-books (North Books): 1 order(s), revenue 49.80\n"
                + "[acme operator, tenant-wide] south-games (South Games): 1 order(s), revenue 20.00\n"
                + "[globex operator, tenant-wide] gx-tools (Globex Tools): 1 order(s), revenue 999.00\n"), out);
        assertTrue(out.contains("[acme operator, tenant-wide] products of every vendor:"
                + " [north-books:BK-001, north-books:BK-002 (delisted), south-games:BK-001]"), out);
        assertTrue(!out.contains("[acme operator, tenant-wide] gx-tools") && !out.contains("[globex operator, tenant-wide] north-books"),
                out);
        assertTrue(out.contains("[acme] products without a vendor: NoVendorException (no SQL was sent)"), out);
        assertTrue(out.contains("[acme operator, tenant-wide] insert a product: NoVendorException"), out);
    }
}
