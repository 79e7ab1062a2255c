package dev.tenantdao.samples.trial.tools;

import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** The catalogue, every kind of tool, each row as its subtype. */
@Repository
public interface Tools extends CrudRepository<Tool, Long> {

    List<Tool> findByShelfOrderByNameAsc(String shelf);

    @Query("WHERE name LIKE :pattern ORDER BY name")
    Page<Tool> named(String pattern, PageRequest pageRequest);
}
