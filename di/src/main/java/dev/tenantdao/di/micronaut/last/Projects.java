package dev.tenantdao.di.micronaut.last;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** A Jakarta Data repository; tenantdao generates {@code ProjectsImpl}. */
@Repository
public interface Projects extends BasicRepository<Project, Long> {

    List<Project> findByName(String name);
}
