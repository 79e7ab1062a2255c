package dev.tenantdao.samples.trial.vet;

import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/** Kennels of the current clinic's schema. */
@Repository
public interface Kennels {

    Optional<Kennel> findByCode(String code);

    List<Kennel> findByDailyRate_CurrencyOrderByDailyRate_AmountAsc(String currency);
}
