package dev.tenantdao.samples.payouts;

import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import java.util.List;

/** Bank payouts only: a repository of a joined subtype, querying its own columns and the root's. */
@Repository
public interface BankPayouts {

    @Save
    BankPayout save(BankPayout payout);

    List<BankPayout> findByBicNullOrderByIban();

    @Query("WHERE iban LIKE :country || '%' AND recipient <> :excluded ORDER BY iban")
    List<BankPayout> inCountry(String country, String excluded);
}
