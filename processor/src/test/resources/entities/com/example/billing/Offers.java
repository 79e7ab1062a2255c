package com.example.billing;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** A repository of a vendor-scoped entity: its queries go through the same vendor predicate. */
@Repository
public interface Offers extends BasicRepository<Offer, Long> {

    List<Offer> findByPriceGreaterThan(BigDecimal price);

    @Query("UPDATE Offer SET price = price * :factor")
    int reprice(BigDecimal factor);
}
