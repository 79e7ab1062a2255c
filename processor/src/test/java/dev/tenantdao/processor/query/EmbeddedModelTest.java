package dev.tenantdao.processor.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.Embedded;
import dev.tenantdao.processor.model.EntityKind;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Mapping;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.sql.InsertReadBack;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An entity with embedded values as the reader flattens it (one property per component, named by its
 * path), built by hand: how insert read-back groups a value's columns, and how queries name them.
 */
class EmbeddedModelTest {

    private static Property property(String name, ValueType type, boolean id, Embedded embedded) {
        String component = name.substring(name.indexOf('.') + 1);
        return new Property(null, name, name.replace('.', '_'), null, type, id, false, false, false, !id, false,
                Access.method(component), Access.method(component), null, Mapping.PLAIN, embedded);
    }

    private static Embedded embedded(String name, String... components) {
        return new Embedded(null, null, name, null, null, Access.method(name), null,
                Construction.constructor(List.of(components)), List.of(components), false, false, List.of(), name + "_");
    }

    private static final Embedded PRICE = embedded("price", "amount", "currency");
    private static final Embedded CODE = embedded("code", "prefix", "number");

    private static final EntityModel TAG = new EntityModel(null, ClassName.get("t", "Tag"), "tag", true, null,
            List.of(property("id", ValueType.PRIMITIVE_LONG, true, null),
                    property("price.amount", ValueType.BIG_DECIMAL, false, PRICE),
                    property("price.currency", ValueType.STRING, false, PRICE),
                    property("code.prefix", ValueType.STRING, false, CODE),
                    property("code.number", ValueType.INTEGER, false, CODE)),
            Construction.constructor(List.of("id", "price", "code")), Hooks.NONE, null, new EntityKind.Standalone());

    @Test
    void anInsertReadsAValueBackWholeOrNotAtAll() {
        // numeric may come back rounded: the price is read back, its currency with it; the code is exact
        assertEquals(List.of("id", "price.amount", "price.currency"),
                InsertReadBack.columns(TAG).stream().map(Property::name).toList());
    }

    @Test
    void aComponentIsNamedByItsPathAndItsLocalsByItsIdentifier() {
        Property amount = TAG.properties().get(1);
        assertEquals("price", amount.ownerName());
        assertEquals("priceAmount", amount.identifier());
        assertEquals("id", TAG.properties().get(0).ownerName());
    }

    @Test
    void jdqlNamesAComponentByItsPath() throws QueryException {
        Query query = Jdql.parse("WHERE price.amount > :min ORDER BY code.number DESC", new Attributes(TAG));
        Condition.Compare compare = (Condition.Compare) query.where();
        assertEquals("price.amount", ((Expr.Attribute) compare.left()).property().name());
        assertEquals("code.number", query.order().get(0).property().name());
    }

    @Test
    void aDerivedNameWritesThePathWithAnUnderscore() throws QueryException {
        Query query = MethodNames.parse("findByPrice_CurrencyOrderByCode_NumberAsc", new Attributes(TAG));
        Condition.Compare compare = (Condition.Compare) query.where();
        assertEquals("price.currency", ((Expr.Attribute) compare.left()).property().name());
        assertEquals("code.number", query.order().get(0).property().name());
    }

    @Test
    void aWholeValueIsNoAttribute() {
        QueryException jdql = assertThrows(QueryException.class,
                () -> Jdql.parse("WHERE price = :price", new Attributes(TAG)));
        assertTrue(jdql.getMessage().startsWith("Tag.price is an embedded value over several columns"), jdql.getMessage());
        assertTrue(jdql.getMessage().contains("(price.amount, price.currency)"), jdql.getMessage());
        QueryException derived = assertThrows(QueryException.class,
                () -> MethodNames.parse("findByCode", new Attributes(TAG)));
        assertTrue(derived.getMessage().contains("name its components (code.prefix, code.number)"), derived.getMessage());
        assertThrows(QueryException.class, () -> Jdql.parse("WHERE price.value = 1", new Attributes(TAG)),
                "a component the value does not have");
    }
}
