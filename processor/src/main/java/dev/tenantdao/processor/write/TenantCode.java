package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.Optional;

/** The tenant in generated code, in one place: finding it, checking it, and the values statements bind. */
final class TenantCode {

    private final DaoContext dao;

    TenantCode(DaoContext dao) {
        this.dao = dao;
    }

    private EntityModel entity() {
        return dao.entity();
    }

    /**
     * The first thing every tenanted method does before touching the database: find the current
     * tenant or throw {@code NoTenantException}, and turn it into what the statements need: the
     * tenant column's value (row strategy) or the tenant's schema (schema per tenant).
     */
    CodeBlock preamble() {
        return preamble(CodeBlock.of(""));
    }

    /**
     * {@link #preamble()} with {@code first} right after the tenant is found, before anything else
     * (the vendor): a check that must come first.
     */
    CodeBlock preamble(CodeBlock first) {
        if (!entity().isTenanted()) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("String tenant = support.requireTenant()")
                .add(first);
        switch (entity().tenancy().strategy()) {
            case ROW -> {
                switch (entity().tenancy().columnType()) {
                    case TEXT -> { }
                    case UUID -> code.addStatement("$T tenantKey = $T.uuid(tenant)", Types.UUID, Types.TENANT_KEYS);
                    case BIGINT -> code.addStatement("Long tenantKey = $T.bigint(tenant)", Types.TENANT_KEYS);
                }
            }
            case SCHEMA -> code.addStatement("String schema = support.schemaOf(tenant)");
            case DATABASE -> { }
        }
        if (vendorScoped()) {
            code.addStatement("String vendor = support.requireVendor(tenant)");
            switch (entity().tenancy().columnType()) {
                case TEXT -> { }
                case UUID -> code.addStatement("$T vendorKey = $T.vendorUuid(vendor)", Types.UUID, Types.TENANT_KEYS);
                case BIGINT -> code.addStatement("Long vendorKey = $T.vendorBigint(vendor)", Types.TENANT_KEYS);
            }
        }
        return code.build();
    }

    /**
     * {@link #preamble()} of a method that inserts rows: a vendor-scoped entity's also refuses a
     * tenant-wide block (a new row needs its vendor) before any SQL.
     */
    CodeBlock preambleInserting() {
        CodeBlock.Builder code = preamble().toBuilder();
        if (vendorScoped()) {
            code.addStatement("$T.vendorOfNewRow($S, vendor)", Types.TENANT_KEYS, dao.name());
        }
        return code.build();
    }

    /** Whether the entity's rows belong to one vendor of their tenant. */
    boolean vendorScoped() {
        return TenancyPass.vendorScoped(entity());
    }

    /** Binds the vendor of a predicate (null tenant-wide, matching every vendor) to parameter {@code index}. */
    CodeBlock bindVendor(int index) {
        return entity().tenancy().columnType() == Tenanted.ColumnType.TEXT
                ? CodeBlock.of("statement.setString($L, vendor)", index)
                : CodeBlock.of("statement.setObject($L, vendorKey)", index);
    }

    /**
     * The vendor a statement writing the entity {@code target} (an update) runs for: the current
     * one, or, tenant-wide, the vendor the entity carries ({@code @VendorId}), so a tenant-wide
     * update meets the row only when it still belongs to the vendor the entity says (null: any).
     * Null when the statement writes no entity or the entity carries no vendor.
     */
    private CodeBlock carriedVendor(String target, boolean text) {
        Optional<Property> vendorId = entity().vendorId();
        if (target == null || target.equals("null") || vendorId.isEmpty() || !vendorScoped()) {
            return null;
        }
        return CodeBlock.of("$T.narrowed($L, $L)", Types.TENANT_KEYS, text ? "vendor" : "vendorKey",
                text && entity().tenancy().columnType() != Tenanted.ColumnType.TEXT
                        ? CodeBlock.of("$T.text($L)", Types.TENANT_KEYS, DaoContext.read(vendorId.get(), target))
                        : DaoContext.read(vendorId.get(), target));
    }

    /** {@link #bindVendor(int)} of a statement writing the entity {@code target} (see {@link #carriedVendor}). */
    CodeBlock bindVendor(int index, String target) {
        boolean text = entity().tenancy().columnType() == Tenanted.ColumnType.TEXT;
        CodeBlock carried = carriedVendor(target, text);
        if (carried == null) {
            return bindVendor(index);
        }
        return text ? CodeBlock.of("statement.setString($L, $L)", index, carried)
                : CodeBlock.of("statement.setObject($L, $L)", index, carried);
    }

    /** {@link #bindVendorSetting(int)} of a statement writing the entity {@code target}. */
    CodeBlock bindVendorSetting(int index, String target) {
        CodeBlock carried = carriedVendor(target, true);
        return carried == null ? bindVendorSetting(index)
                : CodeBlock.of("statement.setString($L, $T.vendorSetting($L))", index, Types.TENANT_KEYS, carried);
    }

    /** {@link #bindTenantWideSetting(int)} of a statement writing the entity {@code target}. */
    CodeBlock bindTenantWideSetting(int index, String target) {
        CodeBlock carried = carriedVendor(target, true);
        return carried == null ? bindTenantWideSetting(index)
                : CodeBlock.of("statement.setString($L, $T.tenantWideSetting($L))", index, Types.TENANT_KEYS, carried);
    }

