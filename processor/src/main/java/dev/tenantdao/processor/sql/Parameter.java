package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;

/**
 * One {@code ?} of a statement and where its value comes from.
 *
 * @param property for {@link Source#ENTITY} and {@link Source#ID_ARGUMENT}, the property whose
 *     value or type is bound; otherwise null
 */
public record Parameter(Source source, Property property, String argument, ValueType argumentType) {

    public Parameter(Source source, Property property) {
        this(source, property, null, null);
    }

    public enum Source {
        /** The current tenant. */
        TENANT,
        /** The current tenant as text, for the row-level-security setting a statement sets first. */
        TENANT_SETTING,
        /** A property read from the entity argument. */
        ENTITY,
        /** The id passed as a method argument. */
        ID_ARGUMENT,
        /** The {@code limit} argument. */
        LIMIT,
        /** The {@code offset} argument. */
        OFFSET,
        /** The current actor ({@code AuditContext}), for history rows. */
        ACTOR,
        /** A method argument of a history query, by name and type. */
        ARGUMENT
    }

    public static Parameter actor() {
        return new Parameter(Source.ACTOR, null);
    }

    public static Parameter argument(String name, ValueType type) {
        return new Parameter(Source.ARGUMENT, null, name, type);
    }

    public static Parameter tenantSetting() {
        return new Parameter(Source.TENANT_SETTING, null);
    }

    public static Parameter tenant() {
        return new Parameter(Source.TENANT, null);
    }

    public static Parameter entity(Property property) {
        return new Parameter(Source.ENTITY, property);
    }

    public static Parameter idArgument(Property id) {
        return new Parameter(Source.ID_ARGUMENT, id);
    }

    public static Parameter limit() {
        return new Parameter(Source.LIMIT, null);
    }

    public static Parameter offset() {
        return new Parameter(Source.OFFSET, null);
    }
}
