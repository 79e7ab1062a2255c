package dev.tenantdao.benchmarks;

import jakarta.data.Limit;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** The current tenant's products, as a Jakarta Data repository; tenantdao generates {@code ProductsImpl}. */
@Repository
public interface Products {

    /** The first {@code limit} products of a category, by id: an index range scan of (tenant_id, category, id). */
    @Find
    @OrderBy("id")
    List<Product> byCategory(String category, Limit limit);

    /** One column of one row: one statement. */
    @Query("UPDATE Product SET price = :price WHERE id = :id")
    boolean changePrice(long id, BigDecimal price);
}
