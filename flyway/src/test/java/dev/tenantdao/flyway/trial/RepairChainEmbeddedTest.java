package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An outsider's trial of {@code @Embedded} in a chain of bicycle repair shops, as its developers build
 * it: the compile errors they meet (message, file, line and column), the generated code under
 * {@code -Xlint:all}, and a Flyway migration adding an embedded value to an audited table holding rows.
 */
class RepairChainEmbeddedTest {

    @TempDir
    Path dir;
    private int builds;

    static final String MONEY = entity("public record Money(BigDecimal amount, String currency) {}");
    static final String REPO = "package lib;\nimport jakarta.data.repository.*;\nimport java.util.List;\nimport java.math.BigDecimal;\n";

    /** A repair whose components start on line 7 (the entity's header is lines 5 and 6). */
    static String repair(String components) {
        return entity("@Entity @Tenanted @Audited @SoftDelete\npublic record Repair(@Id long id, String ticket,\n        "
                + components + ") {}");
    }

    /** A repository whose {@code annotation} (or an empty line) is line 7 and its one method line 8. */
    static String repairs(String annotation, String method) {
        return REPO + "@Repository\npublic interface Repairs {\n    " + annotation + "\n    " + method + "\n}";
    }

    private Compilation build(List<String> options, String... sources) {
        return Trial.build(dir.resolve("build" + ++builds), options, sources);
    }

    /** Each error as file:line:column: message (the message's first line). */
    private List<String> errors(String... sources) {
        return errors(build(List.of(), sources));
    }

    private static List<String> errors(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber() + ":"
                        + d.getColumnNumber() + ": " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
                .toList();
    }

    private static final String WHOLE = "Repair.estimate is an embedded value over several columns, which a query cannot"
            + " compare or sort as a whole; name its components (estimate.amount, estimate.currency)";

    // ---- repositories: a whole value is no attribute

