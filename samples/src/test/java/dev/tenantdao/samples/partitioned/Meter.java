package dev.tenantdao.samples.partitioned;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.PartitionedByTenant;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;

/**
 * A tenant's meter, by its code (an assigned id: the DAO has an upsert): row strategy, its table
 * and its history hash-partitioned by tenant into 8 partitions.
 */
@Entity
@Tenanted
@PartitionedByTenant(hash = 8)
@Audited
public record Meter(@Id String code, @Column(nullable = false) String site, @Version long version) {

    public Meter withSite(String site) {
        return new Meter(code, site, version);
    }
}
