package dev.tenantdao.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.TenantId;

/** {@link Item}'s table as Hibernate maps it, with {@code @TenantId} row tenancy. */
@jakarta.persistence.Entity
@Table(name = "item")
public class HibernateItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantId
    @Column(name = "tenant_id")
    String tenantId;

    String name;

    BigDecimal price;

    int quantity;

    protected HibernateItem() {}

    HibernateItem(String name, BigDecimal price, int quantity) {
        this.name = name;
        this.price = price;
        this.quantity = quantity;
    }
}
