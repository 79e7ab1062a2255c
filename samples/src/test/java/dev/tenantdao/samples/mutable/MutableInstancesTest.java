package dev.tenantdao.samples.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A class filled through setters or fields is written back into: insert, insertAll, update and
 * upsert fill the caller's instance with the row as stored and return that same instance.
 */
class MutableInstancesTest {

    private static PatientDao patients;

    @BeforeAll
    static void schema() {
        DataSource dataSource = Postgres.shared().freshSchema("mutable_instances");
        Schema.create(dataSource, Patient.class);
        patients = new PatientDao(new Database(dataSource));
    }

    @Test
    void insertFillsTheCallersInstance() {
        Patient patient = new Patient("P-1", "Ada");
        patient.screenNote = "kept";
        Patient stored = TenantContext.callAs("acme", () -> patients.insert(patient));
        assertSame(patient, stored, "the same instance");
        assertNotNull(patient.id, "with the generated id");
        assertNotNull(patient.registeredAt, "and what the database filled in");
        assertEquals(0, patient.version);
        assertEquals("kept", patient.screenNote, "a @Transient field is left as it was");
    }

    @Test
    void insertAllFillsEachInstanceInOrder() {
        Patient first = new Patient("P-2", "Grace");
        Patient second = new Patient("P-3", "Edsger");
        List<Patient> stored = TenantContext.callAs("acme", () -> patients.insertAll(List.of(first, second)));
        assertSame(first, stored.get(0));
        assertSame(second, stored.get(1));
        assertNotNull(first.id);
        assertEquals(first.id + 1, second.id, "ids drawn in list order");
    }

    @Test
    void updateAndUpsertFillTheCallersInstance() {
        Patient patient = TenantContext.callAs("acme", () -> patients.insert(new Patient("P-4", "Barbara")));
        patient.name = "Barbara L.";
        assertSame(patient, TenantContext.callAs("acme", () -> patients.update(patient)));
        assertEquals(1, patient.version, "the new version, so the next update is not stale");
        patient.name = "Barbara Liskov";
        TenantContext.callAs("acme", () -> patients.update(patient));
        assertEquals(2, patient.version);

        Patient again = new Patient("P-4", "B. Liskov");
        assertSame(again, TenantContext.callAs("acme", () -> patients.upsertByCode(again)));
        assertEquals(patient.id, again.id, "the existing row's id");
        assertEquals(3, again.version, "an upsert that updates counts as a change: the version goes up");
        assertThrows(dev.tenantdao.runtime.OptimisticLockException.class,
                () -> TenantContext.callAs("acme", () -> patients.update(patient)), "so the old copy is stale");
        assertEquals("B. Liskov", TenantContext.callAs("acme", () -> patients.findById(patient.id)).orElseThrow().name);
    }
}
