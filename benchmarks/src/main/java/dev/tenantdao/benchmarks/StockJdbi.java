package dev.tenantdao.benchmarks;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The upsert and the polymorphic page through Jdbi SqlObject. */
@RegisterConstructorMapper(Stock.class)
@RegisterRowMapper(StockJdbi.PaymentMapper.class)
public interface StockJdbi {

    @SqlUpdate("INSERT INTO stock (tenant_id, sku, quantity) VALUES (:tenant, :sku, :quantity)"
            + " ON CONFLICT (tenant_id, sku) DO UPDATE SET quantity = EXCLUDED.quantity")
    @GetGeneratedKeys({"id", "sku", "quantity"})
    Stock upsert(@Bind("tenant") String tenant, @Bind("sku") String sku, @Bind("quantity") int quantity);

    @SqlQuery("SELECT payment.id, payment.amount, payment.type, card_payment.last4, transfer_payment.iban,"
            + " voucher_payment.code FROM payment"
            + " LEFT JOIN card_payment ON card_payment.tenant_id = payment.tenant_id AND card_payment.id = payment.id"
            + " LEFT JOIN transfer_payment ON transfer_payment.tenant_id = payment.tenant_id AND transfer_payment.id = payment.id"
            + " LEFT JOIN voucher_payment ON voucher_payment.tenant_id = payment.tenant_id AND voucher_payment.id = payment.id"
            + " WHERE payment.tenant_id = :tenant AND payment.id > :after ORDER BY payment.id LIMIT :limit")
    List<Payment> paymentPage(@Bind("tenant") String tenant, @Bind("after") long after, @Bind("limit") int limit);

    /** The subtype from the discriminator, as Jdbi users write it: a row mapper of their own. */
    final class PaymentMapper implements RowMapper<Payment> {
        @Override
        public Payment map(ResultSet rows, StatementContext context) throws SQLException {
            long id = rows.getLong(1);
            BigDecimal amount = rows.getBigDecimal(2);
            return switch (rows.getString(3)) {
                case "card" -> new Payment.Card(id, amount, rows.getString(4));
                case "transfer" -> new Payment.Transfer(id, amount, rows.getString(5));
                case "voucher" -> new Payment.Voucher(id, amount, rows.getString(6));
                default -> throw new SQLException("unknown payment type " + rows.getString(3));
            };
        }
    }
}
