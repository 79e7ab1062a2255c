package dev.tenantdao.samples.partitioned;

import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.math.BigDecimal;
import java.util.List;

/** Queries over partitioned readings: each confined to the tenant, so each planned against one partition. */
@Repository
public interface Readings extends BasicRepository<Reading, Long> {

    /** A meter's readings. */
    @Find
    @OrderBy("id")
    List<Reading> ofMeter(String meter);

    /** Readings above {@code value}, a page at a time. */
    @Query("WHERE value > :value ORDER BY id")
    Page<Reading> above(BigDecimal value, PageRequest pageRequest);
}
