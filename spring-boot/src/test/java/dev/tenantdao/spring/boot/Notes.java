package dev.tenantdao.spring.boot;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** A repository the application injects by its interface; its implementation comes from the processor's index. */
@Repository
public interface Notes extends BasicRepository<Note, Long> {

    List<Note> findByTextStartsWithOrderByText(String prefix);

    @Query("DELETE FROM Note WHERE text LIKE :pattern")
    long deleteMatching(String pattern);
}
