package dev.tenantdao.samples.trial.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.junit.TenantdaoTest;
import dev.tenantdao.testkit.junit.TestSchema;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue's repositories beyond plain finds: cursors, streams, projections, the past, and changes through the root. */
@TenantdaoTest(entities = {Tool.class, Charge.class})
class ToolShelvesTest {

    private final Database database;
    private final ToolDao tools;
    private final DrillDao drills;
    private final Tools catalogue;
    private final PowerTools powered;

    ToolShelvesTest(Database database) {
        this.database = database;
        tools = new ToolDao(database);
        drills = new DrillDao(database);
        catalogue = new ToolsImpl(database);
        powered = new PowerToolsImpl(database);
    }

    private static List<String> names(List<? extends Tool> found) {
        return found.stream().map(Tool::getName).toList();
    }

    private void stock(String library) {
        TenantContext.runAs(library, () -> tools.insertAll(List.of(
                new Drill("Drill A", "S1", 500, false), new Saw("Saw B", "S1", 900, 160),
                new Ladder("Ladder C", "S2", BigDecimal.ONE), new Drill("Drill D", "S2", 800, true),
                new OtherTool("Trolley E", "S1", null))));
    }

    @Test
    void cursorsOverTheRootAndTheLevel() {
        stock("ash");
        stock("birch");
        CursoredPage<Tool> first = TenantContext.callAs("ash", () -> catalogue.byName(PageRequest.ofSize(2)));
        assertEquals(List.of("Drill A", "Drill D"), names(first.content()));
        CursoredPage<Tool> second = TenantContext.callAs("ash", () -> catalogue.byName(first.nextPageRequest()));
        assertEquals(List.of("Ladder C", "Saw B"), names(second.content()));
        CursoredPage<Tool> third = TenantContext.callAs("ash", () -> catalogue.byName(second.nextPageRequest()));
        assertEquals(List.of("Trolley E"), names(third.content()));
        assertFalse(third.hasNext());
        CursoredPage<Tool> back = TenantContext.callAs("ash", () -> catalogue.byName(second.previousPageRequest()));
        assertEquals(List.of("Drill A", "Drill D"), names(back.content()), "the page before reads backwards");

        CursoredPage<PowerTool> powerFirst = TenantContext.callAs("ash", () -> powered.allBut("Drill A", PageRequest.ofSize(1)));
        assertEquals(List.of("Drill D"), names(powerFirst.content()));
        CursoredPage<PowerTool> powerNext = TenantContext.callAs("ash", () -> powered.allBut("Drill A", powerFirst.nextPageRequest()));
        assertEquals(List.of("Saw B"), names(powerNext.content()));
        assertFalse(powerNext.hasNext(), "no third power tool but Drill A");
    }

    @Test
    void streamsProjectionsAndInLists() {
        stock("cedar");
        stock("dogwood");
        Trail.drain();
        try (Stream<Tool> shelf = TenantContext.callAs("cedar", () -> catalogue.onShelf("S1"))) {
            assertEquals(List.of("Drill:Drill A", "Saw:Saw B", "OtherTool:Trolley E"),
                    shelf.map(t -> t.getClass().getSimpleName() + ":" + t.getName()).toList());
        }
        assertEquals(List.of("Tool.loaded", "Tool.loaded", "Tool.loaded"), Trail.drain(), "load hooks on streamed rows");
        assertEquals(List.of("Drill A", "Saw B", "Trolley E"), TenantContext.callAs("cedar", () -> catalogue.namesOnShelf("S1")));
        assertEquals(List.of("Drill A", "Drill D", "Ladder C"), TenantContext.callAs("cedar",
                () -> names(catalogue.findByNameInOrderByShelfAscNameDesc(List.of("Ladder C", "Drill A", "Drill D", "Nope"))))
                .stream().sorted().toList());
        assertEquals(List.of("Drill A", "Drill D", "Ladder C"), TenantContext.callAs("cedar",
                () -> names(catalogue.findByNameInOrderByShelfAscNameDesc(List.of("Ladder C", "Drill A", "Drill D"))))
                .stream().sorted().toList());
        assertEquals(List.of("Drill A", "Ladder C", "Drill D"), TenantContext.callAs("cedar",
                () -> names(catalogue.findByNameInOrderByShelfAscNameDesc(List.of("Ladder C", "Drill A", "Drill D")))),
                "shelf S1 first, then S2 by name descending");
    }

    @Test
    void theCatalogueAsItWas() {
        stock("elder");
        Drill drill = (Drill) TenantContext.callAs("elder", () -> tools.findAll(1, 0)).get(0);
        Instant stocked = TenantContext.callAs("elder", () -> tools.findAll(10, 0)).stream()
                .map(t -> TenantContext.callAs("elder", () -> tools.history(t.getId())).get(0).changedAt())
                .max(Instant::compareTo).orElseThrow();
        drill.setName("Drill A2");
        drill.setWatts(550);
        TenantContext.runAs("elder", () -> tools.update(drill));
        Tool saw = TenantContext.callAs("elder", () -> tools.findAll(10, 0)).stream()
                .filter(t -> t instanceof Saw).findFirst().orElseThrow();
        TenantContext.runAs("elder", () -> tools.delete(saw));

        CursoredPage<Tool> then = TenantContext.callAs("elder", () -> catalogue.findAllAsOf(stocked, PageRequest.ofSize(10)));
        assertEquals(List.of("Drill A", "Drill D", "Saw B", "Ladder C", "Trolley E"), names(then.content()),
                "in id order: the root's insertAll hands each subtype's entities to its DAO, drills first");
        assertEquals(500, ((Drill) then.content().get(0)).getWatts());
        CursoredPage<PowerTool> powerNow = TenantContext.callAs("elder", () -> powered.findAllAsOf(Instant.now().plusSeconds(5),
                PageRequest.ofSize(10)));
        assertEquals(List.of("Drill A2", "Drill D"), names(powerNow.content()), "the deleted saw is gone, the drill renamed");
        assertEquals(550, powerNow.content().get(0).getWatts());
        List<HistoryEntry<Drill>> versions = TenantContext.callAs("elder", () -> drills.history(drill.getId()));
        assertEquals(List.of(2L, 1L), versions.stream().map(HistoryEntry::version).toList());
        assertEquals("Drill A2", versions.get(0).entity().getName());
    }

    @Test
    void deletingThroughTheRootRemovesEveryTableRow(TestSchema schema) throws SQLException {
        stock("fig");
        List<Tool> all = TenantContext.callAs("fig", () -> tools.findAll(10, 0));
        long drillId = all.get(0).getId();
        TenantContext.runAs("fig", () -> tools.delete(all.get(0)));
        try (Connection owner = schema.owner().getConnection(); Statement statement = owner.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM " + schema.name() + ".tl_drill WHERE id = " + drillId
                     + "), (SELECT count(*) FROM " + schema.name() + ".tl_power_tool WHERE id = " + drillId + ")")) {
            assertTrue(rows.next());
            assertEquals(0, rows.getLong(1), "the subtype's row");
            assertEquals(0, rows.getLong(2), "the level's row");
        }
        assertEquals(HistoryEntry.Operation.DELETE, TenantContext.callAs("fig", () -> tools.history(drillId)).get(0).operation());
        assertEquals(4, TenantContext.callAs("fig", tools::count));
    }
}
