package dev.tenantdao.samples.trial.repairs;

/** A tyre's size (ETRTO): width and bead seat diameter, in millimetres. */
public record TyreSize(Integer width, Integer diameter) {}
