package dev.tenantdao.benchmarks;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.TenantId;

/** {@link Payment}'s tables as Hibernate maps them: joined inheritance, {@code @TenantId} on the root. */
@jakarta.persistence.Entity
@Table(name = "payment")
@Inheritance(strategy = InheritanceType.JOINED)
@DiscriminatorColumn(name = "type")
public abstract class HibernatePayment {

    @Id
    Long id;

    @TenantId
    @Column(name = "tenant_id")
    String tenantId;

    BigDecimal amount;

    /** A card payment. */
    @jakarta.persistence.Entity
    @Table(name = "card_payment")
    @DiscriminatorValue("card")
    @PrimaryKeyJoinColumn(name = "id")
    public static class Card extends HibernatePayment {
        String last4;
    }

    /** A bank transfer. */
    @jakarta.persistence.Entity
    @Table(name = "transfer_payment")
    @DiscriminatorValue("transfer")
    @PrimaryKeyJoinColumn(name = "id")
    public static class Transfer extends HibernatePayment {
        String iban;
    }

    /** A voucher. */
    @jakarta.persistence.Entity
    @Table(name = "voucher_payment")
    @DiscriminatorValue("voucher")
    @PrimaryKeyJoinColumn(name = "id")
    public static class Voucher extends HibernatePayment {
        String code;
    }
}
