package dev.tenantdao.benchmarks;

import jakarta.persistence.Table;
import org.hibernate.envers.Audited;

/** {@link AuditedItem}'s table as Hibernate maps it, audited by Envers (its own revision tables). */
@jakarta.persistence.Entity
@Table(name = "audited_item")
@Audited
public class HibernateAuditedItem extends HibernateItemColumns {

    protected HibernateAuditedItem() {}
}
