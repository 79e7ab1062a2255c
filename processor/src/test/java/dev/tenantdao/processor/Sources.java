package dev.tenantdao.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
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
        List<String> all = new java.util.ArrayList<>(List.of("-Xlint:all", "-Werror"));
        all.addAll(options);
        return Compiler.javac()
                .withProcessors(new TenantDaoProcessor(), new GeneratedDaoAnnotations())
                .withOptions(all)
                .compile(sources);
    }

    /** A source file {@code name} whose lines are {@code lines}; line numbers count from 1. */
    static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    /** Asserts that {@code compilation} reported exactly {@code expected} errors ({@code "line: message"}), in order. */
    static void assertErrors(Compilation compilation, String... expected) {
        org.junit.jupiter.api.Assertions.assertEquals(List.of(expected), errors(compilation));
    }

    /** Every error of {@code compilation} as {@code "line: message"}, in the order javac reported them. */
    static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }
}
