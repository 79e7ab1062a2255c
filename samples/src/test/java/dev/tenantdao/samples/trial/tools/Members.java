package dev.tenantdao.samples.trial.tools;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/** Members by card and by name. */
@Repository
public interface Members extends BasicRepository<Member, Long> {

    Optional<Member> findByCard(String card);

    List<Member> findByNameIgnoreCaseStartsWithOrderByNameAsc(String prefix);

    List<Member> findByDeposit_CurrencyOrderByDeposit_AmountDesc(String currency);

    long deleteByTier(Tier tier);
}
