package dev.tenantdao.samples.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.runtime.UnknownTenantException;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.exceptions.OptimisticLockingFailureException;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The clinic's database-per-tenant repository ({@link ClinicalNotes}): each clinic's notes in a
 * database of its own, the same notes (same ids too) in both, and nothing of one visible to the other.
 */
class ClinicDatabaseRepositoriesTest {

    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    /** The same ids in both clinics' databases. */
    private static final List<UUID> IDS = List.of(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
            UUID.fromString("00000000-0000-0000-0000-00000000000b"),
            UUID.fromString("00000000-0000-0000-0000-00000000000c"),
            UUID.fromString("00000000-0000-0000-0000-00000000000d"));

    private static RecordingDataSource east;
    private static RecordingDataSource west;
    private static RecordingDataSource control;
    private static Database database;
    private static ClinicalNotes notes;

    @BeforeAll
    static void databases() {
        east = new RecordingDataSource(Postgres.shared().freshDatabase("tenantdao_clinic_east"));
        west = new RecordingDataSource(Postgres.shared().freshDatabase("tenantdao_clinic_west"));
        control = new RecordingDataSource(Postgres.shared().freshSchema("clinic_db_control"));
        database = Database.builder(control).routing(TenantRouting.of(Map.of("east", east, "west", west))).build();
        notes = new ClinicalNotesImpl(database);
        database.createTenant("east", ClinicalNote.class);
        database.createTenant("west", ClinicalNote.class);
    }

    @BeforeEach
    void sameNotesInBothClinics() throws SQLException {
        for (DataSource clinic : List.of(east, west)) {
            try (Connection connection = clinic.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM clinical_note");
            }
        }
        for (String clinic : List.of("east", "west")) {
            TenantContext.runAs(clinic, () -> notes.insertAll(rows(clinic)));
        }
        east.reset();
        west.reset();
        control.reset();
    }

    private static List<ClinicalNote> rows(String clinic) {
        return List.of(
                new ClinicalNote(IDS.get(0), 7, Severity.ROUTINE, Tags.of("check-up"), "All fine (" + clinic + ")",
                        T0, false, 0),
                new ClinicalNote(IDS.get(1), 7, Severity.URGENT, Tags.of("Allergy", "follow-up"), "Penicillin rash",
                        T0.plusSeconds(60), true, 0),
                new ClinicalNote(IDS.get(2), 8, Severity.NOTABLE, Tags.of("follow-up"), "BP 150/95, recheck",
                        T0.plusSeconds(120), false, 0),
                new ClinicalNote(IDS.get(3), 9, Severity.URGENT, null, "Chest pain 50% of the time", T0.plusSeconds(180),
                        false, 0));
    }

    private static <T> T as(String clinic, TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(clinic, work);
    }

    private static List<UUID> ids(List<ClinicalNote> found) {
        return found.stream().map(ClinicalNote::id).toList();
    }

    @Test
    void findersCountsAndExistenceSeeTheClinicsDatabaseOnly() {
        assertEquals(List.of(IDS.get(0), IDS.get(1)), ids(as("east", () -> notes.forPatient(7))));
        assertEquals("All fine (east)", as("east", () -> notes.findById(IDS.get(0))).orElseThrow().body());
        assertEquals("All fine (west)", as("west", () -> notes.findById(IDS.get(0))).orElseThrow().body());
        west.reset();
        assertEquals(List.of(IDS.get(1), IDS.get(2), IDS.get(3)), ids(as("east", () -> notes.findBySeverityInOrderByWrittenAt(
                List.of(Severity.URGENT, Severity.NOTABLE)))));
        assertEquals(2, as("east", () -> notes.countBySeverity(Severity.URGENT)));
        assertTrue(as("east", () -> notes.existsByPatientRefAndConfidentialTrue(7)));
        assertFalse(as("east", () -> notes.existsByPatientRefAndConfidentialTrue(8)));
        assertEquals(List.of(IDS.get(3)), ids(as("east", () -> notes.findByBodyContainsIgnoreCaseOrderByWrittenAt(
                "50%"))));
        assertEquals(List.of(IDS.get(2), IDS.get(1)), ids(as("east", () -> notes.findByWrittenAtBetweenOrderByWrittenAtDesc(
                T0.plusSeconds(30), T0.plusSeconds(150)))));
        assertEquals(List.of(new ClinicalNotes.Summary(IDS.get(0), Severity.ROUTINE),
                new ClinicalNotes.Summary(IDS.get(1), Severity.URGENT)), as("east", () -> notes.summaries(7)));
        assertTrue(west.connectionCount() == 0, "nothing of east's went to west's database");
        assertEquals(0, control.connectionCount());
    }

