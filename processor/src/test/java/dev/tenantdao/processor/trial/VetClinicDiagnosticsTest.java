package dev.tenantdao.processor.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tenantdao.processor.GeneratedDaoAnnotations;
import dev.tenantdao.processor.TenantDaoProcessor;
import dev.tenantdao.processor.diagnostic.Message;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An outside trial (a chain of veterinary clinics): misuses a new user of soft delete, embedded values,
 * fallback subtypes and the as-of query would make, each a compile error on the offending element
 * (message, line and column).
 */
class VetClinicDiagnosticsTest {

    private static final String IMPORTS = "import dev.tenantdao.annotations.*; import java.math.*;";
    private static final String DATA = "import jakarta.data.repository.*; import jakarta.data.page.*; import java.time.*;"
            + " import java.util.*;";

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac()
                .withProcessors(new TenantDaoProcessor(), new GeneratedDaoAnnotations())
                .withOptions("-Xlint:all", "-Werror")
                .compile(sources);
    }

    private static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceLines(name, lines);
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
    }

    private static final JavaFileObject FEE = source("vet.Fee", "package vet;", IMPORTS,
            "public record Fee(BigDecimal amount, String currency) {}");

    @Test
    void theRightShapesCompile() {
        Compilation c = compile(FEE, source("vet.Owner", "package vet;", IMPORTS,
                "@Entity @Tenanted @Audited @SoftDelete",
                "public record Owner(@Id long id, @Column(unique = true) String email, @Embedded Fee credit) {}"),
                source("vet.Owners", "package vet;", DATA,
                "@Repository",
                "public interface Owners extends DataRepository<Owner, Long> {",
                "    CursoredPage<Owner> findAllAsOf(Instant at, PageRequest pageRequest);",
                "    List<Owner> findByCredit_Currency(String currency);",
                "}"));
        assertEquals(List.of(), errors(c));
        assertEquals(Compilation.Status.SUCCESS, c.status());
    }

    @Test
    void softDeleteOnATreatmentSubtype() {
        Compilation c = compile(source("vet.Treatment", "package vet;", IMPORTS,
                "@Entity @Tenanted @Polymorphic",
                "public sealed interface Treatment permits Treatment.Surgery, Treatment.Dental {",
                "    @Id long id();",
                "    @SoftDelete record Surgery(long id) implements Treatment {}",
                "    record Dental(long id) implements Treatment {}",
                "}"));
        assertEquals(List.of("6:5: " + Message.SOFT_DELETE_ON_SUBTYPE.format("Surgery", "Treatment")), errors(c));
    }

    @Test
    void aFallbackWithAPrimitiveOwnColumn() {
        Compilation c = compile(source("vet.Treatment", "package vet;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(discriminator = \"kind\")",
                "public sealed interface Treatment permits Treatment.Surgery, Treatment.Other {",
                "    @Id long id();",
                "    record Surgery(long id, String organ) implements Treatment {}",
                "    @Subtype(value = \"other\", fallback = true)",
                "    record Other(long id, int minutes, @Column(name = \"kind\", insertable = false) String kind) implements Treatment {}",
                "}"));
        assertEquals(List.of("8:31: Other.minutes has primitive type int, but a row of a value no subtype claims has none of the"
                + " fallback's own columns (null); use Integer"), errors(c));
    }

    @Test
    void twoFallbacks() {
        Compilation c = compile(source("vet.Treatment", "package vet;", IMPORTS,
                "@Entity @Tenanted @Polymorphic(discriminator = \"kind\")",
                "public sealed interface Treatment permits Treatment.Surgery, Treatment.Other, Treatment.Unknown {",
                "    @Id long id();",
                "    record Surgery(long id, String organ) implements Treatment {}",
                "    @Subtype(value = \"other\", fallback = true)",
                "    record Other(long id) implements Treatment {}",
                "    @Subtype(value = \"unknown\", fallback = true)",
                "    record Unknown(long id) implements Treatment {}",
                "}"));
        assertEquals(List.of("9:44: Unknown is a fallback subtype of Treatment, but Other already is;"
                + " a hierarchy has at most one"), errors(c));
    }

    @Test
    void anEmbeddedId() {
        Compilation c = compile(FEE, source("vet.Owner", "package vet;", IMPORTS,
                "@Entity @Tenanted",
                "public record Owner(@Id @Embedded Fee id, String name) {}"));
        assertEquals(List.of("4:21: Owner.id cannot be both @Embedded and @Id; an embedded value spans several columns, and the id,"
                + " the version, the tenant and the vendor are one column each"), errors(c));
    }

    @Test
    void aDerivedFinderComparingAWholeValue() {
        Compilation c = compile(FEE, source("vet.Owner", "package vet;", IMPORTS,
                "@Entity @Tenanted",
                "public record Owner(@Id long id, @Embedded Fee credit) {}"),
                source("vet.Owners", "package vet;", DATA,
                "@Repository",
                "public interface Owners extends DataRepository<Owner, Long> {",
                "    List<Owner> findByCredit(Fee credit);",
                "}"));
        assertEquals(List.of("5:17: Owners.findByCredit: Owner.credit is an embedded value over several columns, which a query cannot"
                + " compare or sort as a whole; name its components (credit.amount, credit.currency)"), errors(c));
    }

    @Test
    void findAllAsOfOfAnEntityWithoutHistory() {
        Compilation c = compile(source("vet.Owner", "package vet;", IMPORTS,
                "@Entity @Tenanted",
                "public record Owner(@Id long id, String name) {}"),
                source("vet.Owners", "package vet;", DATA,
                "@Repository",
                "public interface Owners extends DataRepository<Owner, Long> {",
                "    CursoredPage<Owner> findAllAsOf(Instant at, PageRequest pageRequest);",
                "}"));
        assertEquals(List.of("5:25: Owners.findAllAsOf reads the history of an @Audited entity, but Owner is not audited"),
                errors(c), "(hierarchies have findAllAsOf now: the message no longer excludes them)");
    }

    @Test
    void findAllAsOfAsAList() {
        Compilation c = compile(source("vet.Owner", "package vet;", IMPORTS,
                "@Entity @Tenanted @Audited",
                "public record Owner(@Id long id, String name) {}"),
                source("vet.Owners", "package vet;", DATA,
                "@Repository",
                "public interface Owners extends DataRepository<Owner, Long> {",
                "    List<Owner> findAllAsOf(Instant at, PageRequest pageRequest);",
                "}"));
        assertEquals(List.of("5:17: Owners.findAllAsOf must be declared CursoredPage<Owner>"
                + " findAllAsOf(Instant at, PageRequest pageRequest)"), errors(c));
    }
}
