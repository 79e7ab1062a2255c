package dev.tenantdao.processor.write;

import com.palantir.javapoet.NameAllocator;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names of one generated method's locals and parameters, allocated (JavaPoet's
 * {@link NameAllocator}) so that none collides with another, with a field of the DAO, or with a
 * name made from a user's name.
 *
 * <p>Generated methods give their own locals and parameters fixed names ({@link #OWN}); no field
 * of a DAO takes one of them ({@link FieldNames} reserves them), and the entity's name in methods
 * avoids them ({@link #entityVariable}). Every name made from a user's name (a property's, a
 * subtype's) is allocated here, after those, so it gets a name of its own ({@code totalColumn_})
 * when it would collide; otherwise the name it asks for.
 */
final class Locals {

    /** The names generated methods give their own locals and parameters. */
    static final List<String> OWN = List.of(
            "database", "support", "call", "failure", "current", "tenant", "tenantKey", "vendor", "vendorKey", "schema", "connection", "statement", "rows", "keys", "id", "afterId",
            "limit", "offset", "inserted", "size", "i", "toInsert", "toUpdate", "stored", "found", "loaded", "hooked",
            "page", "entries", "from", "to", "at", "transactionId", "discriminator");

    private static final Set<String> OWN_SET = Set.copyOf(OWN);

    /**
     * The names taken so far: until this method asks for a name of its own ({@link #newName}), the
     * DAO's allocator shared by its methods, which it copies then (most methods never ask).
     */
    private NameAllocator names;
    private boolean shared;
    private final Map<Object, String> byTag = new HashMap<>();

    /** The names of a new method of {@code dao}'s DAO: its own locals, the fields, the entity's names taken. */
    Locals(DaoContext dao) {
        this(dao, true);
    }

    /**
     * The names of a new method of {@code dao}'s DAO that has no entity parameter (a hierarchy root's
     * {@code map} of a subtype): its own locals and the fields taken.
     */
    static Locals withoutEntity(DaoContext dao) {
        return new Locals(dao, false);
    }

    /**
     * The names of a method of a generated repository: the locals and fields its methods use, and the
     * converters' and listeners' fields; a parameter named like one of them is renamed.
     */
    static Locals forRepository(DaoContext dao) {
        Locals locals = new Locals();
        REPOSITORY_OWN.forEach(name -> locals.reserve(name, "own " + name));
        dao.fields().userFields().forEach(field -> locals.reserve(field, "field " + field));
        return locals;
    }

    private Locals() {
        this.names = new NameAllocator();
    }

    /** The names generated repository methods give their own locals and the repository's fields. */
    static final List<String> REPOSITORY_OWN = List.of("support", "database", "dao", "tenant", "tenantKey", "vendor",
            "vendorKey", "schema",
            "connection", "statement", "rows", "found", "loaded", "limit", "offset", "order", "total", "value",
            "transaction", "call", "failure", "all", "each", "stored", "row", "SCOPE", "SORTABLE");

    private Locals(DaoContext dao, boolean entity) {
        // the same for every method of the DAO: allocated once, a copy for each method
        this.names = dao.methodNames(entity, () -> {
            Locals first = new Locals();
            for (String own : OWN) {
                first.reserve(own, "own " + own);
            }
            for (String field : dao.fields().all()) {
                if (!OWN_SET.contains(field)) {     // ("support", the field the constructor sets)
                    first.reserve(field, "field " + field);
                }
            }
            if (entity) {
                first.reserve(dao.var(), "entity");
                first.reserve(dao.all(), "entities");
            }
            return first.names;
        });
        this.shared = true;
    }

    private void reserve(String name, Object tag) {
        String allocated = own().newName(name, tag);
        if (!allocated.equals(name)) {
            throw new IllegalStateException("generated name " + name + " is taken");
        }
    }

    /**
     * A new name for {@code tag}: {@code suggestion} unless that is taken (then with a suffix).
     * Asked again for the same tag, the same name.
     */
    String newName(String suggestion, Object tag) {
        return byTag.computeIfAbsent(tag, t -> own().newName(suggestion, t));
    }

    /** This method's own allocator: the shared one copied the first time the method takes a name. */
    private NameAllocator own() {
        if (shared) {
            names = names.clone();
            shared = false;
        }
        return names;
    }

    // ---- names made from user names ------------------------------------------------------------------

    /**
     * The name of the entity in generated methods: its simple name in lower camel case, unless that
     * would collide with a name the methods use (a local of ours, a field of the DAO, a local made
     * from a property's name), then {@code entity} or, failing that too, {@code entity2}, ...
     */
    static String entityVariable(EntityModel entity, FieldNames fields) {
        Set<String> fromProperties = new HashSet<>();
        for (Property property : entity.properties()) {
            fromProperties.add(columnArray(property));
            fromProperties.add(convertedLocal(property));
        }
        String candidate = variableName(entity.name());
        for (int n = 1; fields.isField(candidate) || fields.isField(plural(candidate))
                || fromProperties.contains(candidate) || fromProperties.contains(plural(candidate))
                || OWN_SET.contains(plural(candidate)); n++) {
            candidate = n == 1 ? "entity" : "entity" + n;
        }
        return candidate;
    }

    /** {@code simpleName} in lower camel case, or {@code entity} when that is a keyword or one of {@link #OWN}. */
    static String variableName(String simpleName) {
        String candidate = Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1);
        return SourceVersion.isKeyword(candidate) || OWN_SET.contains(candidate) ? "entity" : candidate;
    }

    static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    /** The local holding {@code property}'s values in a set-based insert (before allocation). */
    static String columnArray(Property property) {
        return property.identifier() + "Column";
    }

    /** The local holding {@code property}'s value once converted, when a statement binds it twice. */
    static String convertedLocal(Property property) {
        return property.identifier() + "Value";
    }
}
