package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.NotAudited;
import dev.tenantdao.annotations.Tenanted;
import java.math.BigDecimal;

/**
 * An audited entity with embedded values: a record over two columns (required), the same record
 * again under another prefix, and a class filled through setters whose component goes through a
 * converter, left out of history.
 */
@Entity
@Tenanted
@Audited
public record Quote(
        @Id(generated = true) Long id,
        String customer,
        @Embedded @Column(nullable = false) Amount total,
        @Embedded(prefix = "was_") Amount previous,
        @Embedded @NotAudited Discount discount) {

    /** An amount in a currency. */
    public record Amount(BigDecimal value, @Column(name = "cur", type = "char(3)") String currency) {}

    /** A class filled through setters, one component stored through a converter. */
    public static class Discount {
        private int percent;
        @Convert(CentsConverter.class)
        private Cents cap;

        public int getPercent() {
            return percent;
        }

        public void setPercent(int percent) {
            this.percent = percent;
        }

        public Cents getCap() {
            return cap;
        }

        public void setCap(Cents cap) {
            this.cap = cap;
        }
    }
}
