package dev.tenantdao.samples.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The clinic's schema-per-tenant repositories: {@link Staff} (a PostgreSQL enum column, a converted
 * pager) and {@link Medications} / {@link Procedures}, two subtypes of the single-table
 * {@link Treatment} hierarchy, audited. Two clinics hold exactly the same rows in their own schemas.
 */
class ClinicSchemaRepositoriesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);
    private static final List<String> CLINICS = List.of("north", "south");

    private static RecordingDataSource dataSource;
    private static Database database;
    private static Staff staff;
    private static Medications medications;
    private static Procedures procedures;
    private static MedicationDao medicationDao;

    @BeforeAll
    static void schemas() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("clinic_schema_shared"));
        database = Database.builder(dataSource).schemaMapping(clinic -> "clinic_" + clinic).build();
        staff = new StaffImpl(database);
        medications = new MedicationsImpl(database);
        procedures = new ProceduresImpl(database);
        medicationDao = new MedicationDao(database);
    }

    @BeforeEach
    void twoClinicsWithTheSameRows() {
        for (String clinic : CLINICS) {
            Postgres.shared().dropSchema("clinic_" + clinic);
            database.createTenant(clinic, StaffMember.class, Treatment.class);
            TenantContext.runAs(clinic, ClinicSchemaRepositoriesTest::fill);
        }
        Treatment.LOADED.set(0);
        dataSource.reset();
    }

    static List<StaffMember> staffRows() {
        return List.of(
                new StaffMember("B-01", "Dr. Ada Brun", StaffRole.PHYSICIAN, new Phone("+4131000001"), START, true),
                new StaffMember("B-02", "Ben Roth", StaffRole.NURSE, new Phone("+4131000002"), START.plusDays(10), true),
                new StaffMember("B-03", "Cem Ilic", StaffRole.NURSE, null, START.plusDays(10), false),
                new StaffMember("B-04", "Dora Frei", StaffRole.RECEPTION, new Phone("+4131000004"),
                        START.minusYears(3), false),
                new StaffMember("B-05", "dr. eli brun", StaffRole.PHARMACIST, new Phone("+4131000005"), null, true));
    }

    private static void fill() {
        staff.insertAll(staffRows());
        medications.insertAll(List.of(
                new Medication(7, START, null, "Ibuprofen", 400, Route.ORAL),
                new Medication(7, START, "night", "Paracetamol", 500, Route.ORAL),
                new Medication(8, START.plusDays(1), null, "Ceftriaxone", 1000, Route.INTRAVENOUS),
                new Medication(9, START.plusDays(2), null, "ibuprofen", 200, Route.TOPICAL)));
        procedures.saveAll(List.of(
                new Procedure(7, START, null, "ECG", Duration.ofMinutes(20)),
                new Procedure(7, START.plusDays(3), "template {schema}", "X-RAY", Duration.ofMinutes(10)),
                new Procedure(8, START, "/*order*/", "MRI", Duration.ofMinutes(45))));
    }

    private static <T> T as(String clinic, TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(clinic, work);
    }

    private static <T> T north(TenantContext.TenantCallable<T, RuntimeException> work) {
        return as("north", work);
    }

    private static <T> T south(TenantContext.TenantCallable<T, RuntimeException> work) {
        return as("south", work);
    }

    private static List<String> badges(List<StaffMember> found) {
        return found.stream().map(StaffMember::badge).toList();
    }

    private static List<String> drugs(List<Medication> found) {
        return found.stream().map(Medication::drug).toList();
    }

    // ---- staff ----------------------------------------------------------------------------------------

    @Test
    void staffFindersSeeTheClinicsSchemaOnly() {
        assertEquals(List.of("B-02", "B-03"), badges(north(() -> staff.findByRoleOrderByBadge(StaffRole.NURSE))));
        // an IN list of a PostgreSQL enum type
        assertEquals(List.of("B-01", "B-04", "B-05"), badges(north(() -> staff.findByRoleInOrderByBadge(
                List.of(StaffRole.PHYSICIAN, StaffRole.RECEPTION, StaffRole.PHARMACIST)))));
        assertEquals(List.of("B-01", "B-02", "B-05"), badges(north(() -> staff.findByOnCallTrueOrderByBadge())));
        assertEquals(2, north(() -> staff.countByRole(StaffRole.NURSE)));
        assertTrue(north(() -> staff.existsByNameIgnoreCase("DORA FREI")));
        assertFalse(north(() -> staff.existsByNameIgnoreCase("Nobody")));
        assertEquals(List.of("B-01", "B-05"), badges(north(() -> staff.findByNameContainsIgnoreCaseOrderByBadge("BRUN"))));
        assertEquals(List.of(), badges(north(() -> staff.findByNameContainsIgnoreCaseOrderByBadge("%"))));
        assertEquals(List.of("B-01", "B-03", "B-02"), badges(north(() ->
                staff.findBySinceGreaterThanEqualOrderBySinceAscBadgeDesc(START))));
        assertEquals(List.of(new Staff.Badge("B-02", "Ben Roth"), new Staff.Badge("B-03", "Cem Ilic")),
                north(() -> staff.badges(StaffRole.NURSE)));
        assertEquals(List.of("Ben Roth", "Dr. Ada Brun", "dr. eli brun"), north(() -> staff.namesOnCall()));
        assertEquals(Optional.of(staffRows().get(3)), north(() -> staff.findById("B-04")));
        try (Stream<StaffMember> all = north(() -> staff.findAll())) {
            assertEquals(staffRows(), all.sorted(java.util.Comparator.comparing(StaffMember::badge)).toList());
        }
    }

    @Test
    void staffConvertersApplyToParameters() {
        assertEquals("B-02", north(() -> staff.findByPager(new Phone("+41-3100-0002"))).orElseThrow().badge());
        assertEquals(Optional.empty(), north(() -> staff.findByPager(null)));
        assertEquals(List.of("B-01", "B-05"), badges(north(() -> staff.findByPagerInOrderByBadge(
                Arrays.asList(new Phone("+41 3100 0001"), null, new Phone("4131 0000 05"))))));
    }

    @Test
    void staffPagesStreamsAndSortsSeeTheClinicsSchemaOnly() {
        Page<StaffMember> nurses = north(() -> staff.byRole(StaffRole.NURSE, PageRequest.ofSize(1)));
        assertEquals(List.of("B-02"), badges(nurses.content()));
        assertEquals(2, nurses.totalElements());
        assertEquals(List.of("B-03"), badges(north(() -> staff.byRole(StaffRole.NURSE, nurses.nextPageRequest()))
                .content()));
        try (Stream<StaffMember> onCall = north(() -> staff.streamByOnCall(true))) {
            assertEquals(3, onCall.count());
        }
        assertEquals(List.of("B-05", "B-04"), badges(north(() -> staff.all(Limit.of(2), Sort.desc("badge")))));
        assertEquals(List.of("B-03", "B-04"), badges(north(() -> staff.all(Limit.range(2, 3),
                Sort.ascIgnoreCase("name")))));
        Page<StaffMember> all = north(() -> staff.findAll(PageRequest.ofSize(4), Order.by(Sort.asc("since"))));
        assertEquals(5, all.totalElements());
    }

    @Test
    void staffBulkUpdatesAndDeletesTouchTheClinicsSchemaOnly() {
        assertEquals(2, north(() -> staff.setOnCall(StaffRole.NURSE, false)));
        assertEquals(List.of("B-01", "B-05"), badges(north(() -> staff.findByOnCallTrueOrderByBadge())));
        assertEquals(List.of("B-01", "B-02", "B-05"), badges(south(() -> staff.findByOnCallTrueOrderByBadge())));
        assertTrue(north(() -> staff.promote("B-03")));
        assertFalse(north(() -> staff.promote("B-99")));
        assertEquals(2, north(() -> staff.countByRole(StaffRole.PHYSICIAN)));
        assertEquals(1, south(() -> staff.countByRole(StaffRole.PHYSICIAN)));
        assertEquals(1, north(() -> staff.deleteByRole(StaffRole.RECEPTION)));
        assertEquals(1, north(() -> staff.retireBefore(START.plusDays(1))));
        assertEquals(3, north(() -> staff.findAll()).count());
        assertEquals(5, south(() -> staff.findAll()).count());
        StaffMember saved = north(() -> staff.save(staffRows().get(0).withOnCall(false)));
        assertFalse(saved.onCall());
        assertTrue(south(() -> staff.findById("B-01")).orElseThrow().onCall());
    }

    // ---- treatments: subtypes of one table -------------------------------------------------------------

    @Test
    void subtypeFindersSeeTheirSubtypeInTheClinicsSchemaOnly() {
        assertEquals(List.of("Ibuprofen", "Paracetamol"), drugs(north(() -> medications.forPatient(7))));
        assertEquals(List.of("Ibuprofen", "ibuprofen"), drugs(north(() -> medications.findByDrugIgnoreCaseOrderById(
                "IBUPROFEN"))));
        assertEquals(List.of("Ceftriaxone", "ibuprofen"), drugs(north(() -> medications.findByRouteInOrderById(
                List.of(Route.INTRAVENOUS, Route.TOPICAL)))));
        assertEquals(2, north(() -> medications.countByPatientRef(7)));
        assertEquals(2, north(() -> procedures.countByPatientRef(7)));
        assertTrue(north(() -> medications.existsByDrug("Paracetamol")));
        assertEquals(List.of("Paracetamol", "Ibuprofen"), drugs(north(() ->
                medications.findByDoseMgBetweenOrderByDoseMgDesc(300, 500))));
        Page<Medication> oral = north(() -> medications.byRoute(Route.ORAL, PageRequest.ofSize(1)));
        assertEquals(2, oral.totalElements());
        try (Stream<Medication> seven = north(() -> medications.streamByPatientRef(7))) {
            assertEquals(2, seven.count());
        }
        assertEquals(List.of(new Medications.Dose("Ibuprofen", 400), new Medications.Dose("Paracetamol", 500)),
                north(() -> medications.doses(7)));
        assertEquals(List.of("ECG", "MRI"), north(() -> procedures.findByTookGreaterThanOrderById(Duration.ofMinutes(15)))
                .stream().map(Procedure::code).toList());
        try (Stream<Medication> all = north(() -> medications.findAll())) {
            assertEquals(4, all.count());
        }
        assertEquals(4, north(() -> medications.findAll(PageRequest.ofSize(10), Order.by())).totalElements());
        long ecg = north(() -> procedures.forPatient(7)).get(0).id();
        assertEquals(Optional.empty(), north(() -> medications.findById(ecg)), "a procedure's id is no medication");
    }

    @Test
    void theRootsAfterLoadHookRunsOnEveryRowASubtypeRepositoryReturns() {
        Treatment.LOADED.set(0);
        north(() -> medications.forPatient(7));
        assertEquals(2, Treatment.LOADED.get());
        north(() -> medications.byRoute(Route.ORAL, PageRequest.ofSize(10)));
        assertEquals(4, Treatment.LOADED.get());
        try (Stream<Medication> seven = north(() -> medications.streamByPatientRef(7))) {
            assertEquals(2, seven.count());
        }
        assertEquals(6, Treatment.LOADED.get());
        north(() -> procedures.forPatient(7));
        assertEquals(8, Treatment.LOADED.get());
        north(() -> medications.doses(7));
        assertEquals(8, Treatment.LOADED.get(), "a projection is not an entity: no hook");
    }

    @Test
    void anAuditedBulkUpdateOfASubtypeRecordsEachChangedRowOfItsSubtypeAndSchemaOnly() throws SQLException {
        long before = historyRows("north");
        assertEquals(7, before);
        assertEquals(1, north(() -> medications.doubleDose("Ibuprofen")));   // not "ibuprofen"
        assertEquals(before + 1, historyRows("north"));
        assertEquals(List.of(800, 500, 1000, 200), north(() -> medications.findAll()).sorted(
                java.util.Comparator.comparingLong(Medication::id)).map(Medication::doseMg).toList());
        assertEquals(List.of(400, 500, 1000, 200), south(() -> medications.findAll()).sorted(
                java.util.Comparator.comparingLong(Medication::id)).map(Medication::doseMg).toList());
        assertEquals(7, historyRows("south"));
        Medication ibuprofen = north(() -> medications.findByDrugIgnoreCaseOrderById("Ibuprofen")).get(0);
        List<HistoryEntry<Medication>> history = north(() -> medicationDao.history(ibuprofen.id()));
        assertEquals(List.of(HistoryEntry.Operation.UPDATE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList());
        assertEquals(800, history.get(0).entity().doseMg());
        assertEquals(2, history.get(0).version());
        // an update that changes nothing records nothing
        assertEquals(3, north(() -> procedures.annotate(7, "seen")) + north(() -> procedures.annotate(8, "seen")));
        long after = historyRows("north");
        assertEquals(3, north(() -> procedures.annotate(7, "seen")) + north(() -> procedures.annotate(8, "seen")));
        assertEquals(after, historyRows("north"));
    }

    @Test
    void aRolledBackBulkUpdateOfASubtypeLeavesNoHistory() throws SQLException {
        long before = historyRows("north");
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("north", () -> database.useTransaction(tx -> {
            assertEquals(2, medications.doubleDose("Paracetamol") + medications.doubleDose("Ceftriaxone"));
            throw new IllegalStateException("undo");
        })));
        assertEquals(before, historyRows("north"));
        assertEquals(List.of(400, 500, 1000, 200), north(() -> medications.findAll()).sorted(
                java.util.Comparator.comparingLong(Medication::id)).map(Medication::doseMg).toList());
    }

    @Test
    void aSubtypesBulkDeleteLeavesTheOtherSubtypeAndClinicAlone() throws SQLException {
        assertEquals(2, north(() -> medications.deleteByPatientRef(7)));
        assertEquals(0, north(() -> medications.countByPatientRef(7)));
        assertEquals(2, north(() -> procedures.countByPatientRef(7)), "procedures of patient 7 stay");
        assertEquals(2, south(() -> medications.countByPatientRef(7)));
        assertEquals(9, historyRows("north"));
        assertEquals(1, north(() -> procedures.deleteByPatientRef(8)));
        assertEquals(1, north(() -> medications.countByPatientRef(8)));
    }

    private static long historyRows(String clinic) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM clinic_" + clinic + ".treatment_history")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    // ---- placeholders in literals --------------------------------------------------------------------------

    @Test
    void aStringLiteralHoldingTheSchemaPlaceholderIsMatchedAsWritten() {
        assertEquals(List.of("X-RAY"), north(() -> procedures.templated()).stream().map(Procedure::code).toList());
    }

    @Test
    void aStringLiteralHoldingTheOrderPlaceholderIsMatchedAsWritten() {
        assertEquals(List.of("X-RAY"), north(() -> procedures.unmarked(Sort.asc("code"))).stream()
                .map(Procedure::code).toList());
    }

    // ---- no clinic, bad clinic ------------------------------------------------------------------------------

    @Test
    void everyQueryMethodThrowsBeforeAnySqlWithoutAClinic() {
        dataSource.reset();
        List<Runnable> calls = List.of(
                () -> staff.findByRoleOrderByBadge(StaffRole.NURSE),
                () -> staff.findByRoleInOrderByBadge(List.of(StaffRole.NURSE)),
                () -> staff.findByOnCallTrueOrderByBadge(),
                () -> staff.countByRole(StaffRole.NURSE),
                () -> staff.existsByNameIgnoreCase("x"),
                () -> staff.findByPager(null),
                () -> staff.findByPagerInOrderByBadge(List.of()),
                () -> staff.findByNameContainsIgnoreCaseOrderByBadge("x"),
                () -> staff.findBySinceGreaterThanEqualOrderBySinceAscBadgeDesc(START),
                () -> staff.byRole(StaffRole.NURSE, PageRequest.ofSize(1)),
                () -> staff.streamByOnCall(true),
                () -> staff.all(Limit.of(1), Sort.asc("badge")),
                () -> staff.badges(StaffRole.NURSE),
                () -> staff.namesOnCall(),
                () -> staff.setOnCall(StaffRole.NURSE, true),
                () -> staff.promote("B-01"),
                () -> staff.deleteByRole(StaffRole.NURSE),
                () -> staff.retireBefore(START),
                () -> staff.findById("B-01"),
                () -> staff.findAll(),
                () -> staff.save(staffRows().get(0)),
                () -> staff.insertAll(staffRows()),
                () -> medications.forPatient(7),
                () -> medications.findByDrugIgnoreCaseOrderById("x"),
                () -> medications.findByRouteInOrderById(List.of(Route.ORAL)),
                () -> medications.countByPatientRef(7),
                () -> medications.existsByDrug("x"),
                () -> medications.findByDoseMgBetweenOrderByDoseMgDesc(1, 2),
                () -> medications.byRoute(Route.ORAL, PageRequest.ofSize(1)),
                () -> medications.streamByPatientRef(7),
                () -> medications.doses(7),
                () -> medications.doubleDose("x"),
                () -> medications.deleteByPatientRef(7),
                () -> medications.findAll(),
                () -> procedures.forPatient(7),
                () -> procedures.countByPatientRef(7),
                () -> procedures.findByTookGreaterThanOrderById(Duration.ZERO),
                () -> procedures.annotate(7, "x"),
                () -> procedures.deleteByPatientRef(7),
                () -> procedures.templated(),
                () -> procedures.unmarked(Sort.asc("id")));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
        }
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void aHostileClinicIdIsRefusedBeforeAnySql() {
        dataSource.reset();
        for (String hostile : List.of("north\"; drop table staff_member; --", "North", "a b", "x".repeat(70))) {
            assertThrows(InvalidTenantException.class, () -> as(hostile, () -> staff.countByRole(StaffRole.NURSE)));
            assertThrows(InvalidTenantException.class, () -> as(hostile, () -> medications.doubleDose("x")));
        }
        assertEquals(0, dataSource.connectionCount());
    }
}
