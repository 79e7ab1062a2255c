package dev.tenantdao.benchmarks;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The same statements through Jdbi SqlObject (reflection-based mapping of the record). */
@RegisterConstructorMapper(Item.class)
public interface ItemJdbi {

    @SqlQuery("SELECT id, name, price, quantity FROM item WHERE tenant_id = :tenant AND id = :id")
    Optional<Item> findById(@Bind("tenant") String tenant, @Bind("id") long id);

    @SqlQuery("SELECT id, name, price, quantity FROM item WHERE tenant_id = :tenant AND id > :after ORDER BY id LIMIT :limit")
    List<Item> page(@Bind("tenant") String tenant, @Bind("after") long after, @Bind("limit") int limit);

    @SqlUpdate("UPDATE item SET name = :name, price = :price, quantity = :quantity WHERE tenant_id = :tenant AND id = :id")
    int update(@Bind("tenant") String tenant, @BindMethods Item item);

    @SqlUpdate("INSERT INTO item (tenant_id, name, price, quantity) VALUES (:tenant, :name, :price, :quantity)")
    @GetGeneratedKeys
    Item insert(@Bind("tenant") String tenant, @BindMethods Item item);

    @SqlBatch("INSERT INTO item (tenant_id, name, price, quantity) VALUES (:tenant, :name, :price, :quantity)")
    @GetGeneratedKeys
    List<Item> insertAll(@Bind("tenant") String tenant, @BindMethods List<Item> items);
}
