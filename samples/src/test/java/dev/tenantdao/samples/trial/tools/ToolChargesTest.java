package dev.tenantdao.samples.trial.tools;

import static dev.tenantdao.samples.trial.tools.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import dev.tenantdao.testkit.junit.TestSchema;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What members owe: a single-table hierarchy of records with a level, a fallback, a listener and a hook. */
@TenantdaoTest(entities = {Charge.class})
class ToolChargesTest {

    private final ChargeDao charges;
    private final PenaltyDao penalties;
    private final LateChargeDao lateCharges;
    private final OtherChargeDao otherCharges;
    private final Penalties penaltyQueries;

    ToolChargesTest(Database database) {
        charges = new ChargeDao(database);
        penalties = new PenaltyDao(database);
        lateCharges = new LateChargeDao(database);
        otherCharges = new OtherChargeDao(database);
        penaltyQueries = new PenaltiesImpl(database);
    }

    private static List<String> kinds(List<? extends Charge> found) {
        return found.stream().map(c -> c.getClass().getSimpleName()).toList();
    }

    @Test
    void theRootsListenerRunsBeforeTheSubtypesHook() {
        Trail.drain();
        Charge late = TenantContext.callAs("elm", () -> charges.insert(new LateCharge(0, 1, eur("1.00"), 45)));
        LateCharge stored = assertInstanceOf(LateCharge.class, late);
        assertEquals(30, stored.daysLate(), "the record hook's returned record was written");
        assertTrue(stored.id() > 0, "the generated id");
        assertEquals(List.of("ChargeTrail.beforeInsert", "LateCharge.capped", "ChargeTrail.afterInsert"), Trail.drain());
        assertEquals(30, TenantContext.callAs("elm", () -> lateCharges.findById(stored.id())).orElseThrow().daysLate());
        assertEquals(List.of("ChargeTrail.afterLoad"), Trail.drain());
    }

    @Test
    void penaltiesAreALevelOfTheOneTable() {
        List<Charge> all = TenantContext.callAs("fir", () -> charges.insertAll(List.of(
                new LostToolPenalty(0, 1, eur("80"), "DRL-01"),
                new LateCharge(0, 1, eur("2"), 3),
                new BanPenalty(0, 2, eur("15"), LocalDate.of(2026, 6, 1)),
                new OtherCharge(0, 2, eur("5"), null))));
        assertEquals(List.of("LostToolPenalty", "LateCharge", "BanPenalty", "OtherCharge"), kinds(all), "in the order given");
        assertEquals(List.of("LostToolPenalty", "BanPenalty"), TenantContext.callAs("fir", () -> kinds(penalties.findAll(10, 0))));
        assertEquals(2, TenantContext.callAs("fir", penalties::count));
        assertEquals(List.of("LostToolPenalty", "BanPenalty"),
                TenantContext.callAs("fir", () -> kinds(penaltyQueries.atLeast(new BigDecimal("10")))));
        assertEquals(1, TenantContext.callAs("fir", () -> penaltyQueries.countByMemberId(2)));
        assertEquals(Optional.empty(), TenantContext.callAs("fir", () -> penalties.findById(all.get(1).id())), "a late fee is no penalty");
        assertEquals("other", ((OtherCharge) all.get(3)).kind());
        assertEquals(List.of(), TenantContext.callAs("gum", () -> charges.findAll(10, 0)));

        BanPenalty ban = (BanPenalty) all.get(2);
        BanPenalty longer = new BanPenalty(ban.id(), ban.memberId(), ban.amount(), LocalDate.of(2026, 9, 1));
        TenantContext.runAs("fir", () -> charges.update(longer));
        List<HistoryEntry<Charge>> history = TenantContext.callAs("fir", () -> charges.history(ban.id()));
        assertEquals(2, history.size());
        assertEquals(LocalDate.of(2026, 6, 1), ((BanPenalty) history.get(1).entity()).bannedUntil(), "each version as its subtype");
        assertEquals(List.of("LostToolPenalty", "BanPenalty"),
                TenantContext.callAs("fir", () -> kinds(penalties.findAllAsOf(history.get(0).changedAt(), 10))));
    }

    @Test
    void aChargeIsNotUpdatedAsAnotherKind() {
        LateCharge late = (LateCharge) TenantContext.callAs("ivy", () -> charges.insert(new LateCharge(0, 1, eur("1"), 2)));
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs("ivy",
                () -> charges.update(new BanPenalty(late.id(), 1, eur("1"), LocalDate.of(2026, 1, 1)))),
                "the ban's DAO finds no ban with the late fee's id");
        assertInstanceOf(LateCharge.class, TenantContext.callAs("ivy", () -> charges.findById(late.id())).orElseThrow());
        assertThrows(RowNotFoundException.class, () -> TenantContext.runAs("juniper", () -> charges.update(late)),
                "another library's charge");
    }

    @Test
    void aKindThisVersionDoesNotKnowIsReadAsTheFallback(TestSchema schema) throws SQLException {
        TenantContext.runAs("hazel", () -> charges.insert(new OtherCharge(0, 3, eur("1"), null)));
        TenantContext.runAs("hazel", () -> charges.insert(new LateCharge(0, 3, eur("1"), 1)));
        try (Connection owner = schema.owner().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO " + schema.name() + ".tl_charge (tenant_id, kind, member_id, amount_amount, amount_currency)"
                    + " VALUES ('hazel', 'donation', 3, 12, 'EUR')");
        }
        List<OtherCharge> fallback = TenantContext.callAs("hazel", () -> otherCharges.findAll(10, 0));
        assertEquals(List.of("other", "donation"), fallback.stream().map(OtherCharge::kind).toList());
        assertEquals(eur("12"), fallback.get(1).amount(), "the root's embedded amount, read for an unknown kind too");
        assertEquals(3, TenantContext.callAs("hazel", charges::count));
        OtherCharge donation = fallback.get(1);
        TenantContext.runAs("hazel", () -> otherCharges.update(new OtherCharge(donation.id(), 4, eur("13"), "other")));
        OtherCharge updated = (OtherCharge) TenantContext.callAs("hazel", () -> charges.findById(donation.id())).orElseThrow();
        assertEquals("donation", updated.kind(), "the fallback's view of the discriminator is never written");
        assertEquals(4, updated.memberId());
        assertEquals(List.of("LateCharge"), TenantContext.callAs("hazel", () -> kinds(lateCharges.findAll(10, 0))));
    }
}
