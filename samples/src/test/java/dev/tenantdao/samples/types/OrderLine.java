package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;
import java.time.Instant;

/** Columns the database fills in: a default, a generated expression, and an identity. */
@Entity
@Tenanted
public record OrderLine(
        @Id(generated = true) Long id,
        int quantity,
        @Column(nullable = false) BigDecimal unitPrice,
        @Column(generatedAs = "quantity * unit_price") BigDecimal amount,
        @Column(defaultSql = "now()", nullable = false, updatable = false) Instant createdAt,
        @Column(defaultSql = "'open'", nullable = false) String state) {

    static OrderLine of(int quantity, String unitPrice) {
        return new OrderLine(null, quantity, new BigDecimal(unitPrice), null, null, null);
    }
}
