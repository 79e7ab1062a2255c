package dev.tenantdao.samples.trial.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import dev.tenantdao.testkit.junit.TestSchema;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The catalogue: a joined hierarchy (tools, with power tools as a level with a table of its own and a
 * fallback), on PostgreSQL under row-level security as a role that owns nothing.
 */
@TenantdaoTest(entities = {Tool.class})
class ToolCatalogueTest {

    private final ToolDao tools;
    private final PowerToolDao powerTools;
    private final DrillDao drills;
    private final OtherToolDao others;
    private final Tools catalogue;
    private final PowerTools powered;

    ToolCatalogueTest(Database database) {
        tools = new ToolDao(database);
        powerTools = new PowerToolDao(database);
        drills = new DrillDao(database);
        others = new OtherToolDao(database);
        catalogue = new ToolsImpl(database);
        powered = new PowerToolsImpl(database);
    }

    private static List<String> describe(List<? extends Tool> found) {
        return found.stream().map(t -> t.getClass().getSimpleName() + ":" + t.getName()).toList();
    }

    @Test
    void theRootHandsEachToolToItsSubtypeAndHooksRunMostGeneralFirst() {
        Trail.drain();
        Drill drill = new Drill("  Hammer drill ", "A1", 750, true);
        Tool saved = TenantContext.callAs("ash", () -> tools.insert(drill));
        assertSame(drill, saved, "a mutable class is filled in and returned");
        assertEquals("Hammer drill", drill.getName(), "the root's before-insert hook trimmed it");
        assertTrue(drill.getId() != null && drill.getId() > 0);
        assertEquals(List.of("Tool.tidy", "PowerTool.checkWatts", "Drill.checkChuck"), Trail.drain(),
                "root, then level, then subtype");

        TenantContext.runAs("ash", () -> tools.insertAll(List.of(new Saw("Jigsaw", "A1", 500, 80),
                new Ladder("Step ladder", "B2", new BigDecimal("2.50")), new OtherTool("Sack truck", "B2", "heavy"))));
        Trail.drain();
        List<Tool> all = TenantContext.callAs("ash", () -> tools.findAll(10, 0));
        assertEquals(List.of("Drill:Hammer drill", "Saw:Jigsaw", "Ladder:Step ladder", "OtherTool:Sack truck"), describe(all));
        assertEquals(List.of("Tool.loaded", "Tool.loaded", "Tool.loaded", "Tool.loaded"), Trail.drain(), "@AfterLoad on every row");
        assertEquals(750, ((Drill) all.get(0)).getWatts(), "the level's column, from its own table");
        assertTrue(((Drill) all.get(0)).isHammer());
        assertEquals(new BigDecimal("2.50"), ((Ladder) all.get(2)).getHeightM());
        assertEquals("other", ((OtherTool) all.get(3)).getKind(), "the fallback's own inserts write its own value");

        assertEquals(List.of(), TenantContext.callAs("birch", () -> tools.findAll(10, 0)), "another library's shelves are empty");
        assertThrows(NoTenantException.class, () -> tools.findAll(10, 0));
    }

