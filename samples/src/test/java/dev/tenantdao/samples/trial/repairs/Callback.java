package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.util.Objects;

/** A class entity filled through setters, with a value of texts an insert does not read back. */
@Entity(table = "trial_callback")
@Tenanted
public class Callback {
    @Id
    private long id;
    @Embedded
    private Contact contact;

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public Contact getContact() {
        return contact;
    }

    public void setContact(Contact contact) {
        this.contact = contact;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Callback callback && id == callback.id && Objects.equals(contact, callback.contact);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, contact);
    }
}
