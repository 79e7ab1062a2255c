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
        if (!entity().isTenanted()) {
            return CodeBlock.of("");
        }
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("String tenant = support.requireTenant()");
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
        return code.build();
    }

    /** The tenant argument of {@code support.withConnection} and {@code atomically}: {@code tenant}, or null when shared. */
    String argument() {
        return entity().isTenanted() ? "tenant" : "null";
    }

    /** Rejects, before any SQL, an entity that exposes a tenant other than the current one. */
    CodeBlock requireCurrent(String target) {
        Optional<Property> tenantId = entity().tenantId();
        if (tenantId.isEmpty()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.requireCurrent($S, $L, $L)", Types.TENANT_KEYS, dao.name(), value(),
                        DaoContext.read(tenantId.get(), target))
                .build();
    }

    /** Binds the tenant column's value to parameter {@code index} of {@code statement}. */
    CodeBlock bind(int index) {
        return switch (entity().tenancy().columnType()) {
            case TEXT -> CodeBlock.of("statement.setString($L, tenant)", index);
            case UUID -> CodeBlock.of("statement.setObject($L, tenantKey)", index);
            case BIGINT -> CodeBlock.of("statement.setLong($L, tenantKey)", index);
        };
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
        return setting + (hasColumn() ? value() + ", " : "");
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
