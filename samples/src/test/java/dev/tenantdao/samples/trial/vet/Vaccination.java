package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Subtype;

/** A vaccination: the vaccine's name is stored upper case. */
@Subtype("vaccination")
public record Vaccination(long id, String pet, Fee fee, String vaccine) implements Treatment {

    @BeforeInsert
    Vaccination normalized() {
        VetTrail.record("Vaccination.beforeInsert");
        return new Vaccination(id, pet, fee, vaccine == null ? null : vaccine.toUpperCase(java.util.Locale.ROOT));
    }
}
