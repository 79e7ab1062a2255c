package dev.tenantdao.samples.mutable;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Transient;
import dev.tenantdao.annotations.Version;
import java.time.Instant;

/** A mutable class, as users coming from JPA write them: a no-argument constructor and fields. */
@Entity
@Tenanted
public class Patient {
    @Id(generated = true)
    Long id;
    @Column(unique = true)
    String code;
    String name;
    @Version
    int version;
    @Column(defaultSql = "now()", insertable = false, updatable = false)
    Instant registeredAt;
    @Transient
    String screenNote;

    public Patient() {}

    Patient(String code, String name) {
        this.code = code;
        this.name = name;
    }
}
