package dev.tenantdao.flyway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.processor.TenantDaoProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** A user's build of one version of their entities, with the schema folder they commit. */
final class Builds {

    private Builds() {}

    static Compilation build(Path dir, List<String> options, String... sources) {
        JavaFileObject[] files = new JavaFileObject[sources.length];
        for (int i = 0; i < sources.length; i++) {
            String name = sources[i].lines().filter(l -> l.startsWith("public ")).findFirst().orElseThrow()
                    .replaceAll("public (record|class|enum) (\\w+).*", "$2");
            files[i] = JavaFileObjects.forSourceString("app." + name, sources[i]);
        }
        List<String> all = new ArrayList<>(options);
        all.add("-Atenantdao.schema.dir=" + dir);
        return Compiler.javac().withProcessors(new TenantDaoProcessor()).withOptions(all).compile(files);
    }

    /** A build that must succeed. */
    static Compilation ok(Path dir, List<String> options, String... sources) {
        Compilation compilation = build(dir, options, sources);
        assertEquals(List.of(), errors(compilation));
        return compilation;
    }

    static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
    }

    static String entity(String body) {
        return "package app;\nimport dev.tenantdao.annotations.*;\n" + body + "\n";
    }

    /** The DDL resource the build wrote for {@code entity}, less its strategy line. */
    static String ddl(Compilation compilation, String entity) {
        try {
            String ddl = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/ddl/app." + entity + ".sql")
                    .orElseThrow().getCharContent(false).toString();
            return ddl.substring(ddl.indexOf('\n') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
