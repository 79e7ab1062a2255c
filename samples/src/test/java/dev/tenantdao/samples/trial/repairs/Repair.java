package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.samples.trial.repairs.geo.Address;

/** A repair in a bicycle shop (each shop a tenant): two amounts of the same type, an address, a warranty. */
@Entity(table = "trial_repair")
@Tenanted
@Audited
@SoftDelete
public record Repair(
        @Id long id,
        @Column(unique = true) String ticket,
        @Embedded @Column(nullable = false) Money estimate,
        @Embedded Money charged,
        @Embedded Address pickup,
        @Embedded Warranty warranty) {}
