package dev.tenantdao.samples.benefits;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Travel perks only: a repository of {@link Perk.Travel}, an intermediate level of the joined
 * hierarchy {@link Perk}, whose tables are in each tenant's own schema.
 */
@Repository
public interface Travels extends CrudRepository<Perk.Travel, UUID> {

    @Find
    @OrderBy("holder")
    List<Perk.Travel> ofHolder(String holder);

    @Query("SELECT count(this) FROM Travel WHERE holder LIKE :prefix || '%'")
    long countStartingWith(String prefix);

    CursoredPage<Perk.Travel> findAllAsOf(Instant at, PageRequest pageRequest);
}
