/**
 * An outside trial: a chain of veterinary clinics, each clinic a tenant (row strategy under row-level
 * security, but the kennels: a schema per clinic).
 */
@Tenanted(strategy = Tenanted.Strategy.ROW)
package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.Tenanted;
