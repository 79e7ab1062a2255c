package dev.tenantdao.samples.trial.vet;

import jakarta.data.repository.Repository;
import java.util.List;

/** Treatments of every kind, through the hierarchy's root. */
@Repository
public interface Treatments {

    List<Treatment> findByPetOrderById(String pet);

    long countByFee_Currency(String currency);
}
