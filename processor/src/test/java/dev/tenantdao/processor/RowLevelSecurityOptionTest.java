package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.compile;
import static dev.tenantdao.processor.Sources.compileWithOptions;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Row-level security: on by default, off per entity or for a whole compilation. */
class RowLevelSecurityOptionTest {

    private static final JavaFileObject DEFAULT = source("t.A", "package t;", "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted", "public record A(@Id long id) {}");
    private static final JavaFileObject ON = source("t.B", "package t;", "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted(rowLevelSecurity = true)", "public record B(@Id long id) {}");
    private static final JavaFileObject OFF = source("t.C", "package t;", "import dev.tenantdao.annotations.*;",
            "@Entity @Tenanted(rowLevelSecurity = false)", "public record C(@Id long id) {}");

    private static String ddl(Compilation compilation, String entity) throws IOException {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/t." + entity + ".sql")
                .orElseThrow().getCharContent(false).toString();
    }

    private static String dao(Compilation compilation, String entity) throws IOException {
        return compilation.generatedSourceFile("t." + entity + "Dao").orElseThrow().getCharContent(false).toString();
    }

    @Test
    void onByDefaultOffPerEntity() throws IOException {
        Compilation c = compile(DEFAULT, ON, OFF);
        assertTrue(ddl(c, "A").contains("FORCE ROW LEVEL SECURITY"));
        assertTrue(dao(c, "A").contains("TenantScope.row(\"A\", true)"));
        assertTrue(ddl(c, "B").contains("FORCE ROW LEVEL SECURITY"));
        assertFalse(ddl(c, "C").contains("ROW LEVEL SECURITY"));
        assertTrue(dao(c, "C").contains("TenantScope.row(\"C\", false)"));
    }

    @Test
    void processorOptionTurnsTheDefaultOffAndAnEntityCanStillAskForIt() throws IOException {
        Compilation c = compileWithOptions(List.of("-Atenantdao.rowLevelSecurity=false"), DEFAULT, ON, OFF);
        assertFalse(ddl(c, "A").contains("ROW LEVEL SECURITY"));
        assertTrue(dao(c, "A").contains("TenantScope.row(\"A\", false)"));
        assertTrue(ddl(c, "B").contains("FORCE ROW LEVEL SECURITY"));
        assertFalse(ddl(c, "C").contains("ROW LEVEL SECURITY"));
    }
}
