package dev.tenantdao.samples.clinic;

import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.stream.Stream;

/** The medications of the current clinic: the {@code medication} rows of its treatment table. */
@Repository
public interface Medications extends CrudRepository<Medication, Long> {

    @Find
    @OrderBy("id")
    List<Medication> forPatient(long patientRef);

    List<Medication> findByDrugIgnoreCaseOrderById(String drug);

    List<Medication> findByRouteInOrderById(List<Route> routes);

    long countByPatientRef(long patientRef);

    boolean existsByDrug(String drug);

    List<Medication> findByDoseMgBetweenOrderByDoseMgDesc(int low, int high);

    @Find
    Page<Medication> byRoute(Route route, PageRequest pageRequest);

    @Find
    Stream<Medication> streamByPatientRef(long patientRef);

    @Query("SELECT drug, doseMg FROM Medication WHERE patientRef = :patientRef ORDER BY drug")
    List<Dose> doses(long patientRef);

    /** Doubles the dose of a drug, in one audited statement. */
    @Query("UPDATE Medication SET doseMg = doseMg * 2 WHERE drug = :drug")
    long doubleDose(String drug);

    long deleteByPatientRef(long patientRef);

    /** A drug and its dose. */
    record Dose(String drug, int doseMg) {}
}
