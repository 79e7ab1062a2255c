package dev.tenantdao.samples.trial.repairs;

import jakarta.data.Sort;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** Queries over the parts hierarchy, naming the root's embedded price. */
@Repository
public interface Parts {

    @Query("WHERE price.amount < :max ORDER BY price.amount")
    List<Part> cheaperThan(BigDecimal max);

    List<Part> findByPrice_CurrencyOrderById(String currency);

    List<Part> findByIdGreaterThan(long id, Sort<Part> sort);
}
