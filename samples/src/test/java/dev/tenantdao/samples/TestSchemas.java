package dev.tenantdao.samples;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.samples.invoicing.Customer;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceLine;
import dev.tenantdao.samples.invoicing.Product;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.samples.reference.CurrencyDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.util.List;
import javax.sql.DataSource;

/**
 * A fresh schema per test class with the invoicing tables, created from the generated DDL, and the
 * currencies EUR and USD.
 */
public final class TestSchemas {

    private TestSchemas() {}

    public static RecordingDataSource invoicing(String schema, Class<?>... moreEntities) {
        DataSource dataSource = Postgres.shared().freshSchema(schema);
        Schema.create(dataSource, Currency.class, Customer.class, Invoice.class, InvoiceLine.class, Product.class);
        new CurrencyDao(new Database(dataSource)).insertAll(List.of(
                new Currency("EUR", "Euro", (short) 2), new Currency("USD", "US Dollar", (short) 2)));
        if (moreEntities.length > 0) {
            Schema.create(dataSource, moreEntities);
        }
        return new RecordingDataSource(dataSource);
    }
}
