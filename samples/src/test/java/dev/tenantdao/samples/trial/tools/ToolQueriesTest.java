package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import jakarta.data.exceptions.EmptyResultException;
import jakarta.data.exceptions.NonUniqueResultException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** More of what the README promises a repository can say, and raw SQL under row-level security. */
@TenantdaoTest(entities = {Member.class, Loan.class})
class ToolQueriesTest {

    private final Database database;
    private final MemberDao members;
    private final LoanDao loans;
    private final Loans desk;
    private final Members people;

    ToolQueriesTest(Database database) {
        this.database = database;
        this.members = new MemberDao(database);
        this.loans = new LoanDao(database);
        this.desk = new LoansImpl(database);
        this.people = new MembersImpl(database);
    }

    private List<Loan> lend(String library) {
        return TenantContext.callAs(library, () -> {
            members.insertAll(List.of(Member.of(1, library + "-1", "Ada", eur("20")).withPhone(new Phone("5550001")),
                    Member.of(2, library + "-2", "Ben", new Money(new BigDecimal("35"), "GBP")),
                    Member.of(3, library + "-3", "Cas", eur("50"))));
            return loans.insertAll(List.of(
                    Loan.lend(1, "DRL-01", LocalDate.of(2026, 3, 1), 7),
                    Loan.lend(1, "SAW-01", LocalDate.of(2026, 3, 5), 7).withStatus(LoanStatus.OVERDUE),
                    Loan.lend(2, "DRL-02", LocalDate.of(2026, 2, 20), 7),
                    Loan.lend(2, "LADDER-9", LocalDate.of(2026, 2, 1), 7),
                    Loan.lend(3, "GLU-01", LocalDate.of(2026, 3, 9), 7).withStatus(LoanStatus.RETURNED)));
        });
    }

    private static List<String> codes(List<Loan> found) {
        return found.stream().map(Loan::toolCode).toList();
    }

    @Test
    void jdqlFunctionsLiteralsAndPositionalParameters() {
        lend("alder");
        lend("beech");
        assertEquals(List.of("DRL-01", "SAW-01", "DRL-02"), TenantContext.callAs("alder", () -> codes(desk.pastDue())),
                "LOCAL DATE, IN of enum constants, NOT, LENGTH; LADDER-9 is too long a code");
        assertEquals(List.of("GLU-01", "SAW-01", "DRL-01"), TenantContext.callAs("alder",
                () -> codes(desk.dueBetween(LocalDate.of(2026, 3, 8), LocalDate.of(2026, 3, 16)))));
        assertEquals(List.of("DRL-01", "DRL-02"), TenantContext.callAs("alder",
                () -> codes(desk.findFirst2ByStatusOrderByDueOnDesc(LoanStatus.OUT))));
        assertEquals("GLU-01", TenantContext.callAs("alder", () -> desk.findByToolCode("GLU-01")).toolCode());
        assertThrows(EmptyResultException.class, () -> TenantContext.callAs("alder", () -> desk.findByToolCode("NONE")));
        TenantContext.runAs("alder", () -> loans.insert(Loan.lend(3, "GLU-01", LocalDate.of(2026, 4, 1), 1)));
        assertThrows(NonUniqueResultException.class, () -> TenantContext.callAs("alder", () -> desk.findByToolCode("GLU-01")));
        assertEquals("GLU-01", TenantContext.callAs("beech", () -> desk.findByToolCode("GLU-01")).toolCode(),
                "beech has one");
    }

    @Test
    void nativeSqlReturnsEntitiesAndBindsThroughTheConverter() {
        lend("cherry");
        lend("damson");
        assertEquals(List.of("Ben", "Cas"), TenantContext.callAs("cherry", () -> people.depositAbove(new BigDecimal("30")))
                .stream().map(Member::name).toList());
        Member ada = TenantContext.callAs("cherry", () -> people.byPhone(new Phone("5550001"))).orElseThrow();
        assertEquals(eur("20"), ada.deposit(), "an entity from native SQL: its embedded deposit");
        assertEquals(new Phone("5550001"), ada.phone(), "and its converted phone");
        assertEquals("cherry", ada.library());
        assertEquals(Optional.empty(), TenantContext.callAs("elder", () -> people.byPhone(new Phone("5550001"))));
        TenantContext.runAs("cherry", () -> members.deleteById(3));
        assertEquals(List.of("Ben"), TenantContext.callAs("cherry", () -> people.depositAbove(new BigDecimal("30")))
                .stream().map(Member::name).toList());
    }

    @Test
    void updatesByAnEmbeddedComponentAndFindsByIt() {
        List<Loan> l = lend("fig");
        assertEquals(1, TenantContext.callAs("fig", () -> desk.chargeLateFee(LoanStatus.OVERDUE, new BigDecimal("3"))));
        assertEquals(List.of("SAW-01"), TenantContext.callAs("fig", () -> codes(desk.withFeeIn("EUR"))));
        assertEquals(List.of(), TenantContext.callAs("fig", () -> desk.withFeeIn("GBP")));
        Loan saw = TenantContext.callAs("fig", () -> loans.findById(l.get(1).id())).orElseThrow();
        assertEquals(new Money(new BigDecimal("3"), "EUR"), saw.lateFee());
    }

    @Test
    void rawSqlInATransactionSeesOnlyTheLibrarysRows() throws SQLException {
        lend("grape");
        lend("hawthorn");
        long seen = TenantContext.callAs("grape", () -> database.inTransaction(tx -> {
            try (Statement statement = tx.connection().createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM tl_loan")) {
                rows.next();
                return rows.getLong(1);
            }
        }));
        assertEquals(5, seen, "README: transactions set the tenant at their start, for SQL of your own");
        long none = database.inTransaction(tx -> {
            try (Statement statement = tx.connection().createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM tl_loan")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        assertEquals(0, none, "no tenant set: no row is visible");
    }
}
