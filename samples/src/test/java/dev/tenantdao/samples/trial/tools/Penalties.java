package dev.tenantdao.samples.trial.tools;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** Penalties only: a repository of a single-table level. */
@Repository
public interface Penalties extends DataRepository<Penalty, Long> {

    @Query("WHERE amount.amount >= :min ORDER BY amount.amount DESC")
    List<Penalty> atLeast(BigDecimal min);

    long countByMemberId(long memberId);
}
