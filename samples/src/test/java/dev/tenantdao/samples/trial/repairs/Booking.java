package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A booked repair slot: @Column attributes on embedded properties, and a component with a database default. */
@Entity(table = "trial_booking")
@Tenanted
public record Booking(
        @Id long id,
        @Embedded Contact contact,
        @Embedded @Column(updatable = false) Money deposit,
        @Embedded @Column(unique = true) Slot slot,
        @Embedded Stamp booked) {}
