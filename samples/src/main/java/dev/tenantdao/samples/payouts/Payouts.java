package dev.tenantdao.samples.payouts;

import dev.tenantdao.samples.common.Money;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** Payouts of every kind, each returned as its subtype: a repository of the hierarchy's root. */
@Repository
public interface Payouts extends BasicRepository<Payout, Long> {

    @Find
    @OrderBy("id")
    List<Payout> toRecipient(String recipient);

    @Query("WHERE amount >= :least ORDER BY amount DESC, id")
    Page<Payout> atLeast(Money least, PageRequest pageRequest);

    long countByRecipientStartsWith(String prefix);
}
