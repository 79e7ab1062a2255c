package dev.tenantdao.samples.clinic;

import jakarta.data.Order;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** The clinical notes of the current clinic, in its database. */
@Repository
public interface ClinicalNotes extends CrudRepository<ClinicalNote, UUID> {

    @Find
    @OrderBy("writtenAt")
    List<ClinicalNote> forPatient(long patientRef);

    List<ClinicalNote> findBySeverityInOrderByWrittenAt(List<Severity> severities);

    long countBySeverity(Severity severity);

    boolean existsByPatientRefAndConfidentialTrue(long patientRef);

    List<ClinicalNote> findByTags(Tags tags);

    List<ClinicalNote> findByTagsInOrderByWrittenAt(List<Tags> tags);

    List<ClinicalNote> findByBodyContainsIgnoreCaseOrderByWrittenAt(String part);

    List<ClinicalNote> findByWrittenAtBetweenOrderByWrittenAtDesc(Instant from, Instant to);

    @Find
    Page<ClinicalNote> bySeverity(Severity severity, PageRequest pageRequest, Order<ClinicalNote> order);

    @Find
    Stream<ClinicalNote> streamBySeverity(Severity severity);

    @Query("SELECT id, severity FROM ClinicalNote WHERE patientRef = :patientRef ORDER BY writtenAt")
    List<Summary> summaries(long patientRef);

    @Query("UPDATE ClinicalNote SET confidential = true WHERE severity = :severity")
    long sealAll(Severity severity);

    @Query("UPDATE ClinicalNote SET tags = :tags WHERE id = :id")
    boolean retag(UUID id, Tags tags);

    long deleteBySeverity(Severity severity);

    /** A note's id and severity. */
    record Summary(UUID id, Severity severity) {}
}
