package dev.tenantdao.samples;

import dev.tenantdao.runtime.Schema;
import dev.tenantdao.samples.invoicing.Customer;
import dev.tenantdao.samples.invoicing.Invoice;
import dev.tenantdao.samples.invoicing.InvoiceLine;
import dev.tenantdao.samples.reference.Currency;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import javax.sql.DataSource;

/** A fresh schema per test class with the invoicing tables, created from the generated DDL. */
public final class TestSchemas {

    private TestSchemas() {}

    public static RecordingDataSource invoicing(String schema, Class<?>... moreEntities) {
        DataSource dataSource = Postgres.shared().freshSchema(schema);
        Schema.create(dataSource, Currency.class, Customer.class, Invoice.class, InvoiceLine.class);
        if (moreEntities.length > 0) {
            Schema.create(dataSource, moreEntities);
        }
        return new RecordingDataSource(dataSource);
    }
}
