package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;

/** A patient: belongs to an owner, weighed at each visit. Audited, hard deleted. */
@Entity(table = "vet_pet")
@Audited
public record Pet(@Id long id, @References(PetOwner.class) long ownerId, String name, String species,
                  @Embedded Weight weight) {

    public Pet weighed(Weight now) {
        return new Pet(id, ownerId, name, species, now);
    }
}
