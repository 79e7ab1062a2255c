package dev.tenantdao.samples.payouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.Money;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repositories of a joined hierarchy as the application connects (row-level security on every
 * table): the root's returns each row as its subtype in one query, a subtype's queries its own
 * columns; another tenant's payouts, the same in every column, are never seen.
 */
class HierarchyRepositoriesTest {

    private static RecordingDataSource app;
    private static Payouts payouts;
    private static BankPayouts banks;
    private static PayoutDao dao;
    private String tenant;

    @BeforeAll
    static void schema() {
        DataSource admin = Postgres.shared().freshSchema("payouts_repositories");
        Schema.create(admin, Payout.class);
        app = new RecordingDataSource(Postgres.shared().applicationRole("tenantdao_app", "payouts_repositories"));
        Database database = new Database(app);
        payouts = new PayoutsImpl(database);
        banks = new BankPayoutsImpl(database);
        dao = new PayoutDao(database);
    }

    @BeforeEach
    void twoTenants() {
        tenant = "t-" + UUID.randomUUID();
        for (String each : List.of("o-" + UUID.randomUUID(), tenant)) {
            TenantContext.runAs(each, () -> dao.insertAll(List.of(
                    new CardPayout(Money.of("10.00"), "Ann", "tok_1"),
                    new BankPayout(Money.of("250.00"), "Ann", "DE89370400440532013000", null),
                    new BankPayout(Money.of("99.00"), "Bob", "NL91ABNA0417164300", "ABNANL2A"),
                    new WalletPayout(Money.of("300.00"), "Cyd", "cyd@wallet", 1))));
        }
        app.reset();
    }

    private <T> T as(TenantContext.TenantCallable<T, RuntimeException> work) {
        return TenantContext.callAs(tenant, work);
    }

    @Test
    void theRootsFindersReturnEachRowAsItsSubtypeInOneQuery() {
        List<Payout> anns = as(() -> payouts.toRecipient("Ann"));
        assertEquals(2, anns.size());
        assertInstanceOf(CardPayout.class, anns.get(0));
        assertInstanceOf(BankPayout.class, anns.get(1));
        assertEquals("DE89370400440532013000", ((BankPayout) anns.get(1)).getIban());
        assertEquals(1, app.statements().size(), app.statements().toString());
        assertEquals(2, as(() -> payouts.countByRecipientStartsWith("A")));
    }

    @Test
    void theRootPagesAcrossSubtypesWithConvertedParameters() {
        Page<Payout> page = as(() -> payouts.atLeast(Money.of("99.00"), PageRequest.ofSize(2)));
        assertEquals(List.of(WalletPayout.class, BankPayout.class),
                page.content().stream().map(Object::getClass).toList());
        assertEquals(3, page.totalElements());
        try (Stream<Payout> all = as(() -> payouts.findAll())) {
            assertEquals(4, all.count());
        }
    }

    @Test
    void aSubtypesRepositoryQueriesItsOwnColumns() {
        assertEquals(List.of("DE89370400440532013000"), as(() -> banks.findByBicNullOrderByIban()).stream()
                .map(BankPayout::getIban).toList());
        assertEquals(List.of(), as(() -> banks.inCountry("DE", "Ann")));
        assertEquals(List.of("NL91ABNA0417164300"), as(() -> banks.inCountry("NL", "Ann")).stream()
                .map(BankPayout::getIban).toList());
        BankPayout saved = as(() -> banks.save(new BankPayout(Money.of("1.00"), "Dan", "FR7630006000011234567890189",
                null)));
        assertEquals(2, as(() -> banks.findByBicNullOrderByIban()).size());
        assertEquals(saved.getId(), as(() -> dao.findById(saved.getId())).orElseThrow().getId());
    }

    @Test
    void withoutATenantNothingIsSent() {
        assertThrows(NoTenantException.class, () -> payouts.toRecipient("Ann"));
        assertThrows(NoTenantException.class, () -> payouts.findAll());
        assertThrows(NoTenantException.class, () -> banks.findByBicNullOrderByIban());
        assertEquals(List.of(), app.statements());
    }
}
