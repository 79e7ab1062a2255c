package dev.tenantdao.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/** Compiles sources with the tenantdao processors, as a user's build would. */
final class Sources {

    private Sources() {}

    static Compilation compile(JavaFileObject... sources) {
        return compileWithOptions(List.of(), sources);
    }

    /** With processor options ({@code -Akey=value}) besides {@code -Xlint:all -Werror}. */
    static Compilation compileWithOptions(List<String> options, JavaFileObject... sources) {
        return compile(new TenantDaoProcessor(), options, sources);
    }

    /** With {@code processor} (a test's) in place of the default tenantdao processor, and any other processors. */
    static Compilation compile(Processor processor, List<String> options, JavaFileObject... sources) {
        return compile(List.of(processor), options, sources);
    }

    /** With {@code processors} (tenantdao's among them) before tenantdao's {@code @Generated} one. */
    static Compilation compile(List<Processor> processors, List<String> options, JavaFileObject... sources) {
        List<String> all = new java.util.ArrayList<>(List.of("-Xlint:all", "-Werror"));
        all.addAll(options);
        List<Processor> withGenerated = new java.util.ArrayList<>(processors);
        withGenerated.add(new GeneratedDaoAnnotations());
        return Compiler.javac()
                .withProcessors(withGenerated)
                .withOptions(all)
                .compile(sources);
    }

    /** A source file {@code name} whose lines are {@code lines}; line numbers count from 1. */
    static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    /**
     * Asserts that {@code compilation} reported exactly {@code expected} ({@code "KIND line:column:
     * message"}, as {@link #diagnostics} gives them), in order.
     */
    static void assertDiagnostics(Compilation compilation, String... expected) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(expected), diagnostics(compilation));
    }

    /**
     * Every diagnostic of {@code compilation} as {@code "KIND line:column: message"} (for example
     * {@code "ERROR 6:5: ..."}; lines and columns count from 1, as an IDE shows them), in the order
     * javac reported them.
     */
    static List<String> diagnostics(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)       // notes inform; VerificationTest asserts them
                .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                        + d.getMessage(Locale.ROOT))
                .toList();
    }

    /** The errors among {@link #diagnostics}. */
    static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getKind() + " " + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                        + d.getMessage(Locale.ROOT))
                .toList();
    }
}
