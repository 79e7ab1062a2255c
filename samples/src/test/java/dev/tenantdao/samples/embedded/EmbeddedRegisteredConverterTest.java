package dev.tenantdao.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Converters} on an entity converts the components of its embedded values of that type too. */
class EmbeddedRegisteredConverterTest {

    private static DataSource dataSource;
    private static CrateDao crates;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("embedded_registered");
        Schema.create(dataSource, Crate.class);
        crates = new CrateDao(new Database(dataSource));
    }

    @Test
    void componentsAreStoredThroughTheEntitysConverterAndReadBackThroughIt() throws SQLException {
        Crate crate = new Crate(1, Unit.INCH, new Dimensions(30, 20, Unit.MILLIMETRE), new Dimensions(3, 2, Unit.CENTIMETRE));
        assertEquals(crate, TenantContext.callAs("acme", () -> crates.insert(crate)));
        assertEquals(crate, TenantContext.callAs("acme", () -> crates.findById(1L)).orElseThrow());
        assertEquals(List.of("in", "mm", "cm"), raw(1), "the entity's field and both components went through UnitConverter");

        List<Crate> batch = TenantContext.callAs("acme", () -> crates.insertAll(List.of(
                new Crate(2, Unit.MILLIMETRE, new Dimensions(1, 1, Unit.INCH), null))));
        assertEquals(Unit.INCH, batch.get(0).outer().unit());
        assertEquals(List.of("mm", "in"), raw(2).subList(0, 2), "the set-based insert converts them too");

        Crate updated = TenantContext.callAs("acme",
                () -> crates.update(new Crate(1, Unit.INCH, new Dimensions(30, 20, Unit.CENTIMETRE), null)));
        assertEquals(Unit.CENTIMETRE, updated.outer().unit());
        assertEquals("cm", raw(1).get(1));
    }

    private static List<String> raw(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT unit, outer_unit, spare_unit FROM crate WHERE id = " + id)) {
            rows.next();
            return java.util.Arrays.asList(rows.getString(1), rows.getString(2), rows.getString(3));
        }
    }
}
