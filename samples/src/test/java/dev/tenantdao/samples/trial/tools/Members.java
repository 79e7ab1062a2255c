package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Sql;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Members by card and by name. */
@Repository
public interface Members extends BasicRepository<Member, Long> {

    Optional<Member> findByCard(String card);

    List<Member> findByNameIgnoreCaseStartsWithOrderByNameAsc(String prefix);

    List<Member> findByDeposit_CurrencyOrderByDeposit_AmountDesc(String currency);

    long deleteByTier(Tier tier);

    @Sql("SELECT * FROM tl_member WHERE tenant_id = :tenant AND deleted_at IS NULL AND deposit_amount > :min ORDER BY id")
    List<Member> depositAbove(BigDecimal min);

    @Sql("SELECT * FROM tl_member WHERE tenant_id = :tenant AND deleted_at IS NULL AND phone = :phone")
    Optional<Member> byPhone(Phone phone);
}
