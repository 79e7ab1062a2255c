package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Subtype;

/** Dental work: how many teeth were pulled. */
@Subtype("dental")
public record Dental(long id, String pet, Fee fee, Integer teethPulled) implements Procedure {}
