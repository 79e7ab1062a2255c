package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;

/**
 * One {@code ?} of a statement and where its value comes from.
 *
 * @param property for {@link Source#ENTITY} and {@link Source#ID_ARGUMENT}, the property whose
 *     value or type is bound; otherwise null
 */
public record Parameter(Source source, Property property, String argument, ValueType argumentType, Query query) {

    public Parameter(Source source, Property property) {
        this(source, property, null, null, null);
    }

    public Parameter(Source source, Property property, String argument, ValueType argumentType) {
        this(source, property, argument, argumentType, null);
    }

    /**
     * How a repository method's parameter is bound ({@link Source#QUERY}).
     *
     * @param entity the entity whose converter errors name the value
     * @param javaType the parameter's Java type (of its elements, for an array)
     * @param javaValueType the value type of {@code javaType}, or null when it has none (a converted type)
     * @param match for a {@code LIKE}: how the pattern is made from the value (a {@code Condition.Match} name)
     * @param array whether the value is a collection ({@code true}) bound as one SQL array ({@code = ANY(?)})
     * @param arrayParameter whether the Java value is an array rather than a collection
     */
    public record Query(String entity, javax.lang.model.type.TypeMirror javaType, ValueType javaValueType, String match,
            boolean array, boolean arrayParameter) {}

    /**
     * A repository method's parameter {@code argument} (the local holding it), bound as {@code
     * property}'s column (its converter applied) when it is compared with or assigned to one, else
     * by its own type.
     */
    public static Parameter query(String argument, Property property, Query how) {
        return new Parameter(Source.QUERY, property, argument, how.javaValueType(), how);
    }

    public enum Source {
        /** The current tenant. */
        TENANT,
        /** The current tenant as text, for the row-level-security setting a statement sets first. */
        TENANT_SETTING,
        /** The current vendor of a vendor-scoped entity, null in a tenant-wide block (a predicate's {@code COALESCE}). */
        VENDOR,
        /** The vendor of a row an insert creates: the current vendor, which it requires. */
        NEW_ROW_VENDOR,
        /** The current vendor as text ({@code ''} tenant-wide), for the row-level-security setting. */
        VENDOR_SETTING,
        /** The tenant-wide switch ({@code on} in a tenant-wide block, else {@code ''}), for the row-level-security setting. */
        TENANT_WIDE_SETTING,
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
        ARGUMENT,
        /** A parameter of a repository method, as a query uses it. */
        QUERY
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

    public static Parameter vendor() {
        return new Parameter(Source.VENDOR, null);
    }

    public static Parameter newRowVendor() {
        return new Parameter(Source.NEW_ROW_VENDOR, null);
    }

    public static Parameter vendorSetting() {
        return new Parameter(Source.VENDOR_SETTING, null);
    }

    public static Parameter tenantWideSetting() {
        return new Parameter(Source.TENANT_WIDE_SETTING, null);
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
