package dev.tenantdao.samples.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceDao;
import dev.tenantdao.samples.invoicing.InvoiceSending;
import dev.tenantdao.samples.invoicing.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A unit test of {@link InvoiceSending} with no database: a hand-written fake of the generated {@code
 * InvoiceDao} (a subclass through its protected constructor, overriding the two methods the service
 * calls). It tests the service's own logic only: the fake makes no tenant check at all (the last test
 * shows it), so tenant isolation is tested against the real DAO on PostgreSQL ({@code InvoiceSendingTest}).
 */
class InvoiceSendingWithAFakeTest {

    /** Invoices in a map, whatever the tenant. */
    static final class FakeInvoiceDao extends InvoiceDao {
        final Map<Long, Invoice> rows = new HashMap<>();

        @Override
        public Optional<Invoice> findById(Long id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Invoice update(Invoice invoice) {
            rows.put(invoice.id(), invoice);
            return invoice;
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final FakeInvoiceDao dao = new FakeInvoiceDao();
    private final InvoiceSending sending = new InvoiceSending(dao);

    private Invoice stored(long id, InvoiceStatus status) {
        Invoice invoice = new Invoice(id, 1, "INV-" + id, status, "EUR", new BigDecimal("12.50"), null, null);
        dao.rows.put(id, invoice);
        return invoice;
    }

    @Test
    void sendingADraftMarksItSentAndDueIn30Days() {
        stored(7, InvoiceStatus.DRAFT);
        Invoice sent = sending.send(7, TODAY);
        assertEquals(InvoiceStatus.SENT, sent.status());
        assertEquals(TODAY, sent.issuedOn());
        assertEquals(LocalDate.of(2026, 12, 25), sent.dueOn());
        assertEquals(sent, dao.rows.get(7L));
    }

    @Test
    void anythingButADraftIsRefusedAndLeftAlone() {
        Invoice paid = stored(8, InvoiceStatus.PAID);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sending.send(8, TODAY));
        assertEquals("invoice INV-8 is PAID, not a draft", refused.getMessage());
        assertEquals(paid, dao.rows.get(8L));
        assertThrows(NoSuchElementException.class, () -> sending.send(9, TODAY));
    }

    @Test
    void theFakeMakesNoTenantCheck() {
        // the real DAO throws NoTenantException here, before any SQL; the fake answers: it is not tenant-safe
        stored(10, InvoiceStatus.DRAFT);
        assertTrue(TenantContext.current().isEmpty());
        assertEquals(InvoiceStatus.SENT, sending.send(10, TODAY).status());
    }

    @Test
    void aMethodTheFakeDoesNotOverrideSendsNothingAndFails() {
        // the protected constructor leaves the DAO without a database
        assertThrows(NullPointerException.class, dao::count);
    }
}
