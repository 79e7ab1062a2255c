package dev.tenantdao.samples.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.HistoryEntry;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Embedded values in hierarchies on PostgreSQL, under row-level security: on the root and on a
 * subtype, in a single table and joined, through the root's DAO and a subtype's, with history.
 */
class EmbeddedHierarchyTest {

    private static <X> X acme(Supplier<X> work) {
        return TenantContext.callAs("acme", work::get);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void singleTable() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("embedded_offers"), Offer.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "embedded_offers"));
        OfferDao offers = new OfferDao(database);
        Offer flat = new Offer.Flat(1, eur("5.00"));
        Offer tiered = new Offer.Tiered(2, eur("4.00"), eur("3.50"), 10);
        Offer free = new Offer.Tiered(3, null, null, null);
        assertEquals(List.of(flat, tiered, free), acme(() -> offers.insertAll(List.of(flat, tiered, free))));
        assertEquals(List.of(flat, tiered, free), acme(() -> offers.findAll(10, 0)));
        Offer.Tiered cheaper = new Offer.Tiered(2, eur("3.00"), null, 20);
        assertEquals(cheaper, acme(() -> new Offer_TieredDao(database).update(cheaper)));
        assertEquals(Optional.of(cheaper), acme(() -> offers.findById(2)));
        assertEquals(List.of(cheaper, tiered), acme(() -> offers.history(2)).stream().map(HistoryEntry::entity).toList());
    }

    @Test
    void joined() {
        Postgres server = Postgres.shared();
        Schema.create(server.freshSchema("embedded_parcels"), Parcel.class);
        Database database = new Database(server.applicationRole("tenantdao_app", "embedded_parcels"));
        ParcelDao parcels = new ParcelDao(database);
        Parcel letter = new Parcel.Letter(1, eur("0.95"), "Main Street 1");
        Parcel box = new Parcel.Box(2, eur("6.99"), eur("100.00"), Size.of(30, 20, Unit.CENTIMETRE));
        Parcel bare = new Parcel.Box(3, null, null, null);
        assertEquals(letter, acme(() -> parcels.insert(letter)));
        assertEquals(box, acme(() -> parcels.insert(box)));
        assertEquals(bare, acme(() -> parcels.insert(bare)));
        assertEquals(List.of(letter, box, bare), acme(() -> parcels.findAll(10, 0)));
        Parcel.Box resized = new Parcel.Box(2, eur("6.99"), null, Size.of(40, 20, Unit.CENTIMETRE));
        assertEquals(resized, acme(() -> new Parcel_BoxDao(database).update(resized)));
        assertEquals(Optional.of(resized), acme(() -> parcels.findById(2)));
        assertEquals(List.of(resized, box), acme(() -> parcels.history(2)).stream().map(HistoryEntry::entity).toList());
    }
}
