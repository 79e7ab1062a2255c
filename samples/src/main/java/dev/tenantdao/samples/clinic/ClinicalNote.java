package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A clinical note, in the clinic's own database ({@code Tenanted.Strategy.DATABASE}): physical
 * separation for the most sensitive rows. Versioned; tags stored through {@link TagsConverter}.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
public record ClinicalNote(
        @Id UUID id,
        long patientRef,
        @Column(nullable = false) Severity severity,
        @Convert(TagsConverter.class) Tags tags,
        String body,
        Instant writtenAt,
        boolean confidential,
        @Version int version) {

    public static ClinicalNote of(long patientRef, Severity severity, Tags tags, String body, Instant writtenAt) {
        return new ClinicalNote(UUID.randomUUID(), patientRef, severity, tags, body, writtenAt, false, 0);
    }
}
