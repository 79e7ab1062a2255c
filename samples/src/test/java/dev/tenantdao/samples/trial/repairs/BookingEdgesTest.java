package dev.tenantdao.samples.trial.repairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Edges a user meets: an all-null value of texts, a component's default. ({@code @Column(unique, updatable)}
 * on an embedded property is a compile error, asserted in the flyway module's RepairChainEmbeddedTest.)
 */
class BookingEdgesTest {

    private static DataSource owner;
    private static BookingDao bookings;
    private static CallbackDao callbacks;

    @BeforeAll
    static void schema() {
        Postgres server = Postgres.shared();
        owner = server.freshSchema("trial_bookings");
        Schema.create(owner, Booking.class, Callback.class);
        Database database = new Database(server.applicationRole("trial_bookings_app", "trial_bookings"));
        bookings = new BookingDao(database);
        callbacks = new CallbackDao(database);
    }

    private static <X> X north(Supplier<X> work) {
        return TenantContext.callAs("north", work::get);
    }

    @Test
    void anAllNullValueOfTextsIsStoredAsNullsAndFoundAsNull() {
        north(() -> bookings.insert(new Booking(1, new Contact(null, null), null, null, null)));
        assertNull(north(() -> bookings.findById(1)).orElseThrow().contact());
    }

    @Test
    void insertReturnsAnAllNullValueOfTextsAsNull() {
        Booking stored = north(() -> bookings.insert(new Booking(2, new Contact(null, null), null, null, null)));
        assertEquals(north(() -> bookings.findById(2)).orElseThrow(), stored,
                "README: insert returns what the database holds; a value whose components are all null reads back as null");
    }

    @Test
    void insertAllReturnsAnAllNullValueOfTextsAsNull() {
        List<Booking> stored = north(() -> bookings.insertAll(List.of(new Booking(3, new Contact(null, null), null, null, null))));
        assertNull(stored.get(0).contact());
    }

    @Test
    void insertFillsAnInstanceWithAnAllNullValueOfTextsAsNull() {
        Callback callback = new Callback();
        callback.setId(1);
        callback.setContact(new Contact(null, null));
        Callback stored = north(() -> callbacks.insert(callback));
        assertSame(callback, stored, "the instance passed, filled");
        assertNull(stored.getContact(), "as the database holds it");
        assertEquals(Optional.of(stored), north(() -> callbacks.findById(1)));
        Callback reachable = new Callback();
        reachable.setId(2);
        Contact contact = new Contact("+31 30 123", null);
        reachable.setContact(contact);
        assertSame(contact, north(() -> callbacks.insert(reachable)).getContact(), "a value with a component is kept as given");
    }

    @Test
    void aComponentsDatabaseDefaultFillsANullComponent() {
        Booking stored = north(() -> bookings.insert(new Booking(4, null, null, null, new Stamp(null, "anna"))));
        assertNotNull(stored.booked().at(), "defaultSql inside the value type: the database's clock, read back");
        assertEquals(Optional.of(stored), north(() -> bookings.findById(4)));
    }

    @Test
    void aNullValueWithADefaultedComponentGetsTheDefaultAndInsertReturnsIt() {
        // README: a component's default applies to a null value too (it is a column default, written when the value
        // is null); the tester expected NULL in every column, the README now says the value is then not null
        Booking stored = north(() -> bookings.insert(new Booking(8, null, null, null, null)));
        assertNotNull(stored.booked());
        assertNotNull(stored.booked().at(), "the database's clock");
        assertNull(stored.booked().by());
        assertEquals(Optional.of(stored), north(() -> bookings.findById(8)), "insert returns what findById finds");
    }
}
