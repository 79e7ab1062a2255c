package dev.tenantdao.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * One mapped field or record component, as read from the source. Facts only: the validator judges
 * them (an unsupported type has a null {@code valueType}, an unreadable field a null {@code read}).
 *
 * @param element the field or record component, where diagnostics about it point
 * @param column the column name; for a {@code @TenantId} property, the tenant column; for a
 *     {@code @VendorId} property, the vendor column
 * @param valueType null when the type is not supported
 * @param nullable whether the column accepts NULL
 * @param nullableDeclared whether {@code @Column(nullable = true)} is written explicitly
 * @param read how to read the value from an entity, or null when it cannot be read
 * @param write how to set the value after the no-argument constructor, or null when it cannot be
 * @param reference the entity a {@code @References} field points at, or null
 * @param mapping column type, constraints, defaults, converter
 * @param embedded for a component column of an {@code @Embedded} value, that value (then {@code name}
 *     is the path {@code price.amount}, {@code read}/{@code write} access the component on the value,
 *     {@code element} is the component); null for every other property
 */
public record Property(
        Element element,
        String name,
        String column,
        TypeMirror type,
        ValueType valueType,
        boolean id,
        boolean generated,
        boolean tenantId,
        boolean vendorId,
        boolean nullable,
        boolean nullableDeclared,
        Access read,
        Access write,
        Reference reference,
        Mapping mapping,
        Embedded embedded) {

    /** A property that is not part of an embedded value. */
    public Property(Element element, String name, String column, TypeMirror type, ValueType valueType, boolean id,
            boolean generated, boolean tenantId, boolean vendorId, boolean nullable, boolean nullableDeclared,
            Access read, Access write, Reference reference, Mapping mapping) {
        this(element, name, column, type, valueType, id, generated, tenantId, vendorId, nullable, nullableDeclared,
                read, write, reference, mapping, null);
    }

    /** Whether this is one column of an {@code @Embedded} value. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The name of the entity's property holding this column's value: the embedded value's ({@code
     * price}) for a component column, else its own.
     */
    public String ownerName() {
        return embedded != null ? embedded.name() : name;
    }

    /** The name as a Java identifier, for generated locals: {@code priceAmount} for {@code price.amount}. */
    public String identifier() {
        StringBuilder identifier = new StringBuilder();
        String[] parts = name.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            identifier.append(i == 0 ? parts[i] : Character.toUpperCase(parts[i].charAt(0)) + parts[i].substring(1));
        }
        return identifier.toString();
    }

    /**
     * Whether the value is written by INSERT: not generated ids, not the tenant, not the version,
     * not columns only the database writes. A column with a default is written (the default
     * applies when the value is null: see {@link #insertDefault()}).
     */
    public boolean insertable() {
        return !generated && !scopeColumn() && !mapping.databaseOwned() && !mapping.version();
    }

    /** The SQL default an insert falls back to when the value is null, or null when it has none. */
    public String insertDefault() {
        return mapping.defaultSql();
    }

    /**
     * Whether the value is written by UPDATE's SET list: never the id, the tenant, set-once columns
     * or columns only the database writes.
     */
    public boolean updatable() {
        return !id && !scopeColumn() && mapping.updatable() && !mapping.databaseOwned() && !mapping.version();
    }

    /**
     * Whether the property exposes a column the tenancy pass owns ({@code @TenantId}, {@code
     * @VendorId}): read from rows, never written from the entity.
     */
    public boolean scopeColumn() {
        return tenantId || vendorId;
    }

    /** This property, written through {@code access}: a subtype's setter of a root's property. */
    public Property withWrite(Access access) {
        if (embedded != null) {
            return new Property(element, name, column, type, valueType, id, generated, tenantId, vendorId, nullable,
                    nullableDeclared, read, write, reference, mapping, embedded.withWrite(access));
        }
        return new Property(element, name, column, type, valueType, id, generated, tenantId, vendorId, nullable, nullableDeclared,
                read, access, reference, mapping);
    }

    /** The PostgreSQL type of the column. */
    public String sqlType() {
        if (mapping.customType() != null) {
            return mapping.customType();
        }
        if (valueType == ValueType.LIST || valueType == ValueType.ARRAY) {
            return mapping.elementType().sqlType() + "[]";
        }
        return valueType.sqlType();
    }

    /** Whether the column is NOT NULL in the DDL. */
    public boolean notNull() {
        return id || tenantId || !nullable || valueType != null && valueType.isPrimitive();
    }
}
