package dev.tenantdao.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A class entity built through setters, with embedded values: inserts and updates fill the instance
 * passed (its values set through its setters), on PostgreSQL under row-level security.
 */
class EmbeddedMutableTest {

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    @Test
    void writesFillTheInstanceWithItsValues() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("embedded_quotations"), Quotation.class);
        QuotationDao quotations = new QuotationDao(new Database(server.applicationRole("tenantdao_app",
                "embedded_quotations")));
        Quotation quotation = new Quotation();
        quotation.setCustomer("ACME");
        quotation.setTotal(new Money(new BigDecimal("10.5"), "EUR"));
        quotation.setSheet(Size.of(210, 297, Unit.MILLIMETRE));
        Quotation stored = acme(() -> quotations.insert(quotation));
        assertSame(quotation, stored, "the instance passed, filled");
        assertEquals(Optional.of(quotation), acme(() -> quotations.findById(quotation.getId())));

        int inserted = quotation.getVersion();
        quotation.setTotal(null);
        quotation.setSheet(Size.of(1, 1, Unit.INCH));
        assertSame(quotation, acme(() -> quotations.update(quotation)));
        assertEquals(inserted + 1, quotation.getVersion(), "the version the update stored, set on the instance");
        Quotation found = acme(() -> quotations.findById(quotation.getId())).orElseThrow();
        assertNull(found.getTotal());
        assertEquals(Size.of(1, 1, Unit.INCH), found.getSheet());
        assertEquals(quotation, found);
    }
}
