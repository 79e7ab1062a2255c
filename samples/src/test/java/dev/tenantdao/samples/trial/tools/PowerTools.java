package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.AcrossTenants;
import dev.tenantdao.runtime.TenantRow;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Instant;
import java.util.List;

/** The power tools only: a repository of an intermediate level. */
@Repository
public interface PowerTools extends CrudRepository<PowerTool, Long> {

    @Query("WHERE name LIKE :pattern ORDER BY name")
    List<PowerTool> named(String pattern);

    long countByShelf(String shelf);

    /** The level's own column, in its own table (tl_power_tool). */
    @Query("WHERE watts > :watts ORDER BY watts DESC")
    List<PowerTool> atLeast(int watts);

    List<PowerTool> findByWattsLessThanOrderByWatts(int watts);

    List<PowerTool> findByWattsGreaterThan(int watts, jakarta.data.Sort<PowerTool> sort);

    /** Counts, exists, projections and page totals name the level's column too: their statements join its table. */
    long countByWattsGreaterThan(int watts);

    boolean existsByWattsGreaterThan(int watts);

    @Query("SELECT name, watts WHERE watts > :watts ORDER BY watts")
    List<Power> powers(int watts);

    @Query("WHERE watts > :watts ORDER BY watts")
    jakarta.data.page.Page<PowerTool> above(int watts, PageRequest pageRequest);

    /** A power tool's name and watts. */
    record Power(String name, int watts) {}

    @Query("WHERE name <> :excluded ORDER BY name")
    CursoredPage<PowerTool> allBut(String excluded, PageRequest pageRequest);

    CursoredPage<PowerTool> findAllAsOf(Instant at, PageRequest pageRequest);

    @AcrossTenants
    @Query("WHERE shelf = :shelf ORDER BY name")
    List<TenantRow<PowerTool>> onShelfEverywhere(String shelf);
}
