package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A treatment of a patient: a medication or a procedure, all in one table ({@code treatment}, column
 * {@code kind} says which) in each clinic's schema, audited. Repositories work on one subtype each.
 */
@Entity(table = "treatment")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "kind")
@Audited
public sealed interface Treatment permits Medication, Procedure {

    /** How many treatments were loaded, of any kind (the root's after-load hook counts them). */
    AtomicLong LOADED = new AtomicLong();

    @Id(generated = true)
    long id();

    /** The patient's id in the clinic's patient register (another tenancy, so not a foreign key). */
    long patientRef();

    LocalDate startedOn();

    String notes();

    @AfterLoad
    default void counted() {
        LOADED.incrementAndGet();
    }
}