    @Test
    void convertersApplyToParametersAndInLists() {
        // stored as "allergy,follow-up": the parameter goes through the converter, sorted and in lower case
        assertEquals(List.of(IDS.get(1)), ids(as("east", () -> notes.findByTags(Tags.of("FOLLOW-UP", "allergy")))));
        assertEquals(List.of(), ids(as("east", () -> notes.findByTags(null))));
        assertEquals(List.of(IDS.get(0), IDS.get(2)), ids(as("east", () -> notes.findByTagsInOrderByWrittenAt(
                Arrays.asList(Tags.of("Check-Up"), null, Tags.of(" follow-up"))))));
    }

    @Test
    void pagesAndStreamsSeeTheClinicsDatabaseOnly() {
        Page<ClinicalNote> urgent = as("east", () -> notes.bySeverity(Severity.URGENT, PageRequest.ofSize(1),
                Order.by(Sort.desc("writtenAt"))));
        assertEquals(List.of(IDS.get(3)), ids(urgent.content()));
        assertEquals(2, urgent.totalElements());
        assertEquals(List.of(IDS.get(1)), ids(as("east", () -> notes.bySeverity(Severity.URGENT, urgent.nextPageRequest(),
                Order.by(Sort.desc("writtenAt")))).content()));
        try (Stream<ClinicalNote> stream = as("east", () -> notes.streamBySeverity(Severity.URGENT))) {
            assertEquals(2, stream.count());
        }
        try (Stream<ClinicalNote> all = as("west", () -> notes.findAll())) {
            assertEquals(4, all.count());
        }
        assertEquals(4, as("east", () -> notes.findAll(PageRequest.ofSize(3), Order.by(Sort.asc("severity"))))
                .totalElements());
    }

    @Test
    void bulkUpdatesBumpVersionsAndChangeTheClinicsDatabaseOnly() {
        assertEquals(2, as("east", () -> notes.sealAll(Severity.URGENT)));
        ClinicalNote sealed = as("east", () -> notes.findById(IDS.get(3))).orElseThrow();
        assertTrue(sealed.confidential());
        assertEquals(1, sealed.version(), "a bulk update bumps @Version");
        assertEquals(1, as("east", () -> notes.findById(IDS.get(1))).orElseThrow().version());
        assertEquals(0, as("east", () -> notes.findById(IDS.get(0))).orElseThrow().version());
        ClinicalNote westNote = as("west", () -> notes.findById(IDS.get(3))).orElseThrow();
        assertFalse(westNote.confidential());
        assertEquals(0, westNote.version());
        // the copy read before the bulk update is stale
        ClinicalNote stale = rows("east").get(3);
        assertThrows(OptimisticLockingFailureException.class, () -> as("east", () -> notes.update(stale)));

        assertTrue(as("east", () -> notes.retag(IDS.get(3), Tags.of("Cardio", "urgent"))));
        assertEquals(Tags.of("cardio", "urgent"), as("east", () -> notes.findById(IDS.get(3))).orElseThrow().tags());
        assertEquals(null, as("west", () -> notes.findById(IDS.get(3))).orElseThrow().tags());
        assertTrue(as("east", () -> notes.retag(IDS.get(3), null)));
        assertEquals(null, as("east", () -> notes.findById(IDS.get(3))).orElseThrow().tags());
        assertFalse(as("east", () -> notes.retag(UUID.randomUUID(), null)));
    }

