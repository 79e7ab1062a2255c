package dev.tenantdao.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.annotations.Polymorphic;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an entity is, as its model says it: the kinds' invariants and the properties each kind splits. */
class EntityKindTest {

    private static Property property(String name, boolean id) {
        return new Property(null, name, name, null, ValueType.STRING, id, false, false, false, !id, false,
                Access.method(name), Access.method(name), null, Mapping.PLAIN);
    }

    private static final Property ID = property("id", true);
    private static final Property AMOUNT = property("amount", false);
    private static final Property TOKEN = property("token", false);

    private static Hierarchy hierarchy(Polymorphic.Strategy strategy) {
        return new Hierarchy(strategy, null, ClassName.get("t", "Payment"), null, "kind");
    }

    private static EntityModel model(String name, List<Property> properties, EntityKind kind) {
        return new EntityModel(null, ClassName.get("t", name), "payment", false, null, properties, null, Hooks.NONE,
                null, kind);
    }

    private static EntityModel card(Hierarchy hierarchy) {
        Optional<String> table = hierarchy.isJoined() ? Optional.of("card_payment") : Optional.empty();
        return model("Card", List.of(ID, AMOUNT, TOKEN), new EntityKind.Subtype(hierarchy, "card", table, 2));
    }

    @Test
    void aStandaloneEntityHasOnlyRootProperties() {
        EntityModel note = model("Note", List.of(ID, AMOUNT), new EntityKind.Standalone());
        assertEquals(List.of(ID, AMOUNT), note.rootProperties());
        assertEquals(List.of(), note.ownProperties());
        assertFalse(note.isJoinedSubtype());
    }

    @Test
    void aSubtypeSplitsItsPropertiesIntoTheRootsAndItsOwn() {
        EntityModel card = card(hierarchy(Polymorphic.Strategy.JOINED));
        assertEquals(List.of(ID, AMOUNT), card.rootProperties());
        assertEquals(List.of(TOKEN), card.ownProperties());
        assertTrue(card.isJoinedSubtype());
        assertFalse(card(hierarchy(Polymorphic.Strategy.SINGLE_TABLE)).isJoinedSubtype());
    }

    @Test
    void aRootHasItsSubtypes() {
        Hierarchy hierarchy = hierarchy(Polymorphic.Strategy.SINGLE_TABLE);
        EntityModel card = card(hierarchy);
        EntityModel payment = model("Payment", List.of(ID, AMOUNT),
                new EntityKind.HierarchyRoot(hierarchy, List.of(card)));
        assertEquals(List.of(card), EntityKind.HierarchyRoot.of(payment).subtypes());
        assertSame(card.kind(), EntityKind.Subtype.of(card));
        assertEquals(List.of(ID, AMOUNT), payment.rootProperties());
        assertEquals(List.of(), payment.ownProperties());
        assertFalse(payment.isJoinedSubtype());
    }

    @Test
    void aSubtypeHasItsOwnTableExactlyInAJoinedHierarchy() {
        assertThrows(IllegalArgumentException.class, () -> new EntityKind.Subtype(
                hierarchy(Polymorphic.Strategy.JOINED), "card", Optional.empty(), 2));
        assertThrows(IllegalArgumentException.class, () -> new EntityKind.Subtype(
                hierarchy(Polymorphic.Strategy.SINGLE_TABLE), "card", Optional.of("card_payment"), 2));
    }

    @Test
    void aRootsSubtypesAreSubtypesOfItsHierarchy() {
        Hierarchy hierarchy = hierarchy(Polymorphic.Strategy.SINGLE_TABLE);
        EntityModel note = model("Note", List.of(ID), new EntityKind.Standalone());
        assertThrows(IllegalArgumentException.class, () -> new EntityKind.HierarchyRoot(hierarchy, List.of(note)));
        EntityModel other = card(new Hierarchy(Polymorphic.Strategy.SINGLE_TABLE, null, ClassName.get("t", "Other"),
                null, "kind"));
        assertThrows(IllegalArgumentException.class, () -> new EntityKind.HierarchyRoot(hierarchy, List.of(other)));
    }

    @Test
    void onlyARootOrASubtypeIsAskedForAsOne() {
        EntityModel note = model("Note", List.of(ID), new EntityKind.Standalone());
        assertThrows(IllegalArgumentException.class, () -> EntityKind.HierarchyRoot.of(note));
        assertThrows(IllegalArgumentException.class, () -> EntityKind.Subtype.of(note));
        assertThrows(NullPointerException.class, () -> model("Note", List.of(ID), null));
    }
}
