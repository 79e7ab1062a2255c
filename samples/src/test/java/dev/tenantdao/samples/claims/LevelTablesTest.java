package dev.tenantdao.samples.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.HistoryEntry.Operation;
import dev.tenantdao.runtime.NoTenantException;
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
 * Intermediate levels with tables of their own in a joined hierarchy ({@link TravelClaim} and,
 * nested below it, {@link AbroadClaim}), as the application connects: a role that is no superuser
 * and owns nothing, so row-level security applies to every table. Each test works in tenants of
 * its own.
 */
class LevelTablesTest {

    private static final List<String> TABLES = List.of("claim", "travel_claim", "abroad_claim", "mileage_claim",
            "airfare_claim", "other_travel_claim", "equipment_claim");

    private static DataSource admin;
    private static DataSource app;
    private static ClaimDao claims;
    private static TravelClaimDao travel;
    private static AbroadClaimDao abroad;
    private static MileageClaimDao mileage;
    private static AirfareClaimDao airfares;
    private static OtherTravelClaimDao others;
    private static EquipmentClaimDao equipment;

    @BeforeAll
    static void schema() {
        admin = Postgres.shared().freshSchema("claims_level_tables");
        Schema.create(admin, Claim.class);
        app = Postgres.shared().applicationRole("tenantdao_app", "claims_level_tables");
        Database database = new Database(app);
        claims = new ClaimDao(database);
        travel = new TravelClaimDao(database);
        abroad = new AbroadClaimDao(database);
        mileage = new MileageClaimDao(database);
        airfares = new AirfareClaimDao(database);
        others = new OtherTravelClaimDao(database);
        equipment = new EquipmentClaimDao(database);
    }

