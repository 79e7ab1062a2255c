package dev.tenantdao.processor;

import static dev.tenantdao.processor.Sources.assertDiagnostics;
import static dev.tenantdao.processor.Sources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tenantdao.processor.diagnostic.Message;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Nothing the processor throws reaches javac: a failure while processing one entity becomes an
 * error on that entity, saying it is a tenantdao bug, and every other entity is still processed.
 * The failures are injected through the processor's test hook, which runs first for each entity.
 */
class ProcessorFailureTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*;";

    private static final JavaFileObject A = source("t.A", "package t;", IMPORTS,
            "@Entity",
            "public record A(@Id long id) {}");
    private static final JavaFileObject B = source("t.B", "package t;", IMPORTS,
            "@Entity @Tenanted",
            "public class B {",
            "    @Id public Long id;",
            "}");
    private static final JavaFileObject P = source("t.P", "package t;", IMPORTS,
            "@Entity @Polymorphic",
            "public sealed interface P permits P.X {",
            "    @Id long id();",
            "    record X(long id) implements P {}",
            "}");
    /** Without an id: its error, reported after B's and P's, shows that processing went on. */
    private static final JavaFileObject C = source("t.C", "package t;", IMPORTS,
            "@Entity",
            "public record C(String name) {}");
    private static final String C_HAS_NO_ID = "ERROR 4:8: " + Message.NO_ID.format("C");

    /** Compiles A, B, P and C with {@code failure} thrown when the processor starts on {@code entity}. */
    private static Compilation failingOn(String entity, Supplier<Throwable> failure) {
        TenantDaoProcessor processor = new TenantDaoProcessor(type -> {
            if (type.getSimpleName().contentEquals(entity)) {
                sneakyThrow(failure.get());
            }
        });
        return Sources.compile(processor, List.of(), A, B, P, C);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable failure) throws T {
        throw (T) failure;
    }

    @Test
    void withoutAFailureEverythingButCCompiles() {
        Compilation c = failingOn("nothing", () -> new IllegalStateException());
        assertDiagnostics(c, C_HAS_NO_ID);
    }

    @Test
    void aRuntimeExceptionIsAnErrorOnTheEntity() {
        Compilation c = failingOn("B", () -> new IllegalStateException("no column for id"));
        assertEquals(Compilation.Status.FAILURE, c.status());
        assertDiagnostics(c, "ERROR 4:8: " + Message.PROCESSOR_FAILURE.format("B",
                "java.lang.IllegalStateException: no column for id"), C_HAS_NO_ID);
    }

    @Test
    void errorsOurCodeCanCauseAreReportedToo() {
        for (Throwable failure : List.of(new StackOverflowError(), new AssertionError("unreachable"),
                new NoClassDefFoundError("com/example/Missing"), new java.io.UncheckedIOException(
                        new java.io.IOException("disk full")))) {
            Compilation c = failingOn("B", () -> failure);
            assertEquals(Compilation.Status.FAILURE, c.status());
            assertDiagnostics(c, "ERROR 4:8: " + Message.PROCESSOR_FAILURE.format("B", failure), C_HAS_NO_ID);
        }
    }

    @Test
    void aFailureInAHierarchyIsAnErrorOnItsRoot() {
        Compilation c = failingOn("P", () -> new NullPointerException("subtype"));
        assertDiagnostics(c, "ERROR 4:15: " + Message.PROCESSOR_FAILURE.format("P",
                "java.lang.NullPointerException: subtype"), C_HAS_NO_ID);
    }

    @Test
    void theMessageSaysItIsABugAndNamesTheException() {
        String message = Message.PROCESSOR_FAILURE.format("B", new IllegalStateException("x"));
        assertTrue(message.startsWith("tenantdao bug: processing B failed with java.lang.IllegalStateException: x"),
                message);
    }

    @Test
    void whatSaysTheJvmIsFailingIsNotSwallowed() {
        OutOfMemoryError failure = new OutOfMemoryError("test");
        Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> failingOn("B", () -> failure));
        Throwable cause = thrown;
        while (cause != null && cause != failure) {
            cause = cause.getCause();
        }
        assertEquals(failure, cause, "javac wraps it, but it is the processor's OutOfMemoryError");
    }
}