    @Test
    void saveInsertsANewNoteAndUpdatesACurrentOne() {
        ClinicalNote fresh = ClinicalNote.of(7, Severity.ROUTINE, Tags.of("new"), "fresh", T0.plusSeconds(600));
        ClinicalNote saved = as("east", () -> notes.save(fresh));
        assertEquals(fresh, saved);
        assertEquals(Optional.empty(), as("west", () -> notes.findById(fresh.id())));
        ClinicalNote edited = new ClinicalNote(saved.id(), 7, Severity.NOTABLE, saved.tags(), "edited", saved.writtenAt(),
                false, saved.version());
        assertEquals(1, as("east", () -> notes.save(edited)).version());
        assertEquals("edited", as("east", () -> notes.findById(fresh.id())).orElseThrow().body());
    }

    @Test
    void saveOfAStaleNoteIsRefused() {
        ClinicalNote current = as("east", () -> notes.findById(IDS.get(0))).orElseThrow();
        ClinicalNote newer = as("east", () -> notes.update(new ClinicalNote(current.id(), current.patientRef(),
                current.severity(), current.tags(), "newer", current.writtenAt(), current.confidential(),
                current.version())));
        assertEquals(1, newer.version());
        assertThrows(OptimisticLockingFailureException.class, () -> as("east", () -> notes.save(current)));
        assertEquals("newer", as("east", () -> notes.findById(IDS.get(0))).orElseThrow().body());
    }

    @Test
    void aRolledBackBulkUpdateChangesNothing() {
        assertThrows(IllegalStateException.class, () -> TenantContext.runAs("east", () -> database.useTransaction(tx -> {
            assertEquals(2, notes.sealAll(Severity.URGENT));
            throw new IllegalStateException("undo");
        })));
        assertEquals(0, as("east", () -> notes.findById(IDS.get(3))).orElseThrow().version());
        assertFalse(as("east", () -> notes.findById(IDS.get(3))).orElseThrow().confidential());
    }

    @Test
    void bulkDeletesCountAndDeleteTheClinicsRowsOnly() {
        assertEquals(2, as("east", () -> notes.deleteBySeverity(Severity.URGENT)));
        assertEquals(0, as("east", () -> notes.deleteBySeverity(Severity.URGENT)));
        assertEquals(2, as("east", () -> notes.findAll()).count());
        assertEquals(4, as("west", () -> notes.findAll()).count());
        assertEquals(2, as("west", () -> notes.countBySeverity(Severity.URGENT)));
    }

    @Test
    void noClinicOrAnUnknownOneFailsBeforeAnySql() {
        List<Runnable> calls = List.of(
                () -> notes.forPatient(7),
                () -> notes.findBySeverityInOrderByWrittenAt(List.of(Severity.URGENT)),
                () -> notes.countBySeverity(Severity.URGENT),
                () -> notes.existsByPatientRefAndConfidentialTrue(7),
                () -> notes.findByTags(Tags.of("x")),
                () -> notes.findByTagsInOrderByWrittenAt(List.of(Tags.of("x"))),
                () -> notes.findByBodyContainsIgnoreCaseOrderByWrittenAt("x"),
                () -> notes.findByWrittenAtBetweenOrderByWrittenAtDesc(T0, T0),
                () -> notes.bySeverity(Severity.URGENT, PageRequest.ofSize(1), Order.by()),
                () -> notes.streamBySeverity(Severity.URGENT),
                () -> notes.summaries(7),
                () -> notes.sealAll(Severity.URGENT),
                () -> notes.retag(IDS.get(0), null),
                () -> notes.deleteBySeverity(Severity.URGENT),
                () -> notes.findById(IDS.get(0)),
                () -> notes.findAll(),
                () -> notes.findAll(PageRequest.ofSize(1), Order.by()),
                () -> notes.deleteById(IDS.get(0)),
                () -> notes.insert(rows("x").get(0)),
                () -> notes.save(rows("x").get(0)));
        for (Runnable call : calls) {
            assertThrows(NoTenantException.class, call::run);
            assertThrows(UnknownTenantException.class, () -> TenantContext.runAs("north", call::run));
        }
        assertEquals(0, east.connectionCount() + west.connectionCount() + control.connectionCount());
        assertEquals(Optional.empty(), as("west", () -> notes.findById(UUID.randomUUID())));
    }
}
