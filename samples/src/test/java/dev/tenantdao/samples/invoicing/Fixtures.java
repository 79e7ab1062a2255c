package dev.tenantdao.samples.invoicing;

import dev.tenantdao.runtime.Database;
import java.math.BigDecimal;

/** Rows other rows must reference (the foreign keys hold), created for the current tenant. */
final class Fixtures {

    private Fixtures() {}

    static long customer(Database database) {
        return new CustomerDao(database).insert(new Customer("Fixture customer", null)).getId();
    }

    static long invoice(Database database) {
        return new InvoiceDao(database).insert(
                Invoice.draft(customer(database), "FIXTURE", "EUR", BigDecimal.ONE, null)).id();
    }
}