    private static <T> T as(String tenant, Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> AuditContext.callAs("finance", work::get));
    }

    private static String describe(Claim claim) {
        String travelled = claim instanceof TravelClaim t ? " to " + t.getDestination() : "";
        String own = claim instanceof MileageClaim m ? m.getKm() + " km"
                : claim instanceof AirfareClaim a ? a.getCountry() + " by " + a.getAirline()
                : claim instanceof OtherTravelClaim o ? o.getKind() + " " + o.getNote()
                : ((EquipmentClaim) claim).getItem();
        return claim.getClass().getSimpleName() + "#" + claim.getId() + " " + claim.getClaimant() + travelled + " " + own;
    }

    private static List<String> describe(List<? extends Claim> claims) {
        return claims.stream().map(LevelTablesTest::describe).toList();
    }

    @Test
    void eachDaoWritesEveryTableOfItsRowsAndTheRootAndTheLevelsReadThemBack() throws SQLException {
        MileageClaim drive = as("reads", () -> mileage.insert(new MileageClaim("Ann", "Lyon", 420)));
        TravelClaim flight = as("reads", () -> travel.insert(new AirfareClaim("Bob", "Oslo", "NO", "SAS")));
        AbroadClaim second = as("reads", () -> abroad.insert(new AirfareClaim("Cy", "Rome", "IT", "ITA")));
        Claim laptop = as("reads", () -> claims.insert(new EquipmentClaim("Dee", "laptop")));
        assertEquals(List.of("MileageClaim#" + drive.getId() + " Ann to Lyon 420 km",
                "AirfareClaim#" + flight.getId() + " Bob to Oslo NO by SAS",
                "AirfareClaim#" + second.getId() + " Cy to Rome IT by ITA",
                "EquipmentClaim#" + laptop.getId() + " Dee laptop"), describe(as("reads", () -> claims.findAll(10, 0))),
                "the root's reads: every table, each row as its subtype");
        assertEquals(List.of(describe(drive), describe(flight), describe(second)),
                describe(as("reads", () -> travel.findAll(10, 0))), "the level's rows: its subtypes' only");
        assertEquals(List.of(describe(flight), describe(second)), describe(as("reads", () -> abroad.findAll(10, 0))),
                "the nested level's rows");
        assertEquals(List.of(describe(second)), describe(as("reads", () -> abroad.findAllAfter(flight.getId(), 10))));
        assertEquals(describe(flight), describe(as("reads", () -> airfares.findById(flight.getId())).orElseThrow()));
        assertEquals(describe(flight), describe(as("reads", () -> travel.findById(flight.getId())).orElseThrow()));
        assertTrue(as("reads", () -> abroad.findById(drive.getId())).isEmpty(), "a drive is not abroad");
        assertTrue(as("reads", () -> travel.findById(laptop.getId())).isEmpty(), "equipment is no travel");
        assertEquals(3, as("reads", () -> travel.count()));
        assertEquals(2, as("reads", () -> abroad.count()));
        assertEquals(4, as("reads", () -> claims.count()));
        assertEquals(3, count("SELECT count(*) FROM travel_claim WHERE tenant_id = 'reads'"), "the level's table");
        assertEquals(1, count("SELECT count(*) FROM abroad_claim WHERE tenant_id = 'reads' AND id = " + flight.getId()
                + " AND country = 'NO'"), "the nested level's table");
        assertEquals(1, count("SELECT count(*) FROM airfare_claim WHERE tenant_id = 'reads' AND id = " + flight.getId()
                + " AND airline = 'SAS'"));
        assertEquals(0, count("SELECT count(*) FROM travel_claim WHERE tenant_id = 'reads' AND id = " + laptop.getId()));
    }

    @Test
    void updatesWriteEveryTableInOneStatementAndDeletesRemoveEveryTablesRow() throws SQLException {
        AirfareClaim flight = as("writes", () -> airfares.insert(new AirfareClaim("Eve", "Oslo", "NO", "SAS")));
        MileageClaim drive = as("writes", () -> mileage.insert(new MileageClaim("Fay", "Lyon", 100)));
        EquipmentClaim phone = as("writes", () -> equipment.insert(new EquipmentClaim("Gus", "phone")));
        flight.setClaimant("Eve L.");
        flight.setDestination("Bergen");
        flight.setCountry("Norway");
        flight.setAirline("Widerøe");
        assertEquals("AirfareClaim#" + flight.getId() + " Eve L. to Bergen Norway by Widerøe",
                describe(as("writes", () -> abroad.update(flight))), "through the nested level's DAO");
        assertEquals(1, count("SELECT count(*) FROM claim c JOIN travel_claim t ON t.tenant_id = c.tenant_id AND t.id = c.id"
                + " JOIN abroad_claim a ON a.tenant_id = c.tenant_id AND a.id = c.id"
                + " JOIN airfare_claim f ON f.tenant_id = c.tenant_id AND f.id = c.id WHERE c.tenant_id = 'writes'"
                + " AND c.claimant = 'Eve L.' AND t.destination = 'Bergen' AND a.country = 'Norway' AND f.airline = 'Widerøe'"),
                "four tables, one statement");
        drive.setDestination("Nice");
        assertEquals("MileageClaim#" + drive.getId() + " Fay to Nice 100 km", describe(as("writes", () -> travel.update(drive))));
        assertFalse(as("writes", () -> travel.deleteById(phone.getId())), "the level deletes its own rows only");
        assertTrue(as("writes", () -> abroad.deleteById(flight.getId())));
        for (String table : List.of("claim", "travel_claim", "abroad_claim", "airfare_claim")) {
            assertEquals(0, count("SELECT count(*) FROM " + table + " WHERE tenant_id = 'writes' AND id = " + flight.getId()),
                    "ON DELETE CASCADE from the root's row: " + table);
        }
        as("writes", () -> {
            mileage.delete(drive);
            return null;
        });
        assertEquals(0, count("SELECT count(*) FROM travel_claim WHERE tenant_id = 'writes'"));
        assertEquals(List.of(describe(phone)), describe(as("writes", () -> claims.findAll(10, 0))));
        assertTrue(as("writes", () -> claims.deleteById(phone.getId())));
        assertEquals(0, count("SELECT count(*) FROM equipment_claim WHERE tenant_id = 'writes'"));
    }

    @Test
    void aFailedWriteChangesNoTableAndNoHistoryAndNamesTheEntityAndTheColumn() throws SQLException {
        AirfareClaim nowhere = new AirfareClaim("Hal", null, "NO", "SAS");
        DataAccessException failed = assertThrows(DataAccessException.class, () -> as("failures", () -> airfares.insert(nowhere)));
        assertTrue(failed.getMessage().contains("AirfareClaim") && failed.getMessage().contains("destination")
                && failed.getMessage().contains("travel_claim"), failed.getMessage());
        AirfareClaim flight = as("failures", () -> airfares.insert(new AirfareClaim("Hal", "Oslo", "NO", "SAS")));
        flight.setDestination(null);
        flight.setAirline("KLM");
        assertThrows(DataAccessException.class, () -> as("failures", () -> travel.update(flight)));
        assertEquals(1, count("SELECT count(*) FROM claim WHERE tenant_id = 'failures'"), "the failed insert left no row");
        assertEquals(1, count("SELECT count(*) FROM airfare_claim WHERE tenant_id = 'failures' AND airline = 'SAS'"),
                "the failed update changed no table");
        assertEquals(1, count("SELECT count(*) FROM claim_history WHERE tenant_id = 'failures'"), "history unchanged");
        assertThrows(NoTenantException.class, () -> travel.findAll(10, 0));
        assertThrows(NoTenantException.class, () -> abroad.insert(new AirfareClaim("Ivy", "Oslo", "NO", "SAS")));
    }

    @Test
    void theHistoryRecordsTheLevelsColumnsAndAChangeInALevelsTableIsAChange() throws SQLException {
        AirfareClaim flight = as("history", () -> airfares.insert(new AirfareClaim("Jay", "Oslo", "NO", "SAS")));
        flight.setCountry("Norway");
        as("history", () -> airfares.update(flight));
        as("history", () -> airfares.update(flight));
        flight.setDestination("Bergen");
        as("history", () -> travel.update(flight));
        as("history", () -> claims.deleteById(flight.getId()));
        List<HistoryEntry<AbroadClaim>> versions = as("history", () -> abroad.history(flight.getId()));
        assertEquals(List.of(Operation.DELETE, Operation.UPDATE, Operation.UPDATE, Operation.INSERT),
                versions.stream().map(HistoryEntry::operation).toList(), "the unchanged update is not recorded");
        String id = "AirfareClaim#" + flight.getId() + " Jay to ";
        assertEquals(List.of(id + "Bergen Norway by SAS", id + "Bergen Norway by SAS", id + "Oslo Norway by SAS",
                id + "Oslo NO by SAS"), versions.stream().map(v -> describe(v.entity())).toList(),
                "each version as the subtype it was, after every table's row was deleted");
        assertEquals(4, as("history", () -> claims.history(flight.getId())).size());
        assertEquals(1, count("SELECT count(*) FROM claim_history WHERE tenant_id = 'history' AND history_operation = 'DELETE'"
                + " AND destination = 'Bergen' AND country = 'Norway' AND airline = 'SAS'"), "laid out like a single table");
    }

    @Test
    void rowsOfUnknownValuesLoadAsTheFallbackBelowTheLevelAndItsUpdateWritesTheirRows() throws SQLException {
        as("fallback", () -> others.insert(new OtherTravelClaim("Kim", "Paris", "taxi")));
        long id = count("INSERT INTO claim (tenant_id, kind, claimant) VALUES ('fallback', 'cruise', 'Lou') RETURNING id");
        OtherTravelClaim cruise = (OtherTravelClaim) as("fallback", () -> claims.findById(id)).orElseThrow();
        assertEquals("OtherTravelClaim#" + id + " Lou to null cruise null", describe(cruise),
                "no row in the level's table nor in the fallback's: their columns read as null");
        assertEquals(List.of("taxi", "null"), as("fallback", () -> travel.findAll(10, 0)).stream()
                .map(c -> String.valueOf(((OtherTravelClaim) c).getNote())).toList(), "the level reads it too");
        assertTrue(as("fallback", () -> abroad.findById(id)).isEmpty());
        cruise.setDestination("Bergen");
        cruise.setNote("fjords");
        assertEquals("OtherTravelClaim#" + id + " Lou to Bergen cruise fjords", describe(as("fallback", () -> others.update(cruise))));
        assertEquals(1, count("SELECT count(*) FROM travel_claim WHERE tenant_id = 'fallback' AND id = " + id
                + " AND destination = 'Bergen'"), "written, it has a row in the level's table");
        assertEquals(1, count("SELECT count(*) FROM other_travel_claim WHERE tenant_id = 'fallback' AND id = " + id
                + " AND note = 'fjords'"), "and in the fallback's");
        assertEquals(1, count("SELECT count(*) FROM claim WHERE tenant_id = 'fallback' AND id = " + id
                + " AND kind = 'cruise'"), "its value is left alone");
        assertInstanceOf(OtherTravelClaim.class, as("fallback", () -> travel.findById(id)).orElseThrow());
    }

    @Test
    void tenantsSeeOnlyTheirOwnRowsThroughEveryDaoAndInEveryTable() throws SQLException {
        AirfareClaim mine = as("tenant_a", () -> airfares.insert(new AirfareClaim("Max", "Oslo", "NO", "SAS")));
        as("tenant_a", () -> mileage.insert(new MileageClaim("Ned", "Lyon", 5)));
        as("tenant_a", () -> others.insert(new OtherTravelClaim("Oz", "Nice", "bus")));
        as("tenant_a", () -> equipment.insert(new EquipmentClaim("Pat", "desk")));
        as("tenant_b", () -> travel.insert(new AirfareClaim("Quinn", "Rome", "IT", "ITA")));
        assertEquals(1, as("tenant_b", () -> travel.count()));
        assertEquals(1, as("tenant_b", () -> abroad.count()));
        assertEquals(1, as("tenant_b", () -> claims.findAll(10, 0)).size());
        assertTrue(as("tenant_b", () -> abroad.findById(mine.getId())).isEmpty());
        assertTrue(as("tenant_b", () -> claims.findById(mine.getId())).isEmpty());
        assertFalse(as("tenant_b", () -> travel.deleteById(mine.getId())));
        mine.setCountry("Sweden");
        assertThrows(RowNotFoundException.class, () -> as("tenant_b", () -> abroad.update(mine)));
        assertEquals(1, count("SELECT count(*) FROM abroad_claim WHERE tenant_id = 'tenant_a' AND country = 'NO'"),
                "tenant_a's row untouched");
        for (String table : TABLES) {
            Integer visible = TenantContext.callAs("tenant_b", () -> new Database(app).inTransaction(tx -> {
                try (Statement s = tx.connection().createStatement();
                        ResultSet rows = s.executeQuery("SELECT count(*) FROM " + table + " WHERE tenant_id = 'tenant_a'")) {
                    rows.next();
                    return rows.getInt(1);
                }
            }));
            assertEquals(0, visible, "row-level security hides tenant_a's rows of " + table);
            assertTrue(count("SELECT count(*) FROM " + table + " WHERE tenant_id = 'tenant_a'") > 0, table);
        }
    }

    private static int count(String sql) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
