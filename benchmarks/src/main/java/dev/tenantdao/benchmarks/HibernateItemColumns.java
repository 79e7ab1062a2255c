package dev.tenantdao.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import org.hibernate.annotations.TenantId;
import org.hibernate.envers.Audited;

/**
 * The columns of {@code item} and {@code audited_item} as Hibernate maps them, with {@code @TenantId}
 * row tenancy. {@code @Audited} here makes Envers copy these columns for the audited subclass only
 * (without it Envers would audit none of an entity's inherited columns).
 */
@MappedSuperclass
@Audited
public abstract class HibernateItemColumns {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantId
    @Column(name = "tenant_id")
    String tenantId;

    String name;

    BigDecimal price;

    int quantity;
}
