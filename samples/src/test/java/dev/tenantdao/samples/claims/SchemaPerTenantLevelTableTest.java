package dev.tenantdao.samples.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.claims.Course.Lecture;
import dev.tenantdao.samples.claims.Course.Recorded;
import dev.tenantdao.samples.claims.Course.Workshop;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An interface level with a table of its own ({@code live_course}), in each tenant's own schema. */
class SchemaPerTenantLevelTableTest {

    private static DataSource dataSource;
    private static CourseDao courses;
    private static Course_LiveDao live;
    private static Course_WorkshopDao workshops;

    @BeforeAll
    static void tenants() {
        dataSource = Postgres.shared().freshSchema("courses_shared");
        Database database = Database.builder(dataSource).schemaMapping(tenant -> "courses_" + tenant).build();
        for (String tenant : List.of("acme", "globex")) {
            Postgres.shared().dropSchema("courses_" + tenant);
            database.createTenant(tenant, Course.class);
        }
        courses = new CourseDao(database);
        live = new Course_LiveDao(database);
        workshops = new Course_WorkshopDao(database);
    }

    @Test
    void theLevelsTableLivesInTheTenantsSchemaAndEveryDaoReadsAndWritesIt() throws SQLException {
        Workshop clay = new Workshop(UUID.randomUUID(), "Clay", "R1", 8);
        Lecture stars = new Lecture(UUID.randomUUID(), "Stars", "Hall", "Vera");
        Recorded knots = new Recorded(UUID.randomUUID(), "Knots", "https://example.com/knots");
        TenantContext.runAs("acme", () -> {
            live.insertAll(List.of(clay, stars));
            courses.insert(knots);
        });
        Workshop other = new Workshop(UUID.randomUUID(), "Glass", "G7", 4);
        TenantContext.runAs("globex", () -> workshops.insert(other));
        List<Course.Live> read = TenantContext.callAs("acme", () -> live.findAll(10, 0));
        assertEquals(2, read.size());
        assertTrue(read.containsAll(List.of(clay, stars)), () -> "read " + read);
        assertEquals(List.of(clay), TenantContext.callAs("acme", () -> workshops.findAll(10, 0)));
        assertTrue(TenantContext.callAs("acme", () -> courses.findAll(10, 0)).containsAll(List.of(clay, stars, knots)));
        assertTrue(TenantContext.callAs("acme", () -> live.findById(knots.id())).isEmpty(), "recorded is not live");
        assertTrue(TenantContext.callAs("globex", () -> courses.findById(clay.id())).isEmpty(), "another tenant's");
        assertEquals(List.of(other), TenantContext.callAs("globex", () -> live.findAll(10, 0)));
        assertEquals(List.of("R1", "Hall"), rows("SELECT room FROM courses_acme.live_course ORDER BY room DESC"));
        assertEquals(List.of("G7"), rows("SELECT room FROM courses_globex.live_course"));

        Workshop moved = new Workshop(clay.id(), "Clay", "R2", 10);
        TenantContext.runAs("acme", () -> live.update(moved));
        assertEquals(moved, TenantContext.callAs("acme", () -> courses.findById(clay.id())).orElseThrow());
        assertEquals(List.of("R2"), rows("SELECT room FROM courses_acme.live_course WHERE id = '" + clay.id() + "'"));
        assertFalse(TenantContext.callAs("globex", () -> live.deleteById(clay.id())), "not globex's row");
        assertTrue(TenantContext.callAs("acme", () -> courses.deleteById(clay.id())));
        assertEquals(List.of(), rows("SELECT room FROM courses_acme.live_course WHERE id = '" + clay.id() + "'"));
        assertEquals(List.of(), rows("SELECT text(seats) FROM courses_acme.workshop WHERE id = '" + clay.id() + "'"));
        assertEquals(List.of("G7"), rows("SELECT room FROM courses_globex.live_course"));
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> values = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
