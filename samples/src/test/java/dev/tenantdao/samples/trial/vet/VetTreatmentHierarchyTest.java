package dev.tenantdao.samples.trial.vet;

import static dev.tenantdao.samples.trial.vet.Fee.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Treatments: a single-table hierarchy with an intermediate level (procedures), a fallback subtype for
 * kinds a newer release writes, hooks on the root, the level and the subtypes, embedded fees, soft
 * delete and audit, through DAOs and a repository, as the application role under row-level security.
 */
class VetTreatmentHierarchyTest {

    private static final String SCHEMA = "trial_vet_treatment";
    private static DataSource admin;
    private static DataSource app;
    private static TreatmentDao treatments;
    private static ProcedureDao procedures;
    private static SurgeryDao surgeries;
    private static VaccinationDao vaccinations;
    private static OtherTreatmentDao others;
    private static Treatments queries;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Treatment.class);
        app = server.applicationRole("trial_vet_treatment_app", SCHEMA);
        Database database = new Database(app);
        treatments = new TreatmentDao(database);
        procedures = new ProcedureDao(database);
        surgeries = new SurgeryDao(database);
        vaccinations = new VaccinationDao(database);
        others = new OtherTreatmentDao(database);
        queries = new TreatmentsImpl(database);
    }

    @AfterAll
    static void drop() {
        Postgres.shared().dropSchema(SCHEMA);
    }

    @BeforeEach
    void clean() {
        VetTrail.drain();
    }

    private static <X> X at(String clinic, Supplier<X> work) {
        return TenantContext.callAs(clinic, work::get);
    }

    @Test
    void hooksRunRootFirstThenTheLevelThenTheSubtype() {
        at("h1", () -> treatments.insert(new Surgery(1, "Rex", eur("300.00"), "spleen")));
        assertEquals(List.of("Treatment.beforeInsert", "Procedure.beforeInsert", "ProcedureLog.beforeInsert",
                "Surgery.beforeInsert"), VetTrail.drain(), "through the root's DAO");
        at("h1", () -> surgeries.insert(new Surgery(2, "Rex", eur("300.00"), "knee")));
        assertEquals(List.of("Treatment.beforeInsert", "Procedure.beforeInsert", "ProcedureLog.beforeInsert",
                "Surgery.beforeInsert"), VetTrail.drain(), "the same through the subtype's DAO");
        at("h1", () -> procedures.insert(new Dental(3, "Rex", eur("80.00"), 2)));
        assertEquals(List.of("Treatment.beforeInsert", "Procedure.beforeInsert", "ProcedureLog.beforeInsert"),
                VetTrail.drain(), "through the level's DAO, for a subtype without hooks of its own");
        Treatment rabies = at("h1", () -> treatments.insert(new Vaccination(4, "Rex", eur("40.00"), "rabies")));
        assertEquals(new Vaccination(4, "Rex", eur("40.00"), "RABIES"), rabies, "the subtype's hook changed what is written");
        VetTrail.drain();
        assertInstanceOf(Surgery.class, at("h1", () -> treatments.findById(1)).orElseThrow());
        assertEquals(List.of("Treatment.afterLoad", "Surgery.afterLoad"), VetTrail.drain(), "load hooks: root, then subtype");
    }

    @Test
    void theLevelsDaoSeesItsSubtypesOnly() {
        at("h2", () -> treatments.insertAll(List.of(new Vaccination(1, "Tom", eur("40.00"), "FELV"),
                new Surgery(2, "Tom", eur("500.00"), "eye"), new Dental(3, "Tom", eur("90.00"), 1))));
        assertEquals(List.of(2L, 3L), at("h2", () -> procedures.findAll(10, 0)).stream().map(Procedure::id).toList());
        assertEquals(2, at("h2", () -> procedures.count()));
        assertEquals(Optional.empty(), at("h2", () -> procedures.findById(1)), "a vaccination is no procedure");
        assertFalse(at("h2", () -> procedures.deleteById(1)), "nor can the level's DAO delete it");
        assertEquals(3, at("h2", () -> treatments.count()));
        assertEquals(0, at("h3", () -> procedures.count()), "another clinic");
    }

    @Test
    void kindsNoSubtypeClaimsLoadAsTheFallback() throws SQLException {
        at("h4", () -> treatments.insert(new Vaccination(1, "Max", eur("40.00"), "DHPP")));
        OtherTreatment written = (OtherTreatment) at("h4", () -> treatments.insert(new OtherTreatment(2, "Max", eur("60.00"), null)));
        assertEquals(2, written.id());
        execute(admin, "INSERT INTO vet_treatment (tenant_id, id, kind, pet, fee_amount, fee_currency)"
                + " VALUES ('h4', 3, 'physiotherapy', 'Max', 75.00, 'EUR')");
        Treatment physio = at("h4", () -> treatments.findById(3)).orElseThrow();
        assertEquals(new OtherTreatment(3, "Max", eur("75.00"), "physiotherapy"), physio,
                "the root reads an unknown kind as the fallback, with the value it was loaded with");
        assertEquals(List.of("other", "physiotherapy"), at("h4", () -> others.findAll(10, 0)).stream()
                .map(OtherTreatment::kind).toList(), "the fallback's DAO: its own value and every unclaimed one");
        assertEquals(Optional.empty(), at("h4", () -> vaccinations.findById(3)));
        OtherTreatment repriced = at("h4", () -> others.update(new OtherTreatment(3, "Max", eur("80.00"), "ignored")));
        assertEquals("physiotherapy", repriced.kind(), "the fallback's view of the discriminator is never written");
        assertEquals(eur("80.00"), at("h4", () -> treatments.findById(3)).orElseThrow().fee());
    }

    @Test
    void softDeleteThroughTheRootReadsDeletedRowsAsTheirSubtype() {
        at("h5", () -> treatments.insertAll(List.of(new Surgery(1, "Bo", eur("400.00"), "hip"),
                new Vaccination(2, "Bo", eur("40.00"), "LEPTO"))));
        assertTrue(at("h5", () -> treatments.deleteById(1)));
        assertEquals(Optional.empty(), at("h5", () -> surgeries.findById(1)));
        assertEquals(0, at("h5", () -> procedures.count()));
        Treatment deleted = at("h5", () -> treatments.findDeletedById(1)).orElseThrow();
        assertEquals(new Surgery(1, "Bo", eur("400.00"), "hip"), deleted);
        assertEquals(1, at("h5", () -> procedures.findAllDeleted(10, 0)).size());
        assertEquals(List.of(2L), at("h5", () -> queries.findByPetOrderById("Bo")).stream().map(Treatment::id).toList(),
                "the repository of the root sees live rows only");
        assertTrue(at("h5", () -> surgeries.restore(1)));
        assertEquals(2, at("h5", () -> queries.countByFee_Currency("EUR")));
        List<HistoryEntry<Treatment>> history = at("h5", () -> treatments.history(1));
        assertEquals(List.of(HistoryEntry.Operation.RESTORE, HistoryEntry.Operation.DELETE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertInstanceOf(Surgery.class, history.get(1).entity(), "history reads each version as its subtype");
        assertTrue(at("h5", () -> treatments.purge(1)));
        assertEquals(Optional.empty(), at("h5", () -> treatments.findDeletedById(1)));
    }

    @Test
    void aNullFeeIsNullInBothColumns() {
        Treatment free = at("h6", () -> treatments.insert(new Dental(1, "Kit", null, null)));
        assertNull(free.fee());
        assertNull(at("h6", () -> treatments.findById(1)).orElseThrow().fee());
        assertEquals(0, at("h6", () -> queries.countByFee_Currency("EUR")));
        Treatment priced = at("h6", () -> treatments.update(new Dental(1, "Kit", new Fee(new BigDecimal("12.5"), "EUR"), 0)));
        assertEquals(new Fee(new BigDecimal("12.5"), "EUR"), priced.fee());
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