    @Test
    void aWholeValueInJdqlIsAnErrorUnderItsPlaceInTheQuery() {
        assertEquals(List.of("lib/Repairs.java:7:12: Repairs.x: " + WHOLE + " (column 7 of the query)"),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("@Query(\"WHERE estimate = :e\")", "List<Repair> x(Money e);")));
        assertEquals(List.of("lib/Repairs.java:7:12: Repairs.x: " + WHOLE + " (column 10 of the query)"),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("@Query(\"ORDER BY estimate\")", "List<Repair> x();")));
        assertEquals(List.of("lib/Repairs.java:7:12: Repairs.x: " + WHOLE + " (column 19 of the query)"),
                errors(MONEY, repair("@Embedded Money estimate"),
                        repairs("@Query(\"UPDATE Repair SET estimate = :e WHERE id = 1\")", "long x(Money e);")));
    }

    @Test
    void aWholeValueInADerivedNameOrByIsAnErrorOnTheMethod() {
        assertEquals(List.of("lib/Repairs.java:8:18: Repairs.findByEstimate: " + WHOLE),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("", "List<Repair> findByEstimate(Money estimate);")));
        assertEquals(List.of("lib/Repairs.java:8:18: Repairs.findByEstimateAmount: " + WHOLE),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("", "List<Repair> findByEstimateAmount(BigDecimal a);")),
                "without Jakarta Data's underscore, the name is read as the whole value, and the message says what to use");
        assertEquals(List.of("lib/Repairs.java:8:24: Repairs.x: @By: " + WHOLE),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("@Find", "List<Repair> x(@By(\"estimate\") Money e);")));
    }

    @Test
    void aMisspelledComponentInJdqlListsTheComponents() {
        assertEquals(List.of("lib/Repairs.java:7:12: Repairs.x: Repair has no attribute 'estimate.amont' (it has id, ticket,"
                        + " estimate.amount, estimate.currency) (column 7 of the query)"),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("@Query(\"WHERE estimate.amont > 1\")", "List<Repair> x();")));
        assertEquals(List.of("lib/Repairs.java:8:27: Parameter a of Repairs.x has type java.lang.String, but it is used as"
                        + " Repair.estimate.amount, java.math.BigDecimal"),
                errors(MONEY, repair("@Embedded Money estimate"), repairs("@Query(\"WHERE estimate.amount = :a\")", "List<Repair> x(String a);")));
    }

    @Test
    void aMisspelledComponentInADerivedNameIsNamedAsWritten() {
        List<String> errors = errors(MONEY, repair("@Embedded Money estimate"), repairs("", "List<Repair> findByEstimate_Amont(BigDecimal a);"));
        assertEquals(List.of("lib/Repairs.java:8:18: Repairs.findByEstimate_Amont: Repair has no attribute 'estimate.amont' (it has"
                + " id, ticket, estimate.amount, estimate.currency)"), errors);
    }

    @Test
    void aProjectionNamesAComponentByItsColumnInCamelCase() {
        assertEquals(List.of(), errors(MONEY, repair("@Embedded Money estimate"), repairs(
                "@Query(\"SELECT ticket, estimate.amount FROM Repair\")",
                "List<T> x(); record T(String ticket, BigDecimal estimateAmount) {}")));
        assertEquals(List.of("lib/Repairs.java:8:13: Component amount of T matches no attribute of Repair (it has id, ticket,"
                        + " estimate.amount, estimate.currency)"),
                errors(MONEY, repair("@Embedded Money estimate"), repairs(
                        "@Query(\"SELECT ticket, estimate.amount FROM Repair\")",
                        "List<T> x(); record T(String ticket, BigDecimal amount) {}")));
    }

    // ---- entities: misuse is an error on the element to change

    @Test
    void embeddedMisuseIsAnErrorOnTheProperty() {
        assertTrue(errors(MONEY, entity("@Entity @Tenanted\npublic record Repair(@Id @Embedded Money id, String ticket) {}"))
                .contains("lib/Repair.java:6:22: Repair.id cannot be both @Embedded and @Id; an embedded value spans several"
                        + " columns, and the id, the version, the tenant and the vendor are one column each"));
        assertEquals(List.of("lib/Quote.java:5:21: Quote.net is @Embedded inside the embedded value Quote; embedded values"
                        + " cannot be nested: declare its components in Quote instead"),
                errors(MONEY, entity("public record Quote(@Embedded Money net, String note) {}"), repair("@Embedded Quote quote")));
        assertEquals(List.of("lib/Repair.java:7:19: Repair.estimate is @Embedded, one value over several columns, and a"
                        + " converter maps a value to one column: remove @Convert here, or put @Convert on the components of lib.Money"),
                errors(MONEY, entity("public final class MoneyConverter implements dev.tenantdao.runtime.Converter<Money, String> {\n"
                        + " public String toDatabase(Money m) { return null; }\n public Money fromDatabase(String s) { return null; } }"),
                        repair("@Embedded @Convert(MoneyConverter.class) Money estimate")));
        assertEquals(List.of("lib/Repair.java:7:9: @Embedded Repair.dims has type lib.Dims, which the DAO cannot create: add a"
                        + " constructor taking every component (w, h), or a no-argument constructor with setters"),
                errors(entity("public final class Dims {\n  private final Integer w; private final Integer h;\n"
                        + "  public Dims(Integer w) { this.w = w; this.h = 0; }\n  public Integer getW() { return w; }\n"
                        + "  public Integer getH() { return h; }\n}"), repair("@Embedded Dims dims")));
        assertEquals(List.of("lib/Repair.java:7:9: @Embedded Repair.note has type java.lang.String, which is not a record or a"
                        + " class of several values (one column's type needs no @Embedded); embed a record or a class whose fields are the columns"),
                errors(repair("@Embedded String note")));
    }

    @Test
    void embeddedOnTheIdIsOneError() {
        assertEquals(List.of("lib/Repair.java:6:22: Repair.id cannot be both @Embedded and @Id; an embedded value spans several"
                        + " columns, and the id, the version, the tenant and the vendor are one column each"),
                errors(MONEY, entity("@Entity @Tenanted\npublic record Repair(@Id @Embedded Money id, String ticket) {}")));
    }

    @Test
    void columnsCollidingThroughAPrefixAreAnErrorOnTheEmbeddedProperty() {
        assertEquals(List.of(
                "lib/Repair.java:7:35: Repair.charged.amount maps to column estimate_amount, which Repair.estimate.amount already maps;"
                        + " give @Embedded(prefix) another prefix or the component another @Column(name)",
                "lib/Repair.java:7:35: Repair.charged.currency maps to column estimate_currency, which Repair.estimate.currency already"
                        + " maps; give @Embedded(prefix) another prefix or the component another @Column(name)"),
                errors(MONEY, repair("@Embedded Money estimate, @Embedded(prefix = \"estimate_\") Money charged")));
        assertEquals(List.of("lib/Repair.java:7:36: Repair.estimate.amount maps to column estimate_amount, which"
                        + " Repair.estimateAmount already maps; give @Embedded(prefix) another prefix or the component another @Column(name)"),
                errors(MONEY, repair("BigDecimal estimateAmount, @Embedded Money estimate")));
    }

    @Test
    void aPrefixMakingTheTenantColumnIsAnErrorOnTheEmbeddedProperty() {
        // on the prefix's value (column 28), the element to change, rather than the annotation's start the trial expected
        assertEquals(List.of("lib/Repair.java:7:28: Repair.owner.id maps to column tenant_id, the tenant column of Repair;"
                        + " give @Embedded(prefix) another prefix or the component another @Column(name)"),
                errors(entity("public record Ref(String id) {}"), repair("@Embedded(prefix = \"tenant_\") Ref owner")));
    }

    @Test
    void aPrefixMakingTheSoftDeleteColumnIsAnErrorOnTheEmbeddedProperty() {
        assertEquals(List.of("lib/Repair.java:7:28: Repair.when.at maps to column deleted_at, the soft-delete column of Repair;"
                        + " give @Embedded(prefix) another prefix or the component another @Column(name)"),
                errors(entity("public record When(java.time.Instant at) {}"), repair("@Embedded(prefix = \"deleted_\") When when")));
    }

    @Test
    void aPrefixMakingAHistoryColumnIsAnErrorOnTheEmbeddedProperty() {
        assertEquals(List.of("lib/Repair.java:7:28: Repair.op.operation maps to column history_operation, but columns starting"
                        + " with history_ are the history's own in an @Audited entity; give @Embedded(prefix) another prefix or"
                        + " the component another @Column(name)"),
                errors(entity("public record Op(String operation) {}"), repair("@Embedded(prefix = \"history_\") Op op")));
    }

    @Test
    void aValueTypeOnTheClassPathCollidingWithTheTenantColumnIsStillAnError(@TempDir Path classes) {
        Compilation library = build(List.of(), entity("public record Ref(String id) {}"));
        assertEquals(List.of(), errors(library));
        Compilation app = Trial.build(dir.resolve("app"), List.of(), List.of(Trial.classOutput(library, classes).toFile()),
                repair("@Embedded(prefix = \"tenant_\") Ref owner"));
        List<String> errors = errors(app);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).contains("maps to column tenant_id, the tenant column of Repair"), errors::toString);
    }

    @Test
    void entityOnlyAnnotationsInsideAValueAreErrors() {
        assertEquals(List.of("lib/Ref.java:5:19: Ref.code is @Id inside the embedded value Ref; an embedded value has no id of"
                        + " its own: declare it on the entity"),
                errors(entity("public record Ref(@Id String code, String name) {}"), repair("@Embedded Ref ref")));
        assertEquals(List.of("lib/Stamp.java:5:21: Stamp.version is @Version inside the embedded value Stamp; an embedded value"
                        + " has no version of its own: declare it on the entity"),
                errors(entity("public record Stamp(@Version long version, String by) {}"), repair("@Embedded Stamp stamp")));
        assertEquals(List.of("lib/Owner.java:5:21: Owner.tenant is @TenantId inside the embedded value Owner; an embedded value"
                        + " has no tenant of its own: declare it on the entity"),
                errors(entity("public record Owner(@TenantId String tenant, String by) {}"), repair("@Embedded Owner owner")));
    }

    @Test
    void everyErrorForAnUnusableValueTypeHasAPosition() {
        List<String> errors = errors(repair("@Embedded java.time.Duration d"));
        assertEquals(List.of("lib/Repair.java:7:9: @Embedded Repair.d has type java.time.Duration, which the DAO cannot create: add"
                        + " a constructor taking every component (seconds, nanos), or a no-argument constructor with setters",
                "lib/Repair.java:7:9: Repair.d.nanos is private and has no accessor (getNanos(), isNanos() or nanos()); the DAO"
                        + " cannot read it"), errors);
        assertTrue(errors.stream().allMatch(e -> e.startsWith("lib/Repair.java:7:9: ")), errors::toString);
    }

    @Test
    void columnAttributesAnEmbeddedPropertyIgnoresAreErrors() {
        // fixed on main before this trial was merged: an error on the attribute's value (formerly samples' BookingEdgesTest)
        assertEquals(List.of("lib/Repair.java:7:36: @Column(unique) on @Embedded Repair.estimate: an embedded value takes only"
                        + " name (its default prefix) and nullable; declare unique on the components of lib.Money"),
                errors(MONEY, repair("@Embedded @Column(unique = true) Money estimate")));
        assertEquals(List.of("lib/Repair.java:7:39: @Column(updatable) on @Embedded Repair.estimate: an embedded value takes only"
                        + " name (its default prefix) and nullable; declare updatable on the components of lib.Money"),
                errors(MONEY, repair("@Embedded @Column(updatable = false) Money estimate")));
    }

    @Test
    void aValueTypeInAnotherPackageWithPackagePrivateMembersIsAnErrorNotBrokenGeneratedCode() {
        String geo = "package geo;\npublic class Place {\n    String city;\n    String street;\n    public Place() {}\n"
                + "    String getCity() { return city; }\n    void setCity(String city) { this.city = city; }\n"
                + "    String getStreet() { return street; }\n    void setStreet(String street) { this.street = street; }\n}\n";
        Compilation compilation = build(List.of(), geo, repair("@Embedded geo.Place pickup"));
        List<String> errors = errors(compilation);
        assertEquals(List.of("lib/Repair.java:7:9: @Embedded Repair.pickup has type geo.Place, whose Place.getCity() is not public,"
                + " and the DAO of Repair, in package lib, cannot use it: make it public, or move geo.Place into package lib"), errors);
        assertTrue(!errors.isEmpty() && errors.stream().allMatch(e -> e.startsWith("lib/Repair.java:7:") || e.startsWith("geo/Place.java:")),
                errors::toString);
        assertTrue(errors.stream().noneMatch(e -> e.contains("RepairDao")), "no error inside generated code: " + errors);
    }

    // ---- what the build writes

    @Test
    void theDdlNamesEachComponentAndARequiredValueInASingleTableSubtypeIsACheck() {
        List<String> ddl = Trial.ddl(build(List.of(), MONEY, repair("@Embedded @Column(name = \"quote\") Money estimate")));
        assertTrue(ddl.get(0).contains("    quote_amount numeric,\n    quote_currency text,\n"), ddl::toString);
        List<String> parts = Trial.ddl(build(List.of(), MONEY, entity("""
                @Entity @Tenanted @Polymorphic
                public sealed interface Part permits Part.Tyre, Part.Bell {
                    @Id long id();
                    @Subtype("tyre") record Tyre(long id, @Embedded @Column(nullable = false) Money price) implements Part {}
                    @Subtype("bell") record Bell(long id, String tone) implements Part {}
                }""")));
        assertTrue(parts.get(0).contains("    price_amount numeric,\n    price_currency text,\n"), parts::toString);
        assertTrue(parts.get(0).contains("CHECK (type <> 'tyre' OR price_amount IS NOT NULL AND price_currency IS NOT NULL)"), parts::toString);
    }

    @Test
    void aReferenceInsideAValueIncludesTheTenantColumn() {
        List<String> ddl = Trial.ddl(build(List.of(), entity("@Entity @Tenanted public record Supplier(@Id long id, String name) {}"),
                entity("public record SupplierRef(@References(Supplier.class) Long id, String name) {}"),
                repair("@Embedded SupplierRef supplier")));
        assertTrue(ddl.stream().anyMatch(d -> d.contains("FOREIGN KEY (tenant_id, supplier_id) REFERENCES supplier (tenant_id, id)")),
                ddl::toString);
    }

    @Test
    void theGeneratedCodeCompilesWithoutAWarning() {
        Compilation compilation = build(List.of("-Xlint:all,-processing", "-Werror"), MONEY,
                entity("public final class Dims {\n  private int w; private Integer h;\n  public int getW() { return w; }\n"
                        + "  public void setW(int w) { this.w = w; }\n  public Integer getH() { return h; }\n"
                        + "  public void setH(Integer h) { this.h = h; }\n}"),
                repair("@Embedded @Column(nullable = false) Money estimate, @Embedded Money charged, @Embedded Dims dims"),
                repairs("@Query(\"WHERE estimate.amount > :min ORDER BY estimate.amount\")", "List<Repair> x(BigDecimal min);"));
        assertEquals(List.of(), compilation.diagnostics().stream().filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(Locale.ROOT)).toList());
    }

    // ---- a migration adding an embedded value

    static final String REPAIR_1 = entity("""
            @Entity @Tenanted @Audited
            public record Repair(@Id(generated = true) long id, String ticket) {}""");
    static final String REPAIR_2 = entity("""
            @Entity @Tenanted @Audited
            public record Repair(@Id(generated = true) long id, String ticket, @Embedded Money charged) {}""");
    static final String REPAIR_3 = entity("""
            @Entity @Tenanted @Audited
            public record Repair(@Id(generated = true) long id, String ticket, @Embedded @RenamedFrom("charged") Money billed) {}""");

    @Test
    void addingAnEmbeddedValueAddsItsColumnsToTheTableAndItsHistory() throws Exception {
        Evolution e = new Evolution(dir.resolve("evolution"), "trial_repairs_flyway");
        assertEquals("1", e.step(REPAIR_1));
        e.sql("INSERT INTO repair (tenant_id, ticket) VALUES ('north', 'T-1'), ('south', 'T-2')",
                "INSERT INTO repair_history (tenant_id, id, ticket, history_version, history_operation)"
                        + " SELECT tenant_id, id, ticket, 1, 'INSERT' FROM repair");
        Compilation two = e.build(MONEY, REPAIR_2);
        assertEquals("2", e.migrations.migrateShared());
        String migration = e.migration(2);
        assertTrue(migration.contains("charged_amount numeric") && migration.contains("charged_currency text"), migration);
        assertEquals(List.of("T-1||", "T-2||"), e.rows("SELECT concat_ws('|', ticket, coalesce(charged_amount::text, ''),"
                + " coalesce(charged_currency, '')) FROM repair ORDER BY ticket"), "the rows kept, the new value null");
        assertEquals(List.of("charged_amount", "charged_currency"), e.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'trial_repairs_flyway' AND table_name = 'repair_history' AND column_name LIKE 'charged%'"
                + " ORDER BY column_name"));
        assertEquals(List.of(), e.differenceFromFresh(two));
    }

    @Test
    void renamingAnEmbeddedPropertyRenamesEachOfItsColumns() throws Exception {
        Evolution e = new Evolution(dir.resolve("rename"), "trial_repairs_rename");
        assertEquals("1", e.step(MONEY, REPAIR_2));
        e.sql("INSERT INTO repair (tenant_id, ticket, charged_amount, charged_currency) VALUES ('north', 'T-1', 9.50, 'EUR')");
        Compilation three = e.build(MONEY, REPAIR_3);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("T-1|9.50|EUR"), e.rows("SELECT concat_ws('|', ticket, billed_amount, billed_currency) FROM repair"));
        assertEquals(List.of("billed_amount", "billed_currency"), e.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'trial_repairs_rename' AND table_name = 'repair_history'"
                + " AND column_name SIMILAR TO '(billed|charged)%' ORDER BY column_name"), "renamed in the history table too");
        assertEquals(List.of(), e.differenceFromFresh(three));
    }

    static final String MONEY_RENAMED = entity(
            "public record Money(@RenamedFrom(\"amount\") BigDecimal total, String currency) {}");

    @Test
    void renamingAComponentRenamesItsColumnUnderEachPrefix() throws Exception {
        Evolution e = new Evolution(dir.resolve("component"), "trial_repairs_component");
        assertEquals("1", e.step(MONEY, REPAIR_2));
        e.sql("INSERT INTO repair (tenant_id, ticket, charged_amount, charged_currency) VALUES ('north', 'T-1', 9.50, 'EUR')");
        Compilation two = e.build(MONEY_RENAMED, REPAIR_2);
        assertEquals("2", e.migrations.migrateShared());
        String migration = e.migration(2);
        assertTrue(migration.contains("RENAME COLUMN charged_amount TO charged_total"), migration);
        assertEquals(List.of("T-1|9.50|EUR"), e.rows("SELECT concat_ws('|', ticket, charged_total, charged_currency) FROM repair"),
                "the value kept under the prefixed new name");
        assertEquals(List.of(), e.differenceFromFresh(two));
    }

    @Test
    void renamingTheValueAndAComponentAtOnceRenamesFromTheOldPrefixAndTheOldComponent() throws Exception {
        Evolution e = new Evolution(dir.resolve("both"), "trial_repairs_both");
        assertEquals("1", e.step(MONEY, REPAIR_2));
        e.sql("INSERT INTO repair (tenant_id, ticket, charged_amount, charged_currency) VALUES ('north', 'T-1', 9.50, 'EUR')");
        Compilation two = e.build(MONEY_RENAMED, REPAIR_3);
        assertEquals("2", e.migrations.migrateShared());
        assertEquals(List.of("T-1|9.50|EUR"), e.rows("SELECT concat_ws('|', ticket, billed_total, billed_currency) FROM repair"));
        assertEquals(List.of(), e.differenceFromFresh(two));
    }
}
