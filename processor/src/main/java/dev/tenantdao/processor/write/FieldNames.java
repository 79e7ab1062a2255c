package dev.tenantdao.processor.write;

import com.palantir.javapoet.NameAllocator;
import dev.tenantdao.processor.model.ConverterModel;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.SqlBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The names of a generated DAO's fields, allocated once per DAO so that none collides with another
 * whatever the user calls things: two converters with the same simple name in different packages
 * get two constants ({@code MONEY_CONVERTER}, {@code MONEY_CONVERTER_}), a converter or listener
 * named like a field of ours ({@code Scope}, {@code Insert}, {@code Database}) gets a name of its
 * own. The DAO's own fields are reserved first, so their names never change; no field takes the
 * name of a local or parameter of the generated methods ({@link Locals#OWN}).
 */
final class FieldNames {

    /** Every field name a generated DAO gives its own fields (SQL constants, scope, data source). */
    private static final List<String> OWN = List.of("SCOPE", "RETURNED_COLUMNS", "INSERTED_COLUMNS", "support", "INSERT", "INSERT_ALL",
            "BATCH_INSERT", "UPDATE", "UPSERT", "FIND_BY_ID", "FIND_ALL_AFTER", "FIND_ALL", "COUNT", "EXISTS_BY_ID",
            "DELETE_BY_ID", "DELETE_VERSIONED", "CURRENT_VERSION", "HISTORY", "HISTORY_AS_OF", "HISTORY_BETWEEN",
            "HISTORY_IN_TRANSACTION");

    private final NameAllocator names = new NameAllocator();
    private final java.util.Set<String> taken = new java.util.HashSet<>();
    private final java.util.Set<String> fieldNames = new java.util.HashSet<>();

    /**
     * @param properties every property whose converter the DAO uses (a hierarchy's: all subtypes')
     * @param listeners the entity's listeners, in declaration order
     * @param subtypes a hierarchy root's subtypes, whose DAOs it holds in fields; empty otherwise
     */
    FieldNames(List<Property> properties, List<Hooks.Listener> listeners, List<EntityModel> subtypes) {
        OWN.forEach(name -> fieldNames.add(names.newName(name, name)));
        // the names of the generated methods' own locals and parameters: no field hides behind one
        Locals.OWN.stream().filter(local -> !fieldNames.contains(local))
                .forEach(local -> names.newName(local, "local " + local));
        for (Property property : properties) {
            String upsert = SqlBuilder.upsertConstant(property);
            if (property.mapping().unique() && !property.id() && taken.add(upsert)) {
                fieldNames.add(names.newName(upsert, upsert));
            }
        }
        // converters in name order, so the output does not depend on the order of properties
        TreeMap<String, ConverterModel> converters = new TreeMap<>();
        for (Property property : properties) {
            ConverterModel converter = property.mapping().converter();
            if (converter != null) {
                converters.putIfAbsent(converter.converter().getQualifiedName().toString(), converter);
            }
        }
        converters.forEach((qualified, converter) -> fieldNames.add(names.newName(
                Names.snakeCase(converter.converter().getSimpleName().toString()).toUpperCase(Locale.ROOT),
                converterTag(qualified))));
        for (Hooks.Listener listener : listeners) {
            if (!taken.add(listenerTag(listener.type().getQualifiedName().toString()))) {
                continue;
            }
            String simple = listener.type().getSimpleName().toString();
            fieldNames.add(names.newName(Character.toLowerCase(simple.charAt(0)) + simple.substring(1),
                    listenerTag(listener.type().getQualifiedName().toString())));
        }
        for (EntityModel subtype : subtypes) {
            fieldNames.add(names.newName(Locals.variableName(subtype.name()) + "Dao", subtypeTag(subtype)));
        }
    }

    /** The names of {@code entity}'s DAO: a standalone entity's, a subtype's or a hierarchy root's. */
    static FieldNames of(EntityModel entity) {
        List<Property> properties = new ArrayList<>(entity.properties());
        List<EntityModel> subtypes = List.of();
        if (entity.kind() instanceof HierarchyRoot root) {
            subtypes = root.subtypes();
            subtypes.forEach(subtype -> properties.addAll(subtype.ownProperties()));
        }
        return new FieldNames(properties, entity.hooksOfRows().listeners(), subtypes);
    }

    /** Whether {@code name} is the name of one of the DAO's fields (a local of that name would hide it). */
    boolean isField(String name) {
        return fieldNames.contains(name);
    }

    /** The names of all the DAO's fields. */
    java.util.Set<String> all() {
        return java.util.Collections.unmodifiableSet(fieldNames);
    }

    /** The names of the fields made from the user's types (converters, listeners, upserts), not the DAO's own. */
    java.util.Set<String> userFields() {
        java.util.Set<String> user = new java.util.HashSet<>(fieldNames);
        OWN.forEach(user::remove);
        return user;
    }

    /** The constant holding the DAO's one instance of {@code converter}. */
    String converter(ConverterModel converter) {
        return names.get(converterTag(converter.converter().getQualifiedName().toString()));
    }

    /** The field holding the DAO's instance of {@code listener}. */
    String listener(Hooks.Listener listener) {
        return names.get(listenerTag(listener.type().getQualifiedName().toString()));
    }

    /** The field of a hierarchy root's DAO holding {@code subtype}'s DAO. */
    String subtypeDao(EntityModel subtype) {
        return names.get(subtypeTag(subtype));
    }

    private static String converterTag(String qualified) {
        return "converter " + qualified;
    }

    private static String listenerTag(String qualified) {
        return "listener " + qualified;
    }

    private static String subtypeTag(EntityModel subtype) {
        return "subtype " + subtype.type().canonicalName();
    }
}
