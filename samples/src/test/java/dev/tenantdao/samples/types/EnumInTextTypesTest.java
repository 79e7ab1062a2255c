package dev.tenantdao.samples.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.types.Kennel.Size;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An enum with {@code @Column(type = "text")} (or another text type) is stored by name in that type, as
 * without it; only a name that is no built-in type is an enum type the DDL creates. (It used to create
 * {@code CREATE TYPE text AS ENUM}, which failed.)
 */
class EnumInTextTypesTest {

    private static DataSource dataSource;
    private static KennelDao kennels;

    @BeforeAll
    static void schema() {
        dataSource = Postgres.shared().freshSchema("enum_text_types");
        Schema.create(dataSource, Kennel.class);
        kennels = new KennelDao(new Database(dataSource));
    }

    @Test
    void theColumnsHaveTheNamedTextTypesAndOnlyTheOtherNameIsAnEnumType() throws SQLException {
        assertEquals(List.of("size:text", "small:character varying", "size_class:USER-DEFINED"),
                query("SELECT column_name || ':' || data_type FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = 'kennel'"
                        + " AND column_name IN ('size', 'small', 'size_class') ORDER BY ordinal_position"));
        assertEquals(List.of("size_class"), query("SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = current_schema() AND t.typtype = 'e'"));
    }

    @Test
    void valuesRoundTripByNameThroughEveryWriteAndRead() throws SQLException {
        Kennel stored = TenantContext.callAs("acme", () -> kennels.insert(
                new Kennel(1, Size.LARGE, Size.SMALL, Size.MEDIUM)));
        assertEquals(new Kennel(1, Size.LARGE, Size.SMALL, Size.MEDIUM), stored);
        assertEquals(stored, TenantContext.callAs("acme", () -> kennels.findById(1L)).orElseThrow());
        assertEquals(List.of("LARGE|SMALL|MEDIUM"),
                query("SELECT size || '|' || small || '|' || size_class FROM kennel WHERE id = 1"));

        List<Kennel> batch = TenantContext.callAs("acme", () -> kennels.insertAll(List.of(
                new Kennel(2, Size.SMALL, null, Size.SMALL),
                new Kennel(3, null, Size.LARGE, null))));
        assertEquals(Size.SMALL, batch.get(0).size());
        assertEquals(Size.LARGE, batch.get(1).small());

        Kennel updated = TenantContext.callAs("acme",
                () -> kennels.update(new Kennel(1, Size.MEDIUM, Size.LARGE, Size.LARGE)));
        assertEquals(Size.MEDIUM, updated.size());
        assertEquals(List.of(Size.MEDIUM, Size.LARGE), TenantContext.callAs("acme", () -> kennels.history(1L))
                .stream().map(entry -> entry.entity().size()).toList(), "history (newest first) holds the names too");
    }

    @Test
    void aNameLongerThanTheVarcharIsRefusedNeverCut() {
        DataAccessException refused = assertThrows(DataAccessException.class, () -> TenantContext.callAs("acme",
                () -> kennels.insert(new Kennel(9, Size.SMALL, Size.MEDIUM, null))));
        assertTrue(refused.getMessage().contains("Kennel.insert"), refused.getMessage());
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
