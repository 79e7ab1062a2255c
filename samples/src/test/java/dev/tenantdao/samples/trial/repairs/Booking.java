package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * A booked repair slot: embedded values, and a component with a database default. ({@code @Column(unique,
 * updatable)} on an embedded property is a compile error: RepairChainEmbeddedTest in the flyway module.)
 */
@Entity(table = "trial_booking")
@Tenanted
public record Booking(
        @Id long id,
        @Embedded Contact contact,
        @Embedded Money deposit,
        @Embedded Slot slot,
        @Embedded Stamp booked) {}
