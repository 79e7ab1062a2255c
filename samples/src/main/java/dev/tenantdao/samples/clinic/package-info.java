/**
 * A small clinic, one tenant per clinic, each entity tenanted its own way so every strategy meets
 * Jakarta Data repositories: patients ({@link dev.tenantdao.samples.clinic.Patient}, a class with
 * setters, a converter, an enum and an after-load hook) and their appointments
 * ({@link dev.tenantdao.samples.clinic.Appointment}, audited and versioned), both row-tenanted on a
 * {@code bigint} clinic number under row-level security; staff and treatments (a single-table
 * hierarchy) in one schema per clinic; clinical notes in one database per clinic.
 */
package dev.tenantdao.samples.clinic;
