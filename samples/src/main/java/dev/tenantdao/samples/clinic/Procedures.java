package dev.tenantdao.samples.clinic;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Duration;
import java.util.List;

/** The procedures of the current clinic: the {@code procedure} rows of its treatment table. */
@Repository
public interface Procedures extends BasicRepository<Procedure, Long> {

    @Find
    @OrderBy("id")
    List<Procedure> forPatient(long patientRef);

    long countByPatientRef(long patientRef);

    List<Procedure> findByTookGreaterThanOrderById(Duration took);

    @Query("UPDATE Procedure SET notes = :notes WHERE patientRef = :patientRef")
    long annotate(long patientRef, String notes);

    long deleteByPatientRef(long patientRef);
}
