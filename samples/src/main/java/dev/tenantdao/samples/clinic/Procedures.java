package dev.tenantdao.samples.clinic;

import jakarta.data.Sort;
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

    /** A string literal that happens to hold the schema placeholder of generated SQL. */
    @Query("WHERE notes = 'template {schema}' ORDER BY id")
    List<Procedure> templated();

    /** A string literal that happens to hold the placeholder of a sort given at run time. */
    @Query("WHERE notes <> '/*order*/'")
    List<Procedure> unmarked(Sort<Procedure> sort);
}
