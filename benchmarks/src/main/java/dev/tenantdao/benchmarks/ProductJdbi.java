package dev.tenantdao.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The repository benchmarks' statements through Jdbi SqlObject (reflection-based mapping of the record). */
@RegisterConstructorMapper(Product.class)
public interface ProductJdbi {

    @SqlQuery("SELECT id, name, category, price, quantity FROM product WHERE tenant_id = :tenant AND category = :category"
            + " ORDER BY id LIMIT :limit")
    List<Product> byCategory(@Bind("tenant") String tenant, @Bind("category") String category, @Bind("limit") int limit);

    @SqlUpdate("UPDATE product SET price = :price WHERE tenant_id = :tenant AND id = :id")
    int changePrice(@Bind("tenant") String tenant, @Bind("id") long id, @Bind("price") BigDecimal price);
}
