package dev.tenantdao.processor.query;

import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The attributes of a query's entity, found by name as queries write them. */
public final class Attributes {

    private final EntityModel entity;

    public Attributes(EntityModel entity) {
        this.entity = entity;
    }

    public EntityModel entity() {
        return entity;
    }

    /**
     * The attribute named {@code name}: exactly, else ignoring case (a derived method name capitalizes
     * it). The tenant is never an attribute a query can name: the tenancy pass owns it.
     */
    public Optional<Property> find(String name) {
        for (Property property : entity.queryProperties()) {
            if (!property.tenantId() && property.name().equals(name)) {
                return Optional.of(property);
            }
        }
        for (Property property : entity.queryProperties()) {
            if (!property.tenantId() && property.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    /** The attribute named exactly {@code name}, if any. */
    public Optional<Property> findExactly(String name) {
        return entity.queryProperties().stream().filter(p -> !p.tenantId() && p.name().equals(name)).findFirst();
    }

    /** The attribute named {@code name}, or a QueryException at {@code at} listing those there are. */
    public Property require(String name, int at) throws QueryException {
        Optional<Property> found = find(name);
        List<Property> components = components(name);
        if (found.isEmpty() && !components.isEmpty()) {
            throw new QueryException(entity.name() + "." + components.get(0).ownerName() + " is an embedded value over"
                    + " several columns, which a query cannot compare or sort as a whole; name its components ("
                    + String.join(", ", components.stream().map(Property::name).toList()) + ")", at);
        }
        if (found.isEmpty()) {
            if (entity.tenantId().isPresent() && entity.tenantId().get().name().equalsIgnoreCase(name)) {
                throw new QueryException(entity.name() + "." + entity.tenantId().get().name() + " is the tenant, which"
                        + " tenantdao adds to every query itself; a query cannot name it", at);
            }
            throw new QueryException(entity.name() + " has no attribute '" + name + "' (it has " + names() + ")", at);
        }
        return found.get();
    }

    /** Whether {@code name} is an embedded value's, whose components are {@code name.component} paths. */
    public boolean isEmbedded(String name) {
        return !components(name).isEmpty();
    }

    /** The columns of the embedded value named {@code name} (ignoring case), or none. */
    private List<Property> components(String name) {
        return entity.queryProperties().stream()
                .filter(p -> p.isEmbedded() && p.ownerName().equalsIgnoreCase(name)).toList();
    }

    /** The attribute names, for messages. */
    public String names() {
        return String.join(", ", entity.queryProperties().stream().filter(p -> !p.tenantId()).map(Property::name).toList());
    }
}
