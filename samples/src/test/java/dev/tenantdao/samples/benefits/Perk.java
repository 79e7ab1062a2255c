package dev.tenantdao.samples.benefits;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/**
 * A sealed hierarchy of records with a table per subtype and an intermediate level ({@link Travel}),
 * in each tenant's own schema, audited.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
@Audited
public sealed interface Perk permits Perk.Travel, Perk.Meal {

    @Id
    UUID id();

    String holder();

    /** Travel perks: a level grouping them. */
    sealed interface Travel extends Perk permits Perk.Train, Perk.Flight {}

    @Subtype(value = "train", table = "train_perk")
    record Train(UUID id, String holder, int travelClass) implements Travel {}

    @Subtype(value = "flight", table = "flight_perk")
    record Flight(UUID id, String holder, String airline) implements Travel {}

    @Subtype(value = "meal", table = "meal_perk")
    record Meal(UUID id, String holder, int cents) implements Perk {}
}
