package dev.tenantdao.samples.trial.repairs;

/** How to reach a customer: two texts, neither of which an insert needs to read back. */
public record Contact(String phone, String email) {}
