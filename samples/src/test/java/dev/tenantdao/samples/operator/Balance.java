package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;

/** A customer's balance: row strategy with row-level security, its tenant exposed, for operator access. */
@Entity
@Tenanted
public record Balance(@Id(generated = true) Long id, @TenantId String tenant, @Column(nullable = false) String customer,
        long cents) {

    public static Balance of(String customer, long cents) {
        return new Balance(null, null, customer, cents);
    }
}
