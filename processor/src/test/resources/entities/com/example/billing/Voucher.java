package com.example.billing;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * Schema per tenant with a PostgreSQL enum type: created in the tenant's schema by the DDL, named there
 * by every cast (insertAll's unnest, the default's COALESCE).
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record Voucher(
        @Id String code,
        @Column(type = "voucher_state", defaultSql = "'ISSUED'") State state,
        long cents) {

    /** Where a voucher is in its life. */
    public enum State { ISSUED, REDEEMED, VOID }
}
