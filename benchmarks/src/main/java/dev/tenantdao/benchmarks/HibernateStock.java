package dev.tenantdao.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.TenantId;

/** {@link Stock}'s table as Hibernate maps it; the SKU is the natural id. */
@jakarta.persistence.Entity
@Table(name = "stock")
public class HibernateStock {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantId
    @Column(name = "tenant_id")
    String tenantId;

    @NaturalId
    String sku;

    int quantity;

    protected HibernateStock() {}

    HibernateStock(String sku, int quantity) {
        this.sku = sku;
        this.quantity = quantity;
    }
}
