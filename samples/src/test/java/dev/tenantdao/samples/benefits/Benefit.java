package dev.tenantdao.samples.benefits;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;

/**
 * A benefit granted to an employee: a joined hierarchy with an intermediate level. Table
 * {@code benefit} holds what all benefits have and the {@code kind}; {@link Leave} groups
 * {@link SickLeave} and {@link ParentalLeave} (no table of its own), each with its own table;
 * {@link Allowance} is a direct subtype. In test sources, so the samples' committed migrations do
 * not grow.
 */
@Entity(table = "benefit")
@Tenanted
@Audited
@Polymorphic(strategy = Polymorphic.Strategy.JOINED, discriminator = "kind")
public abstract sealed class Benefit permits Leave, Allowance {

    @Id(generated = true)
    private Long id;
    private String holder;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getHolder() {
        return holder;
    }

    public void setHolder(String holder) {
        this.holder = holder;
    }
}