    /** Binds the vendor of a new row (the current vendor, required) to parameter {@code index}. */
    CodeBlock bindNewRowVendor(int index) {
        CodeBlock vendor = CodeBlock.of("$T.vendorOfNewRow($S, vendor)", Types.TENANT_KEYS, dao.name());
        return switch (entity().tenancy().columnType()) {
            case TEXT -> CodeBlock.of("statement.setString($L, $L)", index, vendor);
            case UUID -> CodeBlock.of("statement.setObject($L, $T.vendorUuid($L))", index, Types.TENANT_KEYS, vendor);
            case BIGINT -> CodeBlock.of("statement.setObject($L, $T.vendorBigint($L))", index, Types.TENANT_KEYS, vendor);
        };
    }

    /** Binds the vendor row-level-security setting ({@code ''} tenant-wide) to parameter {@code index}. */
    CodeBlock bindVendorSetting(int index) {
        return CodeBlock.of("statement.setString($L, $T.vendorSetting(vendor))", index, Types.TENANT_KEYS);
    }

    /** Binds the tenant-wide switch ({@code on} tenant-wide, else {@code ''}) to parameter {@code index}. */
    CodeBlock bindTenantWideSetting(int index) {
        return CodeBlock.of("statement.setString($L, $T.tenantWideSetting(vendor))", index, Types.TENANT_KEYS);
    }

    /** Adds the vendor parameters of a private helper the tenanted methods call: {@code vendor}, and its column value. */
    void addVendorParameters(com.palantir.javapoet.MethodSpec.Builder method) {
        if (vendorScoped()) {
            method.addParameter(String.class, "vendor");
            if (entity().tenancy().columnType() != Tenanted.ColumnType.TEXT) {
                method.addParameter(valueType(), "vendorKey");
            }
        }
    }

    /** The arguments for {@link #addVendorParameters}, each followed by ", ". */
    String vendorArguments() {
        if (!vendorScoped()) {
            return "";
        }
        return entity().tenancy().columnType() == Tenanted.ColumnType.TEXT ? "vendor, " : "vendor, vendorKey, ";
    }

    /** The tenant argument of {@code support.withConnection} and {@code atomically}: {@code tenant}, or null when shared. */
    String argument() {
        return entity().isTenanted() ? "tenant" : "null";
    }

    /** Rejects, before any SQL, an entity that exposes a tenant or vendor other than the current one. */
    CodeBlock requireCurrent(String target) {
        CodeBlock.Builder code = CodeBlock.builder();
        Optional<Property> tenantId = entity().tenantId();
        tenantId.ifPresent(property -> code.addStatement("$T.requireCurrent($S, $L, $L)", Types.TENANT_KEYS, dao.name(),
                value(), DaoContext.read(property, target)));
        Optional<Property> vendorId = entity().vendorId();
        if (vendorId.isPresent() && vendorScoped()) {
            code.addStatement("$T.requireCurrentVendor($S, tenant, $L, $L)", Types.TENANT_KEYS, dao.name(),
                    entity().tenancy().columnType() == Tenanted.ColumnType.TEXT ? "vendor" : "vendorKey",
                    DaoContext.read(vendorId.get(), target));
        }
        return code.build();
    }

    /** Binds the tenant column's value to parameter {@code index} of {@code statement}. */
    CodeBlock bind(int index) {
        return switch (entity().tenancy().columnType()) {
            case TEXT -> CodeBlock.of("statement.setString($L, tenant)", index);
            case UUID -> CodeBlock.of("statement.setObject($L, tenantKey)", index);
            case BIGINT -> CodeBlock.of("statement.setLong($L, tenantKey)", index);
        };
    }

    /**
     * Under row-level security, the tenant setting made on {@code connection} for the rest of its
     * transaction, as a statement of its own (before a batch or a cursor, whose statements carry no
     * setting in front): the tenant, and for a vendor-scoped entity the vendor and the tenant-wide switch.
     */
    CodeBlock setOnConnection() {
        return setOnConnection(false);
    }

    /**
     * {@link #setOnConnection()}, with the vendor settings also when the entity is not vendor-scoped
     * but the statement reads vendor-scoped tables ({@code vendorSettings}: a native one, with a
     * {@code vendor} in scope).
     */
    CodeBlock setOnConnection(boolean vendorSettings) {
        return vendorScoped() || vendorSettings
                ? CodeBlock.of("$T.setTenantAndVendor(connection, tenant, vendor);\n", Types.TENANT_SQL)
                : CodeBlock.of("$T.setTenant(connection, tenant);\n", Types.TENANT_SQL);
    }

    /** Binds the tenant as text (the row-level-security setting) to parameter {@code index}. */
    CodeBlock bindSetting(int index) {
        return CodeBlock.of("statement.setString($L, tenant)", index);
    }

    /** The local holding the tenant column's value. */
    String value() {
        return entity().tenancy().columnType() == Tenanted.ColumnType.TEXT ? "tenant" : "tenantKey";
    }

    TypeName valueType() {
        return switch (entity().tenancy().columnType()) {
            case TEXT -> ClassName.get(String.class);
            case UUID -> Types.UUID;
            case BIGINT -> ClassName.get(Long.class);
        };
    }

    /** Whether a method passing the tenant on must pass the tenant's text besides its column value. */
    boolean needsSettingBesidesValue() {
        return TenancyPass.setsTenant(entity()) && !value().equals("tenant");
    }

    /** The tenant arguments of {@code bindInsert}, each followed by ", ": none when the table has no tenant column. */
    String insertArguments() {
        String setting = needsSettingBesidesValue() ? "tenant, " : "";
        return setting + (hasColumn() ? value() + ", " : "") + vendorArguments();
    }

    /** Whether the entity's table has a tenant column (row strategy). */
    boolean hasColumn() {
        return entity().isTenanted() && entity().tenancy().isRow();
    }

    /** Whether statements run in the tenant's schema. */
    boolean inSchema() {
        return entity().isTenanted() && entity().tenancy().isSchema();
    }
}
