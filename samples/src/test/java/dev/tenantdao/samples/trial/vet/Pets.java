package dev.tenantdao.samples.trial.vet;

import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** Patients by owner and by weight. */
@Repository
public interface Pets {

    @OrderBy("name")
    List<Pet> findByOwnerId(long ownerId);

    @Query("WHERE weight.value > :kg AND weight.unit = :unit ORDER BY weight.value DESC")
    List<Pet> heavierThan(BigDecimal kg, String unit);

    List<Pet> findBySpeciesOrderByWeight_ValueAsc(String species);
}
