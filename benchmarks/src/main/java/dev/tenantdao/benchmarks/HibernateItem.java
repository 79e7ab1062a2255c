package dev.tenantdao.benchmarks;

import jakarta.persistence.Table;
import java.math.BigDecimal;

/** {@link Item}'s table as Hibernate maps it. */
@jakarta.persistence.Entity
@Table(name = "item")
public class HibernateItem extends HibernateItemColumns {

    protected HibernateItem() {}

    HibernateItem(String name, BigDecimal price, int quantity) {
        this.name = name;
        this.price = price;
        this.quantity = quantity;
    }
}
