package dev.tenantdao.samples.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantMismatchException;
import dev.tenantdao.runtime.TenantRouting;
import dev.tenantdao.testkit.Postgres;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A seeded random walk of repository calls (finders, counts, exists, pages, streams, projections,
 * bulk updates and deletes, inserts, rolled-back transactions, calls without a clinic and with a
 * second clinic inside a transaction) under three clinics, for each tenancy strategy, checked after
 * every step against an in-memory model of each clinic's rows. The clinics insert the same values,
 * so a result or a count that reached another clinic's rows differs from the model.
 *
 * <p>{@code -Dtenantdao.clinic.fuzz.steps=N} sets the steps per strategy (default 300);
 * {@code -Dtenantdao.clinic.fuzz.seed=N} replays a run.
 */
class ClinicIsolationFuzzTest {

    private static final int STEPS = Integer.getInteger("tenantdao.clinic.fuzz.steps", 300);
    private static final long SEED = Long.getLong("tenantdao.clinic.fuzz.seed", 20261129L);
    private static final List<HikariDataSource> POOLS = new ArrayList<>();

    @AfterAll
    static void closePools() {
        POOLS.forEach(HikariDataSource::close);
    }

    private static DataSource pooled(DataSource dataSource) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource);
        config.setMaximumPoolSize(3);
        HikariDataSource pool = new HikariDataSource(config);
        POOLS.add(pool);
        return pool;
    }

    /** One strategy's walk: a random step under a clinic, and a full check of a clinic against the model. */
    private interface Walk {
        List<String> clinics();

        /** Runs one random operation as {@code clinic} and checks its result; returns what it did. */
        String step(Random random, String clinic);

        /** Checks every row of {@code clinic} against the model. */
        void check(String clinic);
    }

    private static void walk(Walk walk, long seed) {
        Random random = new Random(seed);
        List<String> trail = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            String clinic = walk.clinics().get(random.nextInt(walk.clinics().size()));
            String did = null;
            try {
                did = walk.step(random, clinic);
                trail.add(step + " " + clinic + " " + did);
                walk.check(clinic);
            } catch (AssertionError | RuntimeException e) {
                List<String> last = trail.subList(Math.max(0, trail.size() - 15), trail.size());
                throw new AssertionError("step " + step + " (seed " + seed + ") as " + clinic + ": " + did
                        + " failed: " + e + "\nlast steps:\n  " + String.join("\n  ", last), e);
            }
        }
        for (String clinic : walk.clinics()) {
            walk.check(clinic);
        }
    }

    private static <T> T as(String clinic, TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(clinic, work);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static <T> List<T> subset(Random random, List<T> values) {
        return values.stream().filter(v -> random.nextBoolean()).toList();
    }

    private static <T extends Comparable<? super T>> List<T> sorted(Stream<? extends T> values) {
        List<T> all = new ArrayList<>(values.toList());
        all.sort(Comparator.naturalOrder());
        return all;
    }

    // ==== row: patients on a bigint clinic number, under row-level security ===================================

    /** On a new connection per call (see the pooled variant below for why). */
    @Test
    void rowTenancyUnderRowLevelSecurity() {
        DataSource admin = Postgres.shared().freshSchema("clinic_fuzz_rows");
        Schema.create(admin, Patient.class, Appointment.class);
        DataSource app = Postgres.shared().applicationRole("tenantdao_clinic_fuzz", "clinic_fuzz_rows");
        walk(new PatientWalk(new Database(app)), SEED);
    }

    @Test
    void rowTenancyUnderRowLevelSecurityOnAPool() {
        DataSource admin = Postgres.shared().freshSchema("clinic_fuzz_pooled_rows");
        Schema.create(admin, Patient.class, Appointment.class);
        DataSource app = pooled(Postgres.shared().applicationRole("tenantdao_clinic_fuzz", "clinic_fuzz_pooled_rows"));
        walk(new PatientWalk(new Database(app)), SEED);
    }

    /** A patient as the model keeps it: the phone in its stored form. */
    private record PatientRow(long id, String mrn, String lastName, BloodType bloodType, String phone, LocalDate birthDate,
            boolean active) {

        static PatientRow of(Patient p) {
            return new PatientRow(p.getId(), p.getMrn(), p.getLastName(), p.getBloodType(),
                    p.getPhone() == null ? null : p.getPhone().number(), p.getBirthDate(), p.isActive());
        }

        PatientRow withActive(boolean newActive) {
            return new PatientRow(id, mrn, lastName, bloodType, phone, birthDate, newActive);
        }

        PatientRow withPhone(String newPhone) {
            return new PatientRow(id, mrn, lastName, bloodType, newPhone, birthDate, active);
        }
    }

    private static final class PatientWalk implements Walk {
        private static final List<String> CLINICS = List.of("1001", "1002", "1003");
        private static final List<String> MRNS = List.of("M-0", "M-1", "M-2", "M-3", "M-4");
        private static final List<String> NAMES = List.of("Meier", "Keller", "Huber");
        /** Stored forms; each written in two spellings. */
        private static final List<String> PHONES = List.of("+41790000000", "+41790000001", "+41790000002");

        private final Database database;
        private final Patients patients;
        private final Map<String, Map<Long, PatientRow>> model = new HashMap<>();
        private final List<Long> everyId = new ArrayList<>();

        PatientWalk(Database database) {
            this.database = database;
            this.patients = new PatientsImpl(database);
            CLINICS.forEach(c -> model.put(c, new TreeMap<>()));
        }

        @Override
        public List<String> clinics() {
            return CLINICS;
        }

        private static Phone spelled(Random random, String stored) {
            if (stored == null) {
                return null;
            }
            return new Phone(random.nextBoolean() ? stored : stored.substring(0, 3) + " " + stored.substring(3, 5) + " "
                    + stored.substring(5));
        }

        private Patient newPatient(Random random) {
            Patient patient = new Patient(pick(random, MRNS), pick(random, NAMES), "F" + random.nextInt(3),
                    random.nextInt(5) == 0 ? null : LocalDate.of(1940 + random.nextInt(80), 1 + random.nextInt(12), 1),
                    pick(random, Arrays.asList(BloodType.values())),
                    random.nextInt(4) == 0 ? null : spelled(random, pick(random, PHONES)));
            patient.setActive(random.nextInt(4) != 0);
            return patient;
        }

        private List<Long> ids(String clinic, Predicate<PatientRow> which) {
            return model.get(clinic).values().stream().filter(which).map(PatientRow::id).sorted().toList();
        }

        private static List<Long> ids(List<Patient> found) {
            return found.stream().map(Patient::getId).sorted().toList();
        }

        @Override
        public String step(Random random, String clinic) {
            Map<Long, PatientRow> rows = model.get(clinic);
            int op = random.nextInt(20);
            switch (op) {
                case 0, 1, 2 -> {
                    if (random.nextBoolean()) {
                        Patient stored = as(clinic, () -> patients.insert(newPatient(random)));
                        assertEquals(Long.valueOf(clinic), stored.getClinicNo());
                        rows.put(stored.getId(), PatientRow.of(stored));
                        everyId.add(stored.getId());
                        return "insert " + stored;
                    }
                    List<Patient> stored = as(clinic, () -> patients.insertAll(List.of(newPatient(random),
                            newPatient(random))));
                    stored.forEach(p -> {
                        rows.put(p.getId(), PatientRow.of(p));
                        everyId.add(p.getId());
                    });
                    return "insertAll " + stored;
                }
                case 3 -> {
                    List<BloodType> types = subset(random, Arrays.asList(BloodType.values()));
                    assertEquals(ids(clinic, r -> types.contains(r.bloodType())),
                            ids(as(clinic, () -> patients.findByBloodTypeInOrderByMrn(types))));
                    return "findByBloodTypeIn " + types;
                }
                case 4 -> {
                    BloodType type = pick(random, Arrays.asList(BloodType.values()));
                    assertEquals(ids(clinic, r -> r.bloodType() == type).size(),
                            as(clinic, () -> patients.countByBloodType(type)));
                    assertEquals(ids(clinic, r -> !r.active()).size(), as(clinic, () -> patients.countByActiveFalse()));
                    return "countByBloodType " + type + ", countByActiveFalse";
                }
                case 5 -> {
                    String mrn = pick(random, MRNS);
                    assertEquals(!ids(clinic, r -> r.mrn().equals(mrn)).isEmpty(), as(clinic, () -> patients.existsByMrn(mrn)));
                    return "existsByMrn " + mrn;
                }
                case 6 -> {
                    List<String> stored = new ArrayList<>(subset(random, PHONES));
                    List<Phone> phones = new ArrayList<>(stored.stream().map(p -> spelled(random, p)).toList());
                    if (random.nextBoolean()) {
                        phones.add(null);
                    }
                    assertEquals(ids(clinic, r -> stored.contains(r.phone())),
                            ids(as(clinic, () -> patients.findByPhoneInOrderByMrn(phones))));
                    String one = random.nextInt(4) == 0 ? null : pick(random, PHONES);
                    assertEquals(ids(clinic, r -> one != null && one.equals(r.phone())),
                            ids(as(clinic, () -> patients.findByPhone(spelled(random, one)))));
                    return "findByPhoneIn " + phones + ", findByPhone " + one;
                }
                case 7 -> {
                    boolean active = random.nextBoolean();
                    int size = 1 + random.nextInt(3);
                    int page = 1 + random.nextInt(3);
                    List<PatientRow> all = rows.values().stream().filter(r -> r.active() == active)
                            .sorted(Comparator.comparing(PatientRow::mrn).thenComparing(PatientRow::id)).toList();
                    List<Long> expected = all.stream().skip((long) (page - 1) * size).limit(size).map(PatientRow::id)
                            .toList();
                    Page<Patient> found = as(clinic, () -> patients.active(active, PageRequest.ofPage(page, size, true),
                            Order.by(Sort.asc("mrn"))));
                    assertEquals(expected, found.content().stream().map(Patient::getId).toList());
                    assertEquals(all.size(), found.totalElements());
                    assertTrue(found.content().stream().allMatch(p -> p.getDisplayName() != null), "the after-load hook");
                    return "page active=" + active + " " + page + "x" + size;
                }
                case 8 -> {
                    BloodType type = pick(random, Arrays.asList(BloodType.values()));
                    try (Stream<Patient> stream = as(clinic, () -> patients.streamByBloodType(type))) {
                        assertEquals(ids(clinic, r -> r.bloodType() == type), sorted(stream.<Long>map(Patient::getId)));
                    }
                    return "streamByBloodType " + type;
                }
                case 9 -> {
                    List<String> expected = rows.values().stream().filter(PatientRow::active)
                            .map(r -> r.mrn() + "/" + r.lastName()).sorted().toList();
                    assertEquals(expected, sorted(as(clinic, () -> patients.charts()).stream()
                            .<String>map(c -> c.mrn() + "/" + c.lastName())));
                    return "charts";
                }
                case 10 -> {
                    if (everyId.isEmpty()) {
                        return "nothing to find";
                    }
                    long id = pick(random, everyId);
                    Optional<Patient> found = as(clinic, () -> patients.findById(id));
                    assertEquals(Optional.ofNullable(rows.get(id)), found.map(PatientRow::of));
                    found.ifPresent(p -> assertTrue(p.getDisplayName() != null, "the after-load hook"));
                    return "findById " + id;
                }
                case 11 -> {
                    LocalDate cutoff = LocalDate.of(1940 + random.nextInt(90), 6, 1);
                    List<Long> matched = ids(clinic, r -> r.birthDate() != null && r.birthDate().isBefore(cutoff));
                    assertEquals(matched.size(), as(clinic, () -> patients.deactivateBornBefore(cutoff)));
                    matched.forEach(id -> rows.put(id, rows.get(id).withActive(false)));
                    return "deactivateBornBefore " + cutoff + " -> " + matched.size();
                }
                case 12 -> {
                    String mrn = pick(random, MRNS);
                    String phone = random.nextInt(4) == 0 ? null : pick(random, PHONES);
                    List<Long> matched = ids(clinic, r -> r.mrn().equals(mrn));
                    assertEquals(!matched.isEmpty(), as(clinic, () -> patients.changePhone(mrn, spelled(random, phone))));
                    matched.forEach(id -> rows.put(id, rows.get(id).withPhone(phone)));
                    return "changePhone " + mrn + " " + phone + " -> " + matched.size();
                }
                case 13 -> {
                    if (random.nextInt(3) != 0) {
                        return "(spared the inactive)";
                    }
                    List<Long> matched = ids(clinic, r -> !r.active());
                    assertEquals(matched.size(), as(clinic, () -> patients.deleteByActiveFalse()));
                    matched.forEach(rows::remove);
                    return "deleteByActiveFalse -> " + matched.size();
                }
                case 14 -> {
                    String mrn = pick(random, MRNS);
                    List<Long> matched = ids(clinic, r -> r.mrn().equals(mrn));
                    assertEquals(matched.size(), as(clinic, () -> patients.discharge(mrn)));
                    matched.forEach(rows::remove);
                    return "discharge " + mrn + " -> " + matched.size();
                }
                case 15 -> {
                    if (everyId.isEmpty()) {
                        return "nothing to delete";
                    }
                    long id = pick(random, everyId);
                    TenantContext.runAs(clinic, () -> patients.deleteById(id));
                    rows.remove(id);
                    return "deleteById " + id;
                }
                case 16 -> {
                    assertThrows(IllegalStateException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                patients.deactivateBornBefore(LocalDate.MAX);
                                patients.changePhone(pick(random, MRNS), null);
                                patients.discharge(pick(random, MRNS));
                                throw new IllegalStateException("rolled back");
                            })));
                    return "rolled back: deactivate all, change a phone, discharge";
                }
                case 17 -> {
                    String other = pick(random, CLINICS.stream().filter(c -> !c.equals(clinic)).toList());
                    assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                patients.countByActiveFalse();
                                TenantContext.runAs(other, () -> patients.deactivateBornBefore(LocalDate.MAX));
                            })));
                    return "a transaction of " + clinic + " refused " + other;
                }
                case 18 -> {
                    List<Runnable> calls = List.of(() -> patients.countByActiveFalse(),
                            () -> patients.deactivateBornBefore(LocalDate.MAX), () -> patients.deleteByActiveFalse(),
                            () -> patients.streamByBloodType(BloodType.A), () -> patients.charts(),
                            () -> patients.active(true, PageRequest.ofSize(5), Order.by()));
                    assertThrows(NoTenantException.class, pick(random, calls)::run);
                    return "no clinic";
                }
                default -> {
                    BloodType type = pick(random, Arrays.asList(BloodType.values()));
                    assertEquals(ids(clinic, r -> r.bloodType() != type && r.birthDate() != null),
                            ids(as(clinic, () -> patients.findByBirthDateNotNullAndBloodTypeNotOrderByMrn(type))));
                    return "findByBirthDateNotNullAndBloodTypeNot " + type;
                }
            }
        }

        @Override
        public void check(String clinic) {
            try (Stream<Patient> all = as(clinic, () -> patients.findAll())) {
                Map<Long, PatientRow> found = all.collect(Collectors.toMap(Patient::getId, PatientRow::of, (a, b) -> a,
                        TreeMap::new));
                assertEquals(model.get(clinic), found, "the rows of clinic " + clinic);
            }
        }
    }

    // ==== schema: medications and procedures, one audited table per clinic's schema ========================

    @Test
    void schemaTenancyWithAnAuditedSingleTableHierarchy() {
        DataSource shared = Postgres.shared().freshSchema("clinic_fuzz_shared");
        Database database = Database.builder(pooled(shared)).schemaMapping(clinic -> "clinic_fuzz_" + clinic).build();
        for (String clinic : TreatmentWalk.CLINICS) {
            Postgres.shared().dropSchema("clinic_fuzz_" + clinic);
            database.createTenant(clinic, StaffMember.class, Treatment.class);
        }
        walk(new TreatmentWalk(database, shared), SEED + 1);
    }

    private record MedicationRow(long id, long patientRef, String drug, int doseMg, Route route) {
        static MedicationRow of(Medication m) {
            return new MedicationRow(m.id(), m.patientRef(), m.drug(), m.doseMg(), m.route());
        }
    }

    private record ProcedureRow(long id, long patientRef, String notes) {}

    private static final class TreatmentWalk implements Walk {
        static final List<String> CLINICS = List.of("alpha", "beta", "gamma");
        private static final List<String> DRUGS = List.of("Ibuprofen", "ibuprofen", "Paracetamol", "Aspirin");
        private static final List<Long> PATIENTS = List.of(1L, 2L, 3L);

        private final Database database;
        private final DataSource admin;
        private final Medications medications;
        private final Procedures procedures;
        private final Map<String, Map<Long, MedicationRow>> model = new HashMap<>();
        private final Map<String, Map<Long, ProcedureRow>> procedureModel = new HashMap<>();
        private final Map<String, Long> history = new HashMap<>();
        private final List<Long> everyId = new ArrayList<>();

        TreatmentWalk(Database database, DataSource admin) {
            this.database = database;
            this.admin = admin;
            this.medications = new MedicationsImpl(database);
            this.procedures = new ProceduresImpl(database);
            for (String clinic : CLINICS) {
                model.put(clinic, new TreeMap<>());
                procedureModel.put(clinic, new TreeMap<>());
                history.put(clinic, 0L);
            }
        }

        @Override
        public List<String> clinics() {
            return CLINICS;
        }

        private List<Long> ids(String clinic, Predicate<MedicationRow> which) {
            return model.get(clinic).values().stream().filter(which).map(MedicationRow::id).sorted().toList();
        }

        private static List<Long> ids(List<Medication> found) {
            return found.stream().map(Medication::id).sorted().toList();
        }

        private void recorded(String clinic, long rows) {
            history.merge(clinic, rows, Long::sum);
        }

        @Override
        public String step(Random random, String clinic) {
            Map<Long, MedicationRow> rows = model.get(clinic);
            Map<Long, ProcedureRow> procs = procedureModel.get(clinic);
            int op = random.nextInt(18);
            switch (op) {
                case 0, 1, 2 -> {
                    Medication stored = as(clinic, () -> medications.insert(new Medication(pick(random, PATIENTS),
                            LocalDate.of(2026, 1, 1), null, pick(random, DRUGS), 100 * (1 + random.nextInt(5)),
                            pick(random, Arrays.asList(Route.values())))));
                    rows.put(stored.id(), MedicationRow.of(stored));
                    everyId.add(stored.id());
                    recorded(clinic, 1);
                    return "insert " + stored;
                }
                case 3 -> {
                    Procedure stored = as(clinic, () -> procedures.save(new Procedure(pick(random, PATIENTS),
                            LocalDate.of(2026, 1, 1), random.nextBoolean() ? null : "n", "ECG", null)));
                    procs.put(stored.id(), new ProcedureRow(stored.id(), stored.patientRef(), stored.notes()));
                    everyId.add(stored.id());
                    recorded(clinic, 1);
                    return "insert " + stored;
                }
                case 4 -> {
                    long ref = pick(random, PATIENTS);
                    assertEquals(ids(clinic, r -> r.patientRef() == ref), as(clinic, () -> medications.forPatient(ref))
                            .stream().map(Medication::id).toList());
                    assertEquals(ids(clinic, r -> r.patientRef() == ref).size(),
                            as(clinic, () -> medications.countByPatientRef(ref)));
                    assertEquals(procs.values().stream().filter(p -> p.patientRef() == ref).count(),
                            as(clinic, () -> procedures.countByPatientRef(ref)));
                    return "forPatient, countByPatientRef " + ref;
                }
                case 5 -> {
                    String drug = pick(random, DRUGS);
                    assertEquals(ids(clinic, r -> r.drug().equalsIgnoreCase(drug)),
                            ids(as(clinic, () -> medications.findByDrugIgnoreCaseOrderById(drug.toUpperCase(Locale.ROOT)))));
                    assertEquals(!ids(clinic, r -> r.drug().equals(drug)).isEmpty(),
                            as(clinic, () -> medications.existsByDrug(drug)));
                    return "findByDrugIgnoreCase, existsByDrug " + drug;
                }
                case 6 -> {
                    List<Route> routes = subset(random, Arrays.asList(Route.values()));
                    assertEquals(ids(clinic, r -> routes.contains(r.route())),
                            ids(as(clinic, () -> medications.findByRouteInOrderById(routes))));
                    return "findByRouteIn " + routes;
                }
                case 7 -> {
                    int low = 100 * random.nextInt(8);
                    int high = low + 100 * random.nextInt(8);
                    assertEquals(ids(clinic, r -> r.doseMg() >= low && r.doseMg() <= high),
                            ids(as(clinic, () -> medications.findByDoseMgBetweenOrderByDoseMgDesc(low, high))));
                    return "findByDoseMgBetween " + low + " " + high;
                }
                case 8 -> {
                    Route route = pick(random, Arrays.asList(Route.values()));
                    int size = 1 + random.nextInt(3);
                    int page = 1 + random.nextInt(3);
                    List<Long> all = ids(clinic, r -> r.route() == route);
                    Page<Medication> found = as(clinic, () -> medications.byRoute(route, PageRequest.ofPage(page, size,
                            true)));
                    assertEquals(all.stream().skip((long) (page - 1) * size).limit(size).toList(),
                            found.content().stream().map(Medication::id).toList());
                    assertEquals(all.size(), found.totalElements());
                    return "page byRoute " + route + " " + page + "x" + size;
                }
                case 9 -> {
                    long ref = pick(random, PATIENTS);
                    try (Stream<Medication> stream = as(clinic, () -> medications.streamByPatientRef(ref))) {
                        assertEquals(ids(clinic, r -> r.patientRef() == ref), sorted(stream.<Long>map(Medication::id)));
                    }
                    assertEquals(sorted(rows.values().stream().filter(r -> r.patientRef() == ref)
                                    .<String>map(r -> r.drug() + "/" + r.doseMg())),
                            sorted(as(clinic, () -> medications.doses(ref)).stream()
                                    .<String>map(d -> d.drug() + "/" + d.doseMg())));
                    return "streamByPatientRef, doses " + ref;
                }
                case 10 -> {
                    String drug = pick(random, DRUGS);
                    List<Long> matched = ids(clinic, r -> r.drug().equals(drug));
                    if (matched.stream().anyMatch(id -> rows.get(id).doseMg() > 1_000_000)) {
                        return "(dose of " + drug + " high enough)";
                    }
                    assertEquals(matched.size(), as(clinic, () -> medications.doubleDose(drug)));
                    matched.forEach(id -> {
                        MedicationRow r = rows.get(id);
                        rows.put(id, new MedicationRow(id, r.patientRef(), r.drug(), r.doseMg() * 2, r.route()));
                    });
                    recorded(clinic, matched.size());
                    return "doubleDose " + drug + " -> " + matched.size();
                }
                case 11 -> {
                    long ref = pick(random, PATIENTS);
                    List<Long> matched = ids(clinic, r -> r.patientRef() == ref);
                    assertEquals(matched.size(), as(clinic, () -> medications.deleteByPatientRef(ref)));
                    matched.forEach(rows::remove);
                    recorded(clinic, matched.size());
                    return "medications.deleteByPatientRef " + ref + " -> " + matched.size();
                }
                case 12 -> {
                    long ref = pick(random, PATIENTS);
                    String notes = random.nextBoolean() ? "seen" : "n";
                    List<ProcedureRow> matched = procs.values().stream().filter(p -> p.patientRef() == ref).toList();
                    assertEquals(matched.size(), as(clinic, () -> procedures.annotate(ref, notes)));
                    long changed = matched.stream().filter(p -> !notes.equals(p.notes())).count();
                    matched.forEach(p -> procs.put(p.id(), new ProcedureRow(p.id(), ref, notes)));
                    recorded(clinic, changed);
                    return "procedures.annotate " + ref + " " + notes + " -> " + matched.size() + ", " + changed
                            + " changed";
                }
                case 13 -> {
                    if (everyId.isEmpty()) {
                        return "nothing to find";
                    }
                    long id = pick(random, everyId);
                    assertEquals(Optional.ofNullable(rows.get(id)),
                            as(clinic, () -> medications.findById(id)).map(MedicationRow::of));
                    return "findById " + id;
                }
                case 14 -> {
                    assertThrows(IllegalStateException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                medications.doubleDose(pick(random, DRUGS));
                                medications.deleteByPatientRef(pick(random, PATIENTS));
                                procedures.annotate(pick(random, PATIENTS), "rolled back");
                                throw new IllegalStateException("rolled back");
                            })));
                    return "rolled back: doubleDose, deleteByPatientRef, annotate";
                }
                case 15 -> {
                    String other = pick(random, CLINICS.stream().filter(c -> !c.equals(clinic)).toList());
                    assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                medications.countByPatientRef(1);
                                TenantContext.runAs(other, () -> medications.deleteByPatientRef(1));
                            })));
                    return "a transaction of " + clinic + " refused " + other;
                }
                case 16 -> {
                    List<Runnable> calls = List.of(() -> medications.countByPatientRef(1),
                            () -> medications.doubleDose("Aspirin"), () -> medications.deleteByPatientRef(1),
                            () -> medications.streamByPatientRef(1), () -> procedures.annotate(1, "x"),
                            () -> medications.byRoute(Route.ORAL, PageRequest.ofSize(1)));
                    assertThrows(NoTenantException.class, pick(random, calls)::run);
                    return "no clinic";
                }
                default -> {
                    long ref = pick(random, PATIENTS);
                    List<Long> matched = procs.values().stream().filter(p -> p.patientRef() == ref)
                            .map(ProcedureRow::id).toList();
                    assertEquals(matched.size(), as(clinic, () -> procedures.deleteByPatientRef(ref)));
                    matched.forEach(procs::remove);
                    recorded(clinic, matched.size());
                    return "procedures.deleteByPatientRef " + ref + " -> " + matched.size();
                }
            }
        }

        @Override
        public void check(String clinic) {
            try (Stream<Medication> all = as(clinic, () -> medications.findAll())) {
                assertEquals(model.get(clinic), all.collect(Collectors.toMap(Medication::id, MedicationRow::of,
                        (a, b) -> a, TreeMap::new)), "the medications of clinic " + clinic);
            }
            try (Stream<Procedure> all = as(clinic, () -> procedures.findAll())) {
                assertEquals(procedureModel.get(clinic), all.collect(Collectors.toMap(Procedure::id,
                        p -> new ProcedureRow(p.id(), p.patientRef(), p.notes()), (a, b) -> a, TreeMap::new)),
                        "the procedures of clinic " + clinic);
            }
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT count(*) FROM clinic_fuzz_" + clinic
                            + ".treatment_history")) {
                count.next();
                assertEquals(history.get(clinic).longValue(), count.getLong(1), "history rows of clinic " + clinic);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ==== database: clinical notes, one database per clinic ================================================

    @Test
    void databaseTenancy() {
        Map<String, DataSource> databases = new LinkedHashMap<>();
        for (String clinic : NoteWalk.CLINICS) {
            databases.put(clinic, pooled(Postgres.shared().freshDatabase("tenantdao_clinic_fuzz_" + clinic)));
        }
        DataSource control = pooled(Postgres.shared().freshSchema("clinic_fuzz_control"));
        Database database = Database.builder(control).routing(TenantRouting.of(databases)).build();
        for (String clinic : NoteWalk.CLINICS) {
            database.createTenant(clinic, ClinicalNote.class);
        }
        walk(new NoteWalk(database), SEED + 2);
    }

    private static final class NoteWalk implements Walk {
        static final List<String> CLINICS = List.of("red", "green", "blue");
        private static final List<Tags> TAGS = List.of(Tags.of("allergy"), Tags.of("allergy", "follow-up"),
                Tags.of("cardio"));
        private static final List<Long> PATIENTS = List.of(1L, 2L, 3L);

        private final Database database;
        private final ClinicalNotes notes;
        private final Map<String, Map<UUID, ClinicalNote>> model = new HashMap<>();
        private final List<ClinicalNote> everyNote = new ArrayList<>();
        private long clock;

        NoteWalk(Database database) {
            this.database = database;
            this.notes = new ClinicalNotesImpl(database);
            CLINICS.forEach(c -> model.put(c, new TreeMap<>()));
        }

        @Override
        public List<String> clinics() {
            return CLINICS;
        }

        /** A tags value written as a user might: another order, other case. */
        private static Tags spelled(Random random, Tags tags) {
            if (tags == null) {
                return null;
            }
            List<String> values = new ArrayList<>(tags.values().stream()
                    .map(v -> random.nextBoolean() ? v.toUpperCase(Locale.ROOT) : v).toList());
            java.util.Collections.reverse(values);
            return new Tags(values);
        }

        private List<UUID> ids(String clinic, Predicate<ClinicalNote> which) {
            return model.get(clinic).values().stream().filter(which).map(ClinicalNote::id).sorted().toList();
        }

        private static List<UUID> ids(List<ClinicalNote> found) {
            return found.stream().map(ClinicalNote::id).sorted().toList();
        }

        private static ClinicalNote with(ClinicalNote n, Tags tags, boolean confidential, int version) {
            return new ClinicalNote(n.id(), n.patientRef(), n.severity(), tags, n.body(), n.writtenAt(), confidential,
                    version);
        }

        @Override
        public String step(Random random, String clinic) {
            Map<UUID, ClinicalNote> rows = model.get(clinic);
            int op = random.nextInt(17);
            switch (op) {
                case 0, 1, 2 -> {
                    // another clinic's note (same id, same values) about half of the time
                    List<ClinicalNote> elsewhere = everyNote.stream().filter(n -> !rows.containsKey(n.id())).toList();
                    ClinicalNote copied = elsewhere.isEmpty() ? null : pick(random, elsewhere);
                    ClinicalNote note = copied != null && random.nextBoolean()
                            ? with(copied, copied.tags(), false, 0)
                            : ClinicalNote.of(pick(random, PATIENTS), pick(random, Arrays.asList(Severity.values())),
                                    random.nextInt(4) == 0 ? null : pick(random, TAGS), "note " + random.nextInt(5),
                                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(++clock));
                    ClinicalNote stored = as(clinic, () -> notes.insert(note));
                    rows.put(stored.id(), stored);
                    everyNote.add(stored);
                    return "insert " + stored;
                }
                case 3 -> {
                    List<Severity> severities = subset(random, Arrays.asList(Severity.values()));
                    assertEquals(ids(clinic, n -> severities.contains(n.severity())),
                            ids(as(clinic, () -> notes.findBySeverityInOrderByWrittenAt(severities))));
                    Severity one = pick(random, Arrays.asList(Severity.values()));
                    assertEquals(ids(clinic, n -> n.severity() == one).size(), as(clinic, () -> notes.countBySeverity(one)));
                    return "findBySeverityIn " + severities + ", countBySeverity " + one;
                }
                case 4 -> {
                    long ref = pick(random, PATIENTS);
                    assertEquals(!ids(clinic, n -> n.patientRef() == ref && n.confidential()).isEmpty(),
                            as(clinic, () -> notes.existsByPatientRefAndConfidentialTrue(ref)));
                    assertEquals(rows.values().stream().filter(n -> n.patientRef() == ref)
                                    .sorted(Comparator.comparing(ClinicalNote::writtenAt))
                                    .map(n -> new ClinicalNotes.Summary(n.id(), n.severity())).toList(),
                            as(clinic, () -> notes.summaries(ref)));
                    return "existsByPatientRefAndConfidentialTrue, summaries " + ref;
                }
                case 5 -> {
                    Tags tags = pick(random, TAGS);
                    assertEquals(ids(clinic, n -> tags.equals(n.tags())),
                            ids(as(clinic, () -> notes.findByTags(spelled(random, tags)))));
                    List<Tags> some = new ArrayList<>(subset(random, TAGS));
                    List<Tags> spelledSome = new ArrayList<>(some.stream().map(t -> spelled(random, t)).toList());
                    if (random.nextBoolean()) {
                        spelledSome.add(null);
                    }
                    assertEquals(ids(clinic, n -> some.contains(n.tags())),
                            ids(as(clinic, () -> notes.findByTagsInOrderByWrittenAt(spelledSome))));
                    return "findByTags " + tags + ", findByTagsIn " + some;
                }
                case 6 -> {
                    Severity severity = pick(random, Arrays.asList(Severity.values()));
                    int size = 1 + random.nextInt(3);
                    int page = 1 + random.nextInt(3);
                    List<UUID> all = rows.values().stream().filter(n -> n.severity() == severity)
                            .sorted(Comparator.comparing(ClinicalNote::writtenAt).reversed()).map(ClinicalNote::id).toList();
                    Page<ClinicalNote> found = as(clinic, () -> notes.bySeverity(severity, PageRequest.ofPage(page, size,
                            true), Order.by(Sort.desc("writtenAt"))));
                    assertEquals(all.stream().skip((long) (page - 1) * size).limit(size).toList(),
                            found.content().stream().map(ClinicalNote::id).toList());
                    assertEquals(all.size(), found.totalElements());
                    return "page bySeverity " + severity + " " + page + "x" + size;
                }
                case 7 -> {
                    Severity severity = pick(random, Arrays.asList(Severity.values()));
                    try (Stream<ClinicalNote> stream = as(clinic, () -> notes.streamBySeverity(severity))) {
                        assertEquals(ids(clinic, n -> n.severity() == severity), sorted(stream.<UUID>map(ClinicalNote::id)));
                    }
                    return "streamBySeverity " + severity;
                }
                case 8 -> {
                    Severity severity = pick(random, Arrays.asList(Severity.values()));
                    List<UUID> matched = ids(clinic, n -> n.severity() == severity);
                    assertEquals(matched.size(), as(clinic, () -> notes.sealAll(severity)));
                    matched.forEach(id -> {
                        ClinicalNote n = rows.get(id);
                        rows.put(id, with(n, n.tags(), true, n.version() + 1));
                    });
                    return "sealAll " + severity + " -> " + matched.size();
                }
                case 9 -> {
                    if (everyNote.isEmpty()) {
                        return "nothing to retag";
                    }
                    UUID id = pick(random, everyNote).id();
                    Tags tags = random.nextInt(4) == 0 ? null : pick(random, TAGS);
                    ClinicalNote mine = rows.get(id);
                    assertEquals(mine != null, as(clinic, () -> notes.retag(id, spelled(random, tags))));
                    if (mine != null) {
                        rows.put(id, with(mine, tags, mine.confidential(), mine.version() + 1));
                    }
                    return "retag " + id + " " + tags;
                }
                case 10 -> {
                    if (random.nextInt(3) != 0) {
                        return "(spared)";
                    }
                    Severity severity = pick(random, Arrays.asList(Severity.values()));
                    List<UUID> matched = ids(clinic, n -> n.severity() == severity);
                    assertEquals(matched.size(), as(clinic, () -> notes.deleteBySeverity(severity)));
                    matched.forEach(rows::remove);
                    return "deleteBySeverity " + severity + " -> " + matched.size();
                }
                case 11, 12 -> {
                    if (everyNote.isEmpty()) {
                        return "nothing to find";
                    }
                    UUID id = pick(random, everyNote).id();
                    assertEquals(Optional.ofNullable(rows.get(id)), as(clinic, () -> notes.findById(id)));
                    return "findById " + id;
                }
                case 13 -> {
                    if (everyNote.isEmpty()) {
                        return "nothing to update";
                    }
                    ClinicalNote any = pick(random, everyNote);
                    ClinicalNote mine = rows.get(any.id());
                    ClinicalNote held = mine != null && random.nextBoolean() ? mine : with(any, any.tags(), false, 0);
                    ClinicalNote edited = new ClinicalNote(held.id(), held.patientRef(), held.severity(), held.tags(),
                            "edited " + random.nextInt(5), held.writtenAt(), held.confidential(), held.version());
                    if (mine != null && mine.version() == held.version()) {
                        ClinicalNote updated = as(clinic, () -> notes.update(edited));
                        assertEquals(new ClinicalNote(edited.id(), edited.patientRef(), edited.severity(), edited.tags(),
                                edited.body(), edited.writtenAt(), edited.confidential(), held.version() + 1), updated);
                        rows.put(updated.id(), updated);
                        return "update " + updated;
                    }
                    assertThrows(OptimisticLockingFailureException.class, () -> as(clinic, () -> notes.update(edited)));
                    return "update refused (another clinic's or stale) " + edited.id();
                }
                case 14 -> {
                    assertThrows(IllegalStateException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                notes.sealAll(pick(random, Arrays.asList(Severity.values())));
                                notes.deleteBySeverity(pick(random, Arrays.asList(Severity.values())));
                                throw new IllegalStateException("rolled back");
                            })));
                    return "rolled back: sealAll, deleteBySeverity";
                }
                case 15 -> {
                    String other = pick(random, CLINICS.stream().filter(c -> !c.equals(clinic)).toList());
                    assertThrows(TenantMismatchException.class, () -> TenantContext.runAs(clinic, () ->
                            database.useTransaction(tx -> {
                                notes.countBySeverity(Severity.URGENT);
                                TenantContext.runAs(other, () -> notes.deleteBySeverity(Severity.URGENT));
                            })));
                    return "a transaction of " + clinic + " refused " + other;
                }
                default -> {
                    List<Runnable> calls = List.of(() -> notes.countBySeverity(Severity.URGENT),
                            () -> notes.sealAll(Severity.URGENT), () -> notes.deleteBySeverity(Severity.URGENT),
                            () -> notes.streamBySeverity(Severity.URGENT), () -> notes.summaries(1),
                            () -> notes.retag(UUID.randomUUID(), null));
                    assertThrows(NoTenantException.class, pick(random, calls)::run);
                    return "no clinic";
                }
            }
        }

        @Override
        public void check(String clinic) {
            try (Stream<ClinicalNote> all = as(clinic, () -> notes.findAll())) {
                assertEquals(model.get(clinic), all.collect(Collectors.toMap(ClinicalNote::id, n -> n, (a, b) -> a,
                        TreeMap::new)), "the notes of clinic " + clinic);
            }
        }
    }
}
