package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.SoftDelete;

/**
 * A treatment given to a pet: vaccinations, procedures (surgery and dental, an intermediate level) and,
 * for kinds a newer version of the clinic software writes, {@link OtherTreatment}. One table, audited,
 * soft deleted (a treatment entered by mistake is voided, not removed).
 */
@Entity(table = "vet_treatment")
@Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "kind")
@Audited
@SoftDelete
public sealed interface Treatment permits Vaccination, Procedure, OtherTreatment {

    @Id
    long id();

    String pet();

    @Embedded
    Fee fee();

    @BeforeInsert
    default Treatment rootBeforeInsert() {
        VetTrail.record("Treatment.beforeInsert");
        return this;
    }

    @AfterLoad
    default void rootLoaded() {
        VetTrail.record("Treatment.afterLoad");
    }
}
