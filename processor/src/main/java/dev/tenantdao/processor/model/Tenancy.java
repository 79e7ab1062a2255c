package dev.tenantdao.processor.model;

import dev.tenantdao.annotations.Tenanted;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * How an entity is tenanted.
 *
 * @param rowLevelSecurity row strategy: whether the DDL adds row-level security policies
 * @param annotated the entity or package carrying {@code @Tenanted}, for diagnostics
 * @param annotation the {@code @Tenanted} mirror, for diagnostics
 * @param vendor the nested vendor scope ({@code @VendorScoped}), or null when the entity's rows
 *     belong to the tenant as a whole
 * @param operatorRole the group role whose members read across tenants, audited (processor option
 *     {@code tenantdao.operatorRole}), or null: the DDL grants no operator access
 */
public record Tenancy(
        Tenanted.Strategy strategy,
        String column,
        Tenanted.ColumnType columnType,
        boolean rowLevelSecurity,
        Element annotated,
        AnnotationMirror annotation,
        Vendor vendor,
        String operatorRole) {

    /**
     * A vendor scope inside the tenant: the vendor column, typed like the tenant column.
     *
     * @param annotated the entity carrying {@code @VendorScoped}, for diagnostics
     */
    public record Vendor(String column, Element annotated, AnnotationMirror annotation) {}

    public Tenancy(Tenanted.Strategy strategy, String column, Tenanted.ColumnType columnType, boolean rowLevelSecurity,
            Element annotated, AnnotationMirror annotation) {
        this(strategy, column, columnType, rowLevelSecurity, annotated, annotation, null, null);
    }

    public Tenancy(Tenanted.Strategy strategy, String column, Tenanted.ColumnType columnType, boolean rowLevelSecurity,
            Element annotated, AnnotationMirror annotation, Vendor vendor) {
        this(strategy, column, columnType, rowLevelSecurity, annotated, annotation, vendor, null);
    }

    /** Whether rows belong to one vendor of their tenant ({@code @VendorScoped}). */
    public boolean vendorScoped() {
        return vendor != null;
    }

    /** Whether rows of all tenants share the table and a discriminator column tells them apart. */
    public boolean isRow() {
        return strategy == Tenanted.Strategy.ROW;
    }

    public boolean isSchema() {
        return strategy == Tenanted.Strategy.SCHEMA;
    }

    /**
     * Whether the tables of a schema- or database-per-tenant entity have row-level security: with
     * operator access only, a policy letting everyone at the tenant's own rows ({@link
     * dev.tenantdao.annotations.internal.Wire#TENANTS_OWN_ROWS}) and the operators' policies beside it.
     */
    public boolean ownRowsPolicy() {
        return !isRow() && operatorRole != null;
    }

    /** Whether the DDL and the DAO use row-level security (row strategy only). */
    public boolean usesRowLevelSecurity() {
        return isRow() && rowLevelSecurity;
    }

    /** Whether two tenancies keep tenants apart the same way, so rows of one may reference the other's. */
    public boolean compatibleWith(Tenancy other) {
        // the column type types the tenant column (row strategy) and the vendor column (in any strategy)
        return strategy == other.strategy
                && (!isRow() && !(vendorScoped() && other.vendorScoped()) || columnType == other.columnType);
    }

    /** For messages: {@code ROW (tenant_id text)}, {@code SCHEMA}, {@code ROW (tenant_id text), vendor-scoped (vendor_id)}. */
    public String describe() {
        return (isRow() ? "ROW (" + column + " " + sqlType() + ")" : strategy.name())
                + (vendorScoped() ? ", vendor-scoped (" + vendor.column() + ")" : "");
    }

    /** The PostgreSQL type of the discriminator column. */
    public String sqlType() {
        return switch (columnType) {
            case TEXT -> "text";
            case UUID -> "uuid";
            case BIGINT -> "bigint";
        };
    }

    /** The Java type a {@code @TenantId} field must have. */
    public String javaType() {
        return switch (columnType) {
            case TEXT -> "java.lang.String";
            case UUID -> "java.util.UUID";
            case BIGINT -> "java.lang.Long";
        };
    }
}
