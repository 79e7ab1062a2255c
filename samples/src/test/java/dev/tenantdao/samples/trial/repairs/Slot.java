package dev.tenantdao.samples.trial.repairs;

/** A workshop bay at an hour. */
public record Slot(String bay, Integer hour) {}
