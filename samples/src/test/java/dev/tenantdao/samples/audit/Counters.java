package dev.tenantdao.samples.audit;

import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** Bulk updates of audited counters, each one statement that records a history row per row it changes. */
@Repository
public interface Counters {

    @Query("UPDATE Counter SET hits = hits + 1, lastWriter = :writer WHERE id IN (:ids)")
    long hit(List<Long> ids, String writer);

    /** One row by its id: no locking in id order needed. */
    @Query("UPDATE Counter SET lastWriter = :writer WHERE id = :id")
    boolean sign(long id, String writer);

    /** Changes only the rows whose writer differs: the others match, but their history gets no row. */
    @Query("UPDATE Counter SET lastWriter = :writer WHERE hits >= :least")
    long signAll(long least, String writer);
}
