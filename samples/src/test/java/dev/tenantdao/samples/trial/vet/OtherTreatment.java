package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/** The fallback: a kind this version does not know (say physiotherapy, written by a newer release). */
@Subtype(value = "other", fallback = true)
public record OtherTreatment(long id, String pet, Fee fee,
                             @Column(name = "kind", insertable = false) String kind) implements Treatment {}
