package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.TenantId;
import dev.tenantdao.annotations.Tenanted;

/**
 * An account with an id its tenant assigns (the same code may be in several tenants): row strategy with
 * row-level security, for reads by id across tenants. (Its own table name: the samples' main sources have
 * an {@code account} table.)
 */
@Entity(table = "operator_account")
@Tenanted
public record Account(@Id String code, @TenantId String tenant, String holder) {

    public static Account of(String code, String holder) {
        return new Account(code, null, holder);
    }
}
