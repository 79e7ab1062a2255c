package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.errors;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every misuse of @Audited, @NotAudited and @Version: message and line. */
class AuditDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";


    @Test
    void auditedEntityCompiles() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Tenanted @Audited(exclude = \"note\")",
                "public record A(@Id long id, String name, @Version long version, String note, @NotAudited Integer views) {}"));
        assertEquals(List.of(), errors(c));
    }

    @Test
    void auditedOnANonEntity() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Audited",
                "public record A(long id) {}"));
        assertDiagnostics(c, "ERROR 3:1: " + Message.AUDITED_NOT_ENTITY.format("A"));
    }

    @Test
    void excludedFieldThatDoesNotExist() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Audited(exclude = {\"name\", \"nmae\"})",
                "public record A(@Id long id, String name) {}"));
        assertDiagnostics(c, "ERROR 3:37: " + Message.EXCLUDED_FIELD_MISSING.format("nmae", "A"));
    }

    @Test
    void excludedPrimitive() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Audited",
                "public record A(@Id long id,",
                "    @NotAudited int views) {}"));
        assertDiagnostics(c, "ERROR 5:21: " + Message.NOT_AUDITED_PRIMITIVE.format("A.views", "int"));
    }

    @Test
    void historyColumnNamesAreReserved() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Audited",
                "public record A(@Id long id,",
                "    String historyVersion) {}"));
        assertDiagnostics(c, "ERROR 5:12: " + Message.HISTORY_COLUMN_RESERVED.format("A.historyVersion", "history_version"));
    }

    @Test
    void aHistoryColumnNamedInColumnIsReportedOnTheName() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity @Audited",
                "public record A(@Id long id,",
                "    @Column(name = \"history_at\") String at) {}"));
        assertDiagnostics(c, "ERROR 5:20: " + Message.HISTORY_COLUMN_RESERVED.format("A.at", "history_at"));
    }

    @Test
    void versionOfAnUnsupportedType() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Version String version) {}"));
        assertDiagnostics(c, "ERROR 5:5: " + Message.VERSION_TYPE.format("A.version", "java.lang.String"));
    }

    @Test
    void twoVersions() {
        Compilation c = compile(source("t.A", "package t;", IMPORTS,
                "@Entity",
                "public record A(@Id long id,",
                "    @Version long version,",
                "    @Version Long revision) {}"));
        assertDiagnostics(c, "ERROR 6:5: " + Message.TWO_VERSIONS.format("A", "version"));
    }
}
