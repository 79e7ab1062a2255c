package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Patients: an embedded weight in derived finders and JDQL, a reference to a soft-deleted owner. */
class VetPetsTest {

    private static final String SCHEMA = "trial_vet_pets";
    private static PetOwnerDao owners;
    private static PetDao pets;
    private static Pets queries;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema(SCHEMA), PetOwner.class, Pet.class);
        Database database = new Database(server.applicationRole("trial_vet_pets_app", SCHEMA));
        owners = new PetOwnerDao(database);
        pets = new PetDao(database);
        queries = new PetsImpl(database);
    }

    @AfterAll
    static void drop() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    private static <X> X at(String clinic, Supplier<X> work) {
        return TenantContext.callAs(clinic, work::get);
    }

    @Test
    void weightsAreQueriedByTheirComponents() {
        at("p1", () -> owners.insert(new PetOwner(1, "o@m", "Olga", eur("0"))));
        at("p1", () -> pets.insertAll(List.of(new Pet(1, 1, "Rex", "dog", Weight.kg("31.5")),
                new Pet(2, 1, "Bea", "dog", Weight.kg("8.2")), new Pet(3, 1, "Tom", "cat", Weight.kg("4.0")),
                new Pet(4, 1, "Ace", "dog", new Weight(new BigDecimal("40"), "lb")), new Pet(5, 1, "Nil", "dog", null))));
        at("p2", () -> owners.insert(new PetOwner(1, "z@m", "Zoe", eur("0"))));
        at("p2", () -> pets.insert(new Pet(1, 1, "Zed", "dog", Weight.kg("50"))));
        assertEquals(List.of("Rex", "Bea"), at("p1", () -> queries.heavierThan(new BigDecimal("5"), "kg")).stream()
                .map(Pet::name).toList(), "JDQL over both components, heaviest first; the lb dog and the other clinic left out");
        assertEquals(List.of("Bea", "Rex", "Ace"), at("p1", () -> queries.findBySpeciesOrderByWeight_ValueAsc("dog")).stream()
                .filter(p -> p.weight() != null).map(Pet::name).toList());
        assertEquals(List.of("Ace", "Bea", "Nil", "Rex", "Tom"), at("p1", () -> queries.findByOwnerId(1)).stream()
                .map(Pet::name).toList(), "@OrderBy on a finder");
        assertNull(at("p1", () -> pets.findById(5)).orElseThrow().weight(), "an unweighed pet reads back a null weight");
        assertThrows(NoTenantException.class, () -> queries.findByOwnerId(1));
    }

    @Test
    void aPetCannotPointAtAnotherClinicsOwner() {
        at("p3", () -> owners.insert(new PetOwner(7, "q@m", "Quin", eur("0"))));
        assertThrows(DataAccessException.class, () -> at("p4", () -> pets.insert(new Pet(1, 7, "Spy", "dog", null))),
                "the foreign key includes the tenant");
        assertEquals(0, at("p4", () -> pets.count()));
    }
}
