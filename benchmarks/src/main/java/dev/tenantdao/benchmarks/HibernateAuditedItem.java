package dev.tenantdao.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.TenantId;
import org.hibernate.envers.Audited;

/** {@link AuditedItem}'s table as Hibernate maps it, audited by Envers (its own revision tables). */
@jakarta.persistence.Entity
@Table(name = "audited_item")
@Audited
public class HibernateAuditedItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @TenantId
    @Column(name = "tenant_id")
    String tenantId;

    String name;

    BigDecimal price;

    int quantity;

    protected HibernateAuditedItem() {}
}
