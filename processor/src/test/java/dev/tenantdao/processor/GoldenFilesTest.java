package dev.tenantdao.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated DAOs and DDL of representative entities, compared with golden files character by
 * character. After an intended change, regenerate them with
 * {@code mvn -pl processor test -Dtenantdao.golden.update=true} and review the diff.
 */
class GoldenFilesTest {

    private static Compilation compilation;

    @BeforeAll
    static void compileEntities() {
        compilation = Sources.compile(
                JavaFileObjects.forResource("entities/com/example/billing/Invoice.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Customer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Country.java"),
                JavaFileObjects.forResource("entities/com/example/billing/LedgerEntry.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Payment.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Shipment.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Parcel.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Pallet.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Claim.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Subscription.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Plan.java"),
                JavaFileObjects.forResource("entities/com/example/billing/PlanConverter.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Cents.java"),
                JavaFileObjects.forResource("entities/com/example/billing/CentsConverter.java"),
                JavaFileObjects.forResource("entities/com/example/billing/SubscriptionListener.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Archive.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoices.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Subscriptions.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Offer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/OfferLine.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Shelf.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Offers.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Ticket.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Reading.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Reminder.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Quote.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Benefit.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Voucher.java"));
        assertEquals(java.util.List.of(), Sources.errors(compilation), () -> compilation.diagnostics().toString());
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), () -> compilation.diagnostics().toString());
        assertTrue(compilation.warnings().isEmpty(), () -> "warnings under -Xlint:all: " + compilation.warnings());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvoiceDao", "CustomerDao", "CountryDao", "LedgerEntryDao", "PaymentDao",
            "Payment_CardDao", "ShipmentDao", "ParcelDao", "PalletDao", "ClaimDao", "Claim_DamageDao",
            "Claim_DelayDao", "SubscriptionDao", "ArchiveDao", "InvoicesImpl", "SubscriptionsImpl", "OfferDao",
            "OfferLineDao", "ShelfDao", "OffersImpl", "TicketDao", "ReadingDao", "ReminderDao", "Reminder_DunningDao",
            "Reminder_FinalDunningDao", "Reminder_OtherDao", "QuoteDao", "BenefitDao", "Benefit_LeaveDao",
            "Benefit_SickDao", "VoucherDao"})
    void generatedDao(String dao) throws IOException {
        JavaFileObject generated = compilation.generatedSourceFile("com.example.billing." + dao).orElseThrow();
        assertGolden(dao + ".java", generated.getCharContent(false).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invoice", "Customer", "Country", "LedgerEntry", "Payment", "Shipment", "Claim",
            "Subscription", "Archive", "Offer", "OfferLine", "Shelf", "Ticket", "Reading", "Reminder", "Quote",
            "Benefit", "Voucher"})
    void generatedDdl(String entity) throws IOException {
        Optional<JavaFileObject> ddl = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/tenantdao/ddl/com.example.billing." + entity + ".sql");
        assertGolden(entity + ".sql", ddl.orElseThrow().getCharContent(false).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"InvoiceDao", "CustomerDao", "CountryDao", "LedgerEntryDao", "PaymentDao", "ShipmentDao",
            "PalletDao"})
    void outputIsDeterministic(String dao) throws IOException {
        Compilation again = Sources.compile(
                JavaFileObjects.forResource("entities/com/example/billing/Country.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Customer.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Invoice.java"),
                JavaFileObjects.forResource("entities/com/example/billing/LedgerEntry.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Pallet.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Parcel.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Shipment.java"),
                JavaFileObjects.forResource("entities/com/example/billing/Payment.java"));
        String first = compilation.generatedSourceFile("com.example.billing." + dao).orElseThrow()
                .getCharContent(false).toString();
        String second = again.generatedSourceFile("com.example.billing." + dao).orElseThrow()
                .getCharContent(false).toString();
        assertEquals(first, second);
    }

    @org.junit.jupiter.api.Test
    void theDaoIndexListsEveryGeneratedDaoOnceInNameOrder() throws IOException {
        String index = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tenantdao/daos")
                .orElseThrow().getCharContent(false).toString();
        java.util.List<String> daos = java.util.List.of(index.split("\n"));
        assertEquals(daos.stream().sorted().distinct().toList(), daos);
        assertTrue(daos.containsAll(java.util.List.of("com.example.billing.InvoiceDao", "com.example.billing.PaymentDao",
                "com.example.billing.Payment_CardDao", "com.example.billing.ClaimDao", "com.example.billing.ArchiveDao")),
                index);
        assertTrue(daos.containsAll(java.util.List.of("com.example.billing.InvoicesImpl",
                "com.example.billing.SubscriptionsImpl")), index);
        assertEquals(compilation.generatedSourceFiles().size(), daos.size(), "one line per generated DAO and repository");
    }

    /** {@code actual} equals golden file {@code name} (a path under {@code golden/}), or rewrites it in update mode. */
    static void assertGolden(String name, String actual) throws IOException {
        if (Boolean.getBoolean("tenantdao.golden.update")) {
            Path dir = Path.of(System.getProperty("tenantdao.golden.dir"));
            Files.createDirectories(dir.resolve(name).getParent());
            Files.writeString(dir.resolve(name), actual, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new AssertionError("No golden file golden/" + name
                        + "; create it with -Dtenantdao.golden.update=true");
            }
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
                    "generated " + name + " differs from its golden file");
        }
    }
}