    @Test
    void theLevelSeesItsSubtypesOnly() {
        Drill drill = TenantContext.callAs("cedar", () -> (Drill) tools.insert(new Drill("Drill", "C1", 600, false)));
        Ladder ladder = TenantContext.callAs("cedar", () -> (Ladder) tools.insert(new Ladder("Ladder", "C1", BigDecimal.ONE)));
        TenantContext.runAs("cedar", () -> tools.insert(new Saw("Saw", "C2", 1200, 190)));
        assertEquals(List.of("Drill:Drill", "Saw:Saw"), TenantContext.callAs("cedar", () -> describe(powerTools.findAll(10, 0))));
        assertEquals(2, TenantContext.callAs("cedar", powerTools::count));
        assertEquals(Optional.empty(), TenantContext.callAs("cedar", () -> powerTools.findById(ladder.getId())),
                "a ladder is not a power tool");
        assertFalse(TenantContext.callAs("cedar", () -> powerTools.deleteById(ladder.getId())), "nor deleted through the level");
        assertTrue(TenantContext.callAs("cedar", () -> tools.existsById(ladder.getId())));
        assertEquals(1, TenantContext.callAs("cedar", () -> powered.countByShelf("C1")));
        assertEquals(List.of("Drill:Drill", "Saw:Saw"), TenantContext.callAs("cedar", () -> describe(powered.named("%"))));
        // the level's own column, in the level's table: JDQL, a derived finder and a sort given at run time
        assertEquals(List.of("Saw:Saw"), TenantContext.callAs("cedar", () -> describe(powered.atLeast(600))));
        assertEquals(List.of("Saw:Saw", "Drill:Drill"), TenantContext.callAs("cedar", () -> describe(powered.atLeast(100))));
        assertEquals(List.of("Drill:Drill"),
                TenantContext.callAs("cedar", () -> describe(powered.findByWattsLessThanOrderByWatts(1000))));
        assertEquals(List.of("Saw:Saw", "Drill:Drill"), TenantContext.callAs("cedar",
                () -> describe(powered.findByWattsGreaterThan(0, jakarta.data.Sort.desc("watts")))));
        assertEquals(List.of("Drill:Drill", "Saw:Saw"), TenantContext.callAs("cedar",
                () -> describe(powered.findByWattsGreaterThan(0, jakarta.data.Sort.asc("watts")))));
        assertEquals(1, TenantContext.callAs("cedar", () -> powered.countByWattsGreaterThan(700)));
        assertTrue(TenantContext.callAs("cedar", () -> powered.existsByWattsGreaterThan(1000)));
        assertFalse(TenantContext.callAs("cedar", () -> powered.existsByWattsGreaterThan(5000)));
        assertEquals(List.of(new PowerTools.Power("Drill", 600), new PowerTools.Power("Saw", 1200)),
                TenantContext.callAs("cedar", () -> powered.powers(100)));
        jakarta.data.page.Page<PowerTool> above = TenantContext.callAs("cedar", () -> powered.above(100, PageRequest.ofSize(1)));
        assertEquals(2, above.totalElements());
        assertEquals(List.of("Drill:Drill"), describe(above.content()));
        assertEquals(List.of("Drill:Drill", "Ladder:Ladder"),
                TenantContext.callAs("cedar", () -> describe(catalogue.findByShelfOrderByNameAsc("C1"))));
        Page<Tool> page = TenantContext.callAs("cedar", () -> catalogue.named("%", PageRequest.ofSize(2)));
        assertEquals(3, page.totalElements());
        assertEquals(List.of("Drill:Drill", "Ladder:Ladder"), describe(page.content()));

        drill.setWatts(650);
        TenantContext.runAs("cedar", "fixer", () -> drills.update(drill));
        List<HistoryEntry<Drill>> history = TenantContext.callAs("cedar", () -> drills.history(drill.getId()));
        assertEquals(List.of(HistoryEntry.Operation.UPDATE, HistoryEntry.Operation.INSERT),
                history.stream().map(HistoryEntry::operation).toList(), "a change of the level's column is recorded");
        assertEquals(600, history.get(1).entity().getWatts());
        assertEquals(650, ((Drill) TenantContext.callAs("cedar", () -> tools.asOf(drill.getId(), history.get(0).changedAt()))
                .orElseThrow()).getWatts());
        assertTrue(TenantContext.callAs("cedar", () -> powerTools.deleteById(drill.getId())));
        assertEquals(List.of("Ladder:Ladder", "Saw:Saw"), TenantContext.callAs("cedar", () -> describe(tools.findAll(10, 0))));
    }

    @Test
    void aKindThisVersionDoesNotKnowIsReadAsTheFallback(TestSchema schema) throws SQLException {
        TenantContext.runAs("dogwood", () -> tools.insert(new Ladder("Ladder", "D1", BigDecimal.TEN)));
        long kayakId;
        try (Connection owner = schema.owner().getConnection(); Statement statement = owner.createStatement()) {
            statement.execute("INSERT INTO " + schema.name() + ".tl_tool (tenant_id, kind, name, shelf) VALUES ('dogwood', 'kayak', 'Kayak', 'D9')");
            var rows = statement.executeQuery("SELECT id FROM " + schema.name() + ".tl_tool WHERE kind = 'kayak' AND tenant_id = 'dogwood'");
            rows.next();
            kayakId = rows.getLong(1);
        }
        Tool kayak = TenantContext.callAs("dogwood", () -> tools.findById(kayakId)).orElseThrow();
        OtherTool other = assertInstanceOf(OtherTool.class, kayak);
        assertEquals("kayak", other.getKind());
        assertNull(other.getNote(), "no row in the fallback's table yet");
        assertEquals(List.of("OtherTool:Kayak"), TenantContext.callAs("dogwood", () -> describe(others.findAll(10, 0))));

        other.setNote("two paddles");
        TenantContext.runAs("dogwood", () -> others.update(other));
        OtherTool again = (OtherTool) TenantContext.callAs("dogwood", () -> tools.findById(kayakId)).orElseThrow();
        assertEquals("two paddles", again.getNote(), "the fallback's update wrote its row");
        assertEquals("kayak", again.getKind(), "the discriminator is never written");
        assertEquals(HistoryEntry.Operation.UPDATE, TenantContext.callAs("dogwood", () -> tools.history(kayakId)).get(0).operation());
    }
}
