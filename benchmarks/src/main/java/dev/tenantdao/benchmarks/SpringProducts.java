package dev.tenantdao.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** {@link Products} as a Spring Data JDBC repository: the tenant is a parameter of every method. */
public interface SpringProducts extends ListCrudRepository<SpringProduct, Long> {

    /** A derived query: {@code WHERE tenant_id = ? AND category = ? ORDER BY id LIMIT 50}. */
    List<SpringProduct> findByTenantIdAndCategoryOrderById(String tenantId, String category, Limit limit);

    @Modifying
    @Query("UPDATE product SET price = :price WHERE tenant_id = :tenantId AND id = :id")
    boolean changePrice(@Param("tenantId") String tenantId, @Param("id") long id, @Param("price") BigDecimal price);
}
