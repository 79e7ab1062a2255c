package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.AcrossTenants;
import dev.tenantdao.runtime.TenantRow;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.stream.Stream;

/** A repository of {@link Balance}, for {@code Stream} results and reads across tenants in an operator block. */
@Repository
public interface Balances {

    @Find
    @OrderBy("id")
    Stream<Balance> streamAll();

    /** Every tenant's balances above {@code cents}, in tenant order, then id. */
    @AcrossTenants
    List<TenantRow<Balance>> findByCentsGreaterThan(long cents);

    /** Every tenant's balances of a customer, largest first within each tenant. */
    @AcrossTenants
    @Query("WHERE customer = :customer ORDER BY cents DESC")
    List<TenantRow<Balance>> ofCustomer(String customer);
}
