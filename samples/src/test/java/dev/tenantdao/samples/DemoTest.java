package dev.tenantdao.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's story, on the test database: two tenants, each seeing only its own rows. */
class DemoTest {

    @Test
    void eachTenantSeesOnlyItsOwnRows() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String tenant : java.util.List.of("acme", "globex")) {
            dev.tenantdao.testkit.Postgres.shared().dropSchema(Demo.LEDGER_SCHEMA_PREFIX + tenant);
        }
        new Demo(TestSchemas.invoicing("demo", dev.tenantdao.samples.payments.Payment.class), new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);
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
}
