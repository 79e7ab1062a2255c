package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Subtype;

/** Surgery on an organ. */
@Subtype("surgery")
public record Surgery(long id, String pet, Fee fee, String organ) implements Procedure {

    @BeforeInsert
    Surgery surgeryBeforeInsert() {
        VetTrail.record("Surgery.beforeInsert");
        return this;
    }

    @AfterLoad
    void surgeryLoaded() {
        VetTrail.record("Surgery.afterLoad");
    }
}
