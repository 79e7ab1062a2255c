package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;

/** A clinic's client: soft deleted (a client who leaves can come back), audited, with a credit balance. */
@Entity(table = "vet_owner")
@Audited
@SoftDelete
public record PetOwner(@Id long id, @Column(unique = true) String email, String name,
                       @Embedded(prefix = "credit_") Fee credit) {

    public PetOwner withName(String newName) {
        return new PetOwner(id, email, newName, credit);
    }
}
