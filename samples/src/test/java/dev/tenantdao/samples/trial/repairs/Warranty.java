package dev.tenantdao.samples.trial.repairs;

/** A warranty with two primitive components: what is "null as a whole" for it? */
public record Warranty(int months, boolean transferable) {}
