package dev.tenantdao.samples.benefits;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Save;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Leaves only: a repository of {@link Leave}, an intermediate level of the joined hierarchy
 * {@link Benefit}. Its reads join the tables of the subtypes below it only, beside {@code kind IN
 * ('sick', 'parental')}; its writes are the concrete subtype's DAO's.
 */
@Repository
public interface Leaves extends BasicRepository<Leave, Long> {

    @Find
    @OrderBy("id")
    List<Leave> ofHolder(String holder);

    List<Leave> findByHolderStartsWithOrderByHolderAscIdAsc(String prefix);

    @Query("WHERE holder <> :excluded ORDER BY holder, id")
    Page<Leave> allBut(String excluded, PageRequest pageRequest);

    @Query("ORDER BY id")
    CursoredPage<Leave> inIdOrder(PageRequest pageRequest);

    long countByHolder(String holder);

    boolean existsByHolder(String holder);

    @Find
    @OrderBy("id")
    Stream<Leave> everyLeave();

    @Insert
    Leave add(Leave leave);

    @Save
    List<Leave> store(List<Leave> leaves);

    @Delete
    void remove(Leave leave);

    CursoredPage<Leave> findAllAsOf(Instant at, PageRequest pageRequest);
}
