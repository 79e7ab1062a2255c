package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.HookKind;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import java.util.List;
import java.util.Set;

/**
 * The columns an insert reads back: what only the database knows after it, decided per entity at
 * compile time. The rest of the stored row is the caller's input, which the DAO reuses.
 *
 * <p>Read back: the id (always, so a row is never returned without its key), generated and
 * database-owned columns, the {@code @Version}, columns with a default (an input null becomes the
 * default), the tenant and vendor columns (set by the DAO, not the entity), and every column whose
 * value may come back different from the value written: through a converter, a custom
 * {@code @Column(type)} (e.g. {@code varchar(n)}, {@code char(n)}), or a type PostgreSQL rounds or
 * normalises (timestamps to microseconds and UTC, numeric scale, floating point, arrays, bytes).
 * Everything is read back when a before-insert hook or listener may change what is written, and in
 * a hierarchy (whose subtypes' DAOs share the root's mapping). The columns of an embedded value are
 * read back together or not at all.
 */
public final class InsertReadBack {

    /** The types whose value a PostgreSQL round trip returns unchanged ({@code equals} to the value written). */
    private static final Set<ValueType> EXACT = Set.of(ValueType.PRIMITIVE_LONG, ValueType.PRIMITIVE_INT,
            ValueType.PRIMITIVE_SHORT, ValueType.PRIMITIVE_BOOLEAN, ValueType.LONG, ValueType.INTEGER,
            ValueType.SHORT, ValueType.BOOLEAN, ValueType.STRING, ValueType.UUID, ValueType.LOCAL_DATE,
            ValueType.ENUM);

    private InsertReadBack() {}

    /** Whether inserts of {@code entity} read back fewer columns than its properties. */
    public static boolean narrows(EntityModel entity) {
        return columns(entity).size() < entity.properties().size();
    }

    /** The properties an insert of {@code entity} reads back, in property (select) order. */
    public static List<Property> columns(EntityModel entity) {
        if (entity.kind() instanceof InHierarchy || entity.hooks().has(HookKind.BEFORE_INSERT)) {
            return entity.properties();
        }
        // an embedded value is read back whole when any of its columns is: the DAO builds it from all of them
        return entity.properties().stream().filter(property -> readBack(property) || property.isEmbedded()
                && entity.properties().stream().anyMatch(other -> property.embedded().equals(other.embedded())
                        && readBack(other))).toList();
    }

    private static boolean readBack(Property property) {
        return property.id() || property.generated() || property.scopeColumn() || property.mapping().databaseOwned()
                || property.mapping().version() || property.mapping().databaseValue()
                || property.mapping().converter() != null || property.mapping().customType() != null
                || property.valueType() == null || !EXACT.contains(property.valueType());
    }
}
