package dev.tenantdao.samples.operator;

import dev.tenantdao.annotations.AcrossTenants;
import dev.tenantdao.runtime.TenantRow;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Map;
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

    /** Each tenant's number of balances of a customer, for the tenants that have any, in tenant order. */
    @AcrossTenants
    Map<String, Long> countByCustomer(String customer);

    /** Each tenant's number of balances of at least {@code least} cents. */
    @AcrossTenants
    @Query("SELECT count(this) WHERE cents >= :least")
    Map<String, Long> countAtLeast(long least);

    /** A part of every tenant's balances below {@code cents}: by tenant, then largest first. */
    @AcrossTenants
    @OrderBy(value = "cents", descending = true)
    List<TenantRow<Balance>> findByCentsLessThan(long cents, Limit limit);

    /** A page of every tenant's balances of at least {@code cents}, by tenant, then id; its total across tenants. */
    @AcrossTenants
    Page<TenantRow<Balance>> findByCentsGreaterThanEqual(long cents, PageRequest pageRequest);

    /** Every tenant's balances of other customers, by tenant, then as {@code order} says, then id. */
    @AcrossTenants
    List<TenantRow<Balance>> findByCustomerNot(String customer, Order<Balance> order);

    /** Every tenant's balances, a cursored page at a time: by tenant, then largest first, then id. */
    @AcrossTenants
    @Find
    @OrderBy(value = "cents", descending = true)
    CursoredPage<TenantRow<Balance>> everyBalance(PageRequest pageRequest);

    /** A customer's balance, without its id: a projection. */
    record Owed(String customer, long cents) {}

    /** Every tenant's balances below {@code most} cents, as {@link Owed} records, by tenant, then customer. */
    @AcrossTenants
    @Query("SELECT customer, cents WHERE cents < :most ORDER BY customer")
    List<TenantRow<Owed>> owedBelow(long most);
}
