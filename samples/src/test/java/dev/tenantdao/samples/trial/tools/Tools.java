package dev.tenantdao.samples.trial.tools;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The catalogue, every kind of tool, each row as its subtype. */
@Repository
public interface Tools extends CrudRepository<Tool, Long> {

    List<Tool> findByShelfOrderByNameAsc(String shelf);

    @Query("WHERE name LIKE :pattern ORDER BY name")
    Page<Tool> named(String pattern, PageRequest pageRequest);

    @Query("WHERE shelf IS NOT NULL ORDER BY name")
    CursoredPage<Tool> byName(PageRequest pageRequest);

    @Query("WHERE shelf = :shelf ORDER BY name")
    Stream<Tool> onShelf(String shelf);

    @Query("SELECT name FROM Tool WHERE shelf = :shelf ORDER BY name")
    List<String> namesOnShelf(String shelf);

    List<Tool> findByNameInOrderByShelfAscNameDesc(List<String> names);

    CursoredPage<Tool> findAllAsOf(Instant at, PageRequest pageRequest);
}
