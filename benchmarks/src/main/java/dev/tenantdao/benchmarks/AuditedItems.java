package dev.tenantdao.benchmarks;

import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;

/** Bulk updates of the current tenant's audited items; tenantdao generates {@code AuditedItemsImpl}. */
@Repository
public interface AuditedItems {

    /**
     * Every item of the tenant (1,000 in the benchmark) at one price: one statement that also writes a history
     * row for each row it changes.
     */
    @Query("UPDATE AuditedItem SET price = :price")
    long repriceAll(BigDecimal price);
}
