package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A loan bike rented while a repair runs, kept in each shop's own schema, with a deposit. */
@Entity(table = "trial_rental")
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record Rental(@Id long id, String bike, @Embedded(prefix = "deposit_") Money deposit) {}
