package dev.tenantdao.samples.trial.repairs;

import static dev.tenantdao.samples.trial.repairs.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.trial.repairs.geo.Address;
import dev.tenantdao.samples.trial.repairs.geo.Postcode;
import dev.tenantdao.testkit.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Spare parts: a single-table hierarchy with an embedded price on the root and embedded values on subtypes. */
class PartsTest {

    private static <X> X north(Supplier<X> work) {
        return TenantContext.callAs("north", work::get);
    }

    @Test
    void partsOfEachSubtypeKeepTheirValues() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource owner = server.freshSchema("trial_parts");
        Schema.create(owner, Part.class);
        Database database = new Database(server.applicationRole("trial_parts_app", "trial_parts"));
        PartDao parts = new PartDao(database);
        Part tyre = new Part.Tyre(1, eur("34.95"), new TyreSize(37, 622));
        Part chain = new Part.Chain(2, eur("19.00"), 116, new Address("Kade 3", "Gouda", new Postcode("2801 aa")));
        Part bare = new Part.Tyre(3, null, null);
        assertEquals(List.of(tyre, chain, bare), north(() -> parts.insertAll(List.of(tyre, chain, bare))));
        assertEquals(List.of(tyre, chain, bare), north(() -> parts.findAll(10, 0)));
        assertEquals(List.of("1|tyre|34.95|37|622|", "2|chain|19.00|||2801AA", "3|tyre||||"), rows(owner,
                "SELECT concat_ws('|', id, type, coalesce(price_amount::text, ''), coalesce(size_width::text, ''),"
                        + " coalesce(size_diameter::text, ''), coalesce(supplier_zip, '')) FROM trial_part ORDER BY id"));
        Part.Tyre wider = new Part.Tyre(1, eur("36.00"), new TyreSize(40, null));
        assertEquals(wider, north(() -> new Part_TyreDao(database).update(wider)));
        assertEquals(Optional.of(wider), north(() -> parts.findById(1)));
        assertEquals(List.of(wider, tyre), north(() -> parts.history(1)).stream().map(HistoryEntry::entity).toList());
        assertEquals(Optional.of(chain), north(() -> new Part_ChainDao(database).findById(2)));
        Parts queries = new PartsImpl(database);
        assertEquals(List.of(chain, wider), north(() -> queries.cheaperThan(new java.math.BigDecimal("50"))),
                "a root's component in JDQL over every subtype");
        assertEquals(List.of(wider, chain), north(() -> queries.findByPrice_CurrencyOrderById("EUR")));
        assertEquals(List.of(chain, wider, bare), north(() -> queries.findByIdGreaterThan(0, jakarta.data.Sort.asc("price.amount"))),
                "sorted by the root's component, the null price last");
    }

    private static List<String> rows(DataSource source, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
