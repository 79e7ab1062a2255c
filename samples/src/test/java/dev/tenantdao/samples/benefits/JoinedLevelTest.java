package dev.tenantdao.samples.benefits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An intermediate level in a joined hierarchy ({@link Leave} between {@link Benefit} and
 * {@link SickLeave}, {@link ParentalLeave}), as the application connects: a role that is no
 * superuser and owns nothing, so row-level security applies to every table. Each test works in
 * tenants of its own.
 */
class JoinedLevelTest {

    private static DataSource admin;
    private static DataSource app;
    private static BenefitDao benefits;
    private static LeaveDao leaves;
    private static SickLeaveDao sick;
    private static ParentalLeaveDao parental;
    private static AllowanceDao allowances;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("benefits_joined_level");
        Schema.create(admin, Benefit.class);
        app = Postgres.shared().applicationRole("tenantdao_app", "benefits_joined_level");
        Database database = new Database(app);
        benefits = new BenefitDao(database);
        leaves = new LeaveDao(database);
        sick = new SickLeaveDao(database);
        parental = new ParentalLeaveDao(database);
        allowances = new AllowanceDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("hr", work::get));
    }

    private static String describe(Benefit benefit) {
        String own = benefit instanceof SickLeave s ? s.getDays() + " days"
                : benefit instanceof ParentalLeave p ? "for " + p.getChild()
                : ((Allowance) benefit).getCents() + " cents";
        return benefit.getClass().getSimpleName() + "#" + benefit.getId() + " " + benefit.getHolder() + " " + own;
    }

    private static List<String> describe(List<? extends Benefit> benefits) {
        return benefits.stream().map(JoinedLevelTest::describe).toList();
    }

    @Test
    void eachDaoWritesAndTheLevelsAndTheRootsReadTheirRowsAcrossEveryTable() throws SQLException {
        SickLeave flu = as("reads", () -> sick.insert(new SickLeave("Ann", 3)));
        Leave baby = as("reads", () -> leaves.insert(new ParentalLeave("Bob", "Cy")));
        Benefit lunch = as("reads", () -> benefits.insert(new Allowance("Dee", 1200)));
        assertEquals(List.of(describe(flu), describe(baby)), describe(as("reads", () -> leaves.findAll(10, 0))),
                "the level's rows: its subtypes' only");
        assertEquals(List.of("SickLeave#" + flu.getId() + " Ann 3 days", "ParentalLeave#" + baby.getId() + " Bob for Cy",
                "Allowance#" + lunch.getId() + " Dee 1200 cents"), describe(as("reads", () -> benefits.findAll(10, 0))));
        assertEquals(List.of(describe(baby)), describe(as("reads", () -> leaves.findAllAfter(flu.getId(), 10))));
        assertEquals(describe(baby), describe(as("reads", () -> leaves.findById(baby.getId())).orElseThrow()));
        assertEquals(describe(baby), describe(as("reads", () -> parental.findById(baby.getId())).orElseThrow()));
        assertTrue(as("reads", () -> leaves.findById(lunch.getId())).isEmpty(), "an allowance is no leave");
        assertFalse(as("reads", () -> leaves.existsById(lunch.getId())));
        assertTrue(as("reads", () -> sick.findById(baby.getId())).isEmpty());
        assertEquals(2, as("reads", () -> leaves.count()));
        assertEquals(3, as("reads", () -> benefits.count()));
        assertEquals(1, count("SELECT count(*) FROM parental_leave WHERE tenant_id = 'reads' AND child = 'Cy'"));
        assertEquals(1, count("SELECT count(*) FROM allowance WHERE tenant_id = 'reads' AND cents = 1200"));
    }

    @Test
    void theLevelHandsUpdatesAndDeletesToTheSubtypesDaoAndDeletesCascade() throws SQLException {
        List<Leave> batch = as("writes", () -> leaves.insertAll(List.of(new SickLeave("Eve", 1),
                new ParentalLeave("Fay", "Gus"))));
        Benefit lunch = as("writes", () -> allowances.insert(new Allowance("Hal", 900)));
        SickLeave flu = (SickLeave) batch.get(0);
        flu.setDays(5);
        flu.setHolder("Eve L.");
        assertEquals("SickLeave#" + flu.getId() + " Eve L. 5 days", describe(as("writes", () -> leaves.update(flu))));
        assertEquals(1, count("SELECT count(*) FROM sick_leave s JOIN benefit b ON b.tenant_id = s.tenant_id"
                + " AND b.id = s.id WHERE s.tenant_id = 'writes' AND s.days = 5 AND b.holder = 'Eve L.'"),
                "both tables, one statement");
        assertFalse(as("writes", () -> leaves.deleteById(lunch.getId())), "the level deletes its own rows only");
        as("writes", () -> {
            leaves.delete(batch.get(1));
            return null;
        });
        assertEquals(0, count("SELECT count(*) FROM parental_leave WHERE tenant_id = 'writes'"));
        assertTrue(as("writes", () -> benefits.deleteById(flu.getId())));
        assertEquals(0, count("SELECT count(*) FROM sick_leave WHERE tenant_id = 'writes'"), "ON DELETE CASCADE");
        assertEquals(List.of(describe(lunch)), describe(as("writes", () -> benefits.findAll(10, 0))));
        assertEquals(0, as("writes", () -> leaves.count()));
    }

    @Test
    void theHierarchysHistoryIsOneTableAndTheLevelReadsItsRowsVersions() throws SQLException {
        SickLeave flu = as("history", () -> sick.insert(new SickLeave("Ivy", 2)));
        flu.setDays(4);
        as("history", () -> leaves.update(flu));
        Allowance lunch = as("history", () -> allowances.insert(new Allowance("Jay", 700)));
        as("history", () -> leaves.deleteById(flu.getId()));
        List<HistoryEntry<Leave>> versions = as("history", () -> leaves.history(flu.getId()));
        assertEquals(List.of(Operation.DELETE, Operation.UPDATE, Operation.INSERT),
                versions.stream().map(HistoryEntry::operation).toList());
        assertEquals(List.of("SickLeave#" + flu.getId() + " Ivy 4 days", "SickLeave#" + flu.getId() + " Ivy 4 days",
                "SickLeave#" + flu.getId() + " Ivy 2 days"), versions.stream().map(v -> describe(v.entity())).toList(),
                "each version as the subtype it was, after the subtype's row was deleted");
        assertTrue(as("history", () -> leaves.history(lunch.getId())).isEmpty(), "not a leave's history");
        assertEquals(1, as("history", () -> benefits.history(lunch.getId())).size());
        assertEquals(3, count("SELECT count(*) FROM benefit_history WHERE tenant_id = 'history' AND kind = 'sick'"
                + " AND days IS NOT NULL AND cents IS NULL"), "laid out like a single table");
    }

    @Test
    void tenantsSeeOnlyTheirOwnRowsThroughEveryDaoAndInEveryTable() throws SQLException {
        SickLeave mine = as("tenant_a", () -> sick.insert(new SickLeave("Kim", 1)));
        as("tenant_a", () -> parental.insert(new ParentalLeave("Lou", "Max")));
        as("tenant_a", () -> allowances.insert(new Allowance("Ned", 100)));
        as("tenant_b", () -> leaves.insert(new SickLeave("Oz", 9)));
        assertEquals(1, as("tenant_b", () -> leaves.count()));
        assertEquals(1, as("tenant_b", () -> benefits.count()));
        assertTrue(as("tenant_b", () -> leaves.findById(mine.getId())).isEmpty());
        assertTrue(as("tenant_b", () -> benefits.findById(mine.getId())).isEmpty());
        assertFalse(as("tenant_b", () -> leaves.deleteById(mine.getId())));
        mine.setDays(99);
        assertThrows(RowNotFoundException.class, () -> as("tenant_b", () -> leaves.update(mine)));
        assertEquals(1, count("SELECT count(*) FROM sick_leave WHERE tenant_id = 'tenant_a' AND days = 1"),
                "tenant_a's row untouched");
        for (String table : List.of("benefit", "sick_leave", "parental_leave", "allowance")) {
            Integer visible = TenantContext.callAs("tenant_b", () -> new Database(app).inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement();
                        ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = 'tenant_a'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            }));
            assertEquals(0, visible, "row-level security hides tenant_a's rows of " + table);
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
