package dev.tenantdao.samples.trial.repairs;

import static dev.tenantdao.samples.trial.repairs.Money.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.SchemaMismatchException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
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

/** Loan bikes in each shop's own schema: an embedded deposit under a prefix, per tenant. */
class RentalSchemaPerShopTest {

    private static <X> X as(String shop, Supplier<X> work) {
        return TenantContext.callAs(shop, work::get);
    }

    @Test
    void eachShopsSchemaHoldsTheDepositColumns() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource admin = server.freshSchema("trial_rentals");
        Database database = Database.builder(admin).schemaMapping(shop -> "trial_rentals_" + shop).build();
        for (String shop : List.of("north", "south")) {
            server.dropSchema("trial_rentals_" + shop);
            database.createTenant(shop, Rental.class);
        }
        RentalDao rentals = new RentalDao(database);
        Rental north = new Rental(1, "Gazelle", eur("50.00"));
        Rental none = new Rental(2, "Batavus", null);
        assertEquals(List.of(north, none), as("north", () -> rentals.insertAll(List.of(north, none))));
        Rental south = new Rental(1, "Cortina", new Money(new BigDecimal("20"), "EUR"));
        assertEquals(south, as("south", () -> rentals.insert(south)));
        assertEquals(Optional.of(north), as("north", () -> rentals.findById(1)));
        assertEquals(Optional.of(south), as("south", () -> rentals.findById(1)));
        assertEquals(List.of("1|50.00|EUR", "2||"), rows(admin, "SELECT concat_ws('|', id, coalesce(deposit_amount::text, ''),"
                + " coalesce(deposit_currency, '')) FROM trial_rentals_north.trial_rental ORDER BY id"));
        assertEquals(List.of("1|20|EUR"), rows(admin, "SELECT concat_ws('|', id, deposit_amount, deposit_currency)"
                + " FROM trial_rentals_south.trial_rental"));
    }

    @Test
    void verifyNamesAMissingComponentColumnInOneShopsSchema() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource admin = server.freshSchema("trial_rentals_verify");
        Database database = Database.builder(admin).schemaMapping(shop -> "trial_rentals_verify_" + shop).build();
        for (String shop : List.of("north", "south")) {
            server.dropSchema("trial_rentals_verify_" + shop);
            database.createTenant(shop, Rental.class);
        }
        assertEquals(List.of(), rentalMismatches(database, "north"), "the created schema has the deposit's columns");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE trial_rentals_verify_south.trial_rental DROP COLUMN deposit_currency");
        }
        List<String> south = rentalMismatches(database, "south");
        assertEquals(1, south.size(), south::toString);
        assertTrue(south.get(0).contains("deposit_currency"), south::toString);
    }

    /** The mismatches verifyTenant names for the rental table (the module's other schema-per-tenant tables are not created here). */
    private static List<String> rentalMismatches(Database database, String shop) {
        try {
            database.verifyTenant(shop);
            return List.of();
        } catch (SchemaMismatchException e) {
            return e.mismatches().stream().filter(m -> m.matches("(?s).*trial_rental(?!s).*")).toList();
        }
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
