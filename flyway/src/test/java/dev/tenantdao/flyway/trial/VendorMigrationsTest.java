package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Library.BOOK;
import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vendors inside tenants, as the schema evolves: a new vendor-scoped entity migrates; an existing one cannot gain a vendor by a generated migration. */
class VendorMigrationsTest {

    @TempDir
    Path dir;

    static final String SHELF = entity("""
            @Entity @Tenanted @VendorScoped(column = "branch_id") @Audited
            public record Shelf(@Id(generated = true) long id, @VendorId String branch,
                    @Column(unique = true, nullable = false) String label, @References(Book.class) Long featured) {}""");

    @Test
    void aNewVendorScopedEntityMigratesToWhatItsDdlCreates() throws Exception {
        Evolution e = new Evolution(dir, "trial_vendor_new");
        e.step(BOOK);
        Compilation last = e.build(BOOK, SHELF);
        assertEquals("2", e.migrations.migrateShared());
        String migration = e.migration(2);
        assertTrue(migration.contains("branch_id text NOT NULL") && migration.contains("PRIMARY KEY (tenant_id, branch_id, id)")
                && migration.contains("UNIQUE (tenant_id, id)") && migration.contains("current_setting('tenantdao.tenant_wide', true)"),
                migration);
        assertEquals(List.of(), e.differenceFromFresh(last));
    }

    @Test
    void anExistingEntityGainingAVendorIsACompileErrorNamingTheWayOut() throws Exception {
        Evolution e = new Evolution(dir, "trial_vendor_gained");
        e.step(BOOK);
        Compilation build = Trial.build(dir, List.of(), BOOK.replace("@Entity @Tenanted @Audited",
                "@Entity @Tenanted @VendorScoped @Audited"));
        List<String> errors = Trial.errors(build);
        assertTrue(errors.stream().anyMatch(m -> m.contains("vendor_id") && m.contains("by hand")), errors::toString);
    }
}
