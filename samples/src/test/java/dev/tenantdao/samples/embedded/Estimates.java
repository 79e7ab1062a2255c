package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Sql;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** Queries naming an embedded value's columns, in a tenant's schema, over live rows only. */
@Repository
public interface Estimates {

    @Query("WHERE total.amount >= :min ORDER BY total.amount, id")
    List<Estimate> atLeast(BigDecimal min);

    /** Native SQL selecting the entity's columns, the embedded ones by their names: mapped as the DAO maps rows. */
    @Sql("""
            SELECT id, title, total_amount, total_currency FROM estimate
            WHERE total_currency = :currency AND deleted_at IS NULL ORDER BY id""")
    List<Estimate> inCurrency(String currency);
}
