package dev.tenantdao.samples.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.TestSchemas;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shared (not tenanted) entity works with or without a tenant, and every tenant sees the same rows. */
class SharedEntityTest {

    private static CurrencyDao currencies;

    @BeforeAll
    static void schema() {
        currencies = new CurrencyDao(new Database(TestSchemas.invoicing("shared_entity")));
    }

    @Test
    void sqlHasNoTenantPredicate() {
        assertEquals("SELECT code, name, minor_units FROM currency WHERE code = ?", CurrencyDao.FIND_BY_ID);
        assertEquals("SELECT count(*) FROM currency", CurrencyDao.COUNT);
        assertEquals("INSERT INTO currency (code, name, minor_units) VALUES (?, ?, ?)", CurrencyDao.INSERT);
    }

    @Test
    void everyTenantAndNoTenantSeeTheSameRows() {
        Currency chf = currencies.insert(new Currency("CHF", "Swiss franc", (short) 2));
        assertEquals(Optional.of(chf), currencies.findById("CHF"));
        assertEquals(Optional.of(chf), TenantContext.callAs("acme", () -> currencies.findById("CHF")));
        assertEquals(Optional.of(chf), TenantContext.callAs("globex", () -> currencies.findById("CHF")));
        currencies.update(new Currency("CHF", "Franc suisse", (short) 2));
        assertEquals("Franc suisse", currencies.findById("CHF").orElseThrow().name());
        assertTrue(currencies.existsById("CHF"));
        assertTrue(currencies.deleteById("CHF"));
        assertFalse(currencies.existsById("CHF"));
        assertThrows(RowNotFoundException.class, () -> currencies.delete(chf));
    }

    @Test
    void pagingAndBatches() {
        currencies.insertAll(List.of(new Currency("JPY", "Yen", (short) 0), new Currency("KWD", "Dinar", (short) 3)));
        assertEquals(List.of("JPY", "KWD"), currencies.findAllAfter("J", 2).stream().map(Currency::code).toList());
        assertEquals(List.of("KWD", "USD"), currencies.findAllAfter("JPY", 10).stream().map(Currency::code).toList());
        assertEquals(2, currencies.findAll(10, 0).stream().filter(c -> c.code().matches("JPY|KWD")).count());
    }
}
