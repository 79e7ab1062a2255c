package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import org.junit.jupiter.api.Test;

/** Every misuse of @SoftDelete, and native SQL that reads a soft-deleted table: message, line and column. */
class SoftDeleteDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import java.time.*;";
    private static final String DATA_IMPORTS = "import jakarta.data.repository.*; import java.util.*;";

    @Test
    void softDeletedEntityCompiles() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited @SoftDelete(column = \"removed_at\")",
                "public record A(@Id long id, @Column(unique = true) String name,",
                "    @Column(name = \"removed_at\", insertable = false) OffsetDateTime removedAt) {}"));
        assertDiagnostics(c);
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void softDeleteOnANonEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@SoftDelete",
                "public record A(long id) {}"));
        assertDiagnostics(c, "ERROR 3:1: " + Message.SOFT_DELETE_NOT_ENTITY.format("A"));
    }

    @Test
    void softDeleteOnASubtype() {
        Compilation c = compile(source("t.P", "package t;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface P permits P.A, P.B {",
                "    @Id long id();",
                "    @SoftDelete record A(long id) implements P {}",
                "    record B(long id) implements P {}",
                "}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.SOFT_DELETE_ON_SUBTYPE.format("A", "P"));
    }

    @Test
    void columnIsTheTenantColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted",
                "@SoftDelete(column = \"tenant_id\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:22: " + Message.SOFT_DELETE_COLUMN_TAKEN.format("tenant_id", "A", "tenant column"));
    }

    @Test
    void columnIsAHistoryColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Audited",
                "@SoftDelete(column = \"history_deleted\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:22: " + Message.SOFT_DELETE_COLUMN_TAKEN.format("history_deleted", "A",
                "history's own column prefix, history_"));
    }

    @Test
    void columnIsNotAnIdentifier() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "@SoftDelete(column = \"deleted at\")",
                "public record A(@Id long id) {}"));
        assertDiagnostics(c, "ERROR 4:22: " + Message.INVALID_IDENTIFIER.format("deleted at", "column"));
    }

    @Test
    void mappedColumnOfTheWrongType() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @SoftDelete",
                "public record A(@Id long id,",
                "    @Column(name = \"deleted_at\", insertable = false) String deletedAt) {}"));
        assertDiagnostics(c, "ERROR 5:61: " + Message.SOFT_DELETE_COLUMN_TYPE.format("A.deletedAt", "deleted_at", "A",
                "java.lang.String"));
    }

    @Test
    void mappedColumnThatIsWritten() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @SoftDelete",
                "public record A(@Id long id,",
                "    Instant deletedAt) {}"));
        assertDiagnostics(c, "ERROR 5:13: " + Message.SOFT_DELETE_COLUMN_WRITABLE.format("A.deletedAt", "deleted_at", "A"));
    }

    @Test
    void mappedColumnNamedOnTheColumn() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @SoftDelete(column = \"gone\")",
                "public record A(@Id long id,",
                "    @Column(name = \"gone\") Instant goneAt) {}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.SOFT_DELETE_COLUMN_WRITABLE.format("A.goneAt", "gone", "A"));
    }

    private static javax.tools.JavaFileObject ticket() {
        return source("t.Ticket", "package t;", IMPORTS,
                "@Entity @Tenanted @SoftDelete",
                "public record Ticket(@Id long id, String subject) {}");
    }

    @Test
    void nativeSqlReadingDeletedRowsIsAWarning() {
        Compilation c = compile(ticket(), source("t.Tickets", "package t;", DATA_IMPORTS,
                "import dev.tenantdao.annotations.Sql;",
                "@Repository",
                "public interface Tickets extends DataRepository<Ticket, Long> {",
                "    @Sql(\"SELECT count(*) FROM ticket WHERE tenant_id = :tenant\")",
                "    long all();",
                "    @Sql(\"SELECT count(*) FROM ticket WHERE tenant_id = :tenant AND deleted_at IS NULL\")",
                "    long live();",
                "    @Sql(\"SELECT count(*) FROM ticket t WHERE t.tenant_id = :tenant AND t.deleted_at > now() - interval '1 day'\")",
                "    long deletedToday();",
                "}"));
        // a warning: with -Werror (as these tests compile) it stops the build, as the user asked for
        assertDiagnostics(c, "WARNING 6:10: " + Message.SOFT_DELETE_UNFILTERED.format("Tickets.all", "ticket",
                "deleted_at", "deleted_at"), "ERROR -1:-1: warnings found and -Werror specified");
    }
}
