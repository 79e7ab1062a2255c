package dev.tenantdao.samples.trial.tools;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.LocalDateTime;
import java.util.List;

/** Bench bookings, each library in its own schema. */
@Repository
public interface Benches extends CrudRepository<Bench, Long> {

    List<Bench> findByBenchOrderByStartsAtAsc(String bench);

    @Query("DELETE FROM Bench WHERE startsAt < :before")
    long cancelBefore(LocalDateTime before);
}
