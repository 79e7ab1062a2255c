package com.example.billing;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** A repository of every query form, over a row-tenanted entity under row-level security. */
@Repository
public interface Invoices extends BasicRepository<Invoice, Long> {

    @Find
    @OrderBy(value = "issuedOn", descending = true)
    List<Invoice> ofCustomer(long customerId, Invoice.Status status);

    List<Invoice> findByStatusInAndNumberStartsWithIgnoreCaseOrderByNumber(Set<Invoice.Status> statuses, String prefix);

    Optional<Invoice> findByNumber(String number);

    long countByStatusNot(Invoice.Status status);

    boolean existsByCountryNull();

    @Query("WHERE total BETWEEN :low AND :high OR issuedOn < :before ORDER BY total DESC")
    Page<Invoice> page(BigDecimal low, BigDecimal high, LocalDate before, PageRequest pageRequest);

    @Query("SELECT number, total FROM Invoice WHERE customerId = ?1")
    Stream<Summary> summaries(long customerId);

    @Query("UPDATE Invoice SET total = total * :factor WHERE status = Invoice.Status.DRAFT")
    int reprice(BigDecimal factor);

    long deleteByIssuedOnLessThan(LocalDate before);

    @Find
    Invoice[] recent(Limit limit, Order<Invoice> order);

    record Summary(String number, BigDecimal total) {}
}
