package dev.tenantdao.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.tenantdao.processor.model.Access;
import dev.tenantdao.processor.model.Construction;
import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Hooks;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.sql.EntitySql;
import dev.tenantdao.processor.sql.InsertReadBack;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.function.Supplier;

/**
 * What every generator of one DAO shares: the entity, its statements, the DAO's field names, the
 * entity's name in generated methods, and the code fragments of the tenant, the statements, the
 * bindings and the hooks (each written in one place).
 */
final class DaoContext {

    private final EntityModel entity;
    private final EntitySql sql;
    private final FieldNames fields;
    private final String var;
    private final TenantCode tenant;
    private final StatementCode statements;
    private final Binder binder;
    private final HookCalls hooks;
    /** The names every method starts with, without and with the entity's ({@link Locals}); allocated once. */
    private final NameAllocator[] methodNames = new NameAllocator[2];

    /**
     * @param sql the entity's statements; null for a hierarchy root's DAO, whose generators are
     *     given their statements
     */
    DaoContext(EntityModel entity, EntitySql sql) {
        this.entity = entity;
        this.sql = sql;
        this.fields = FieldNames.of(entity);
        this.var = Locals.entityVariable(entity, fields);
        this.tenant = new TenantCode(this);
        this.statements = new StatementCode(this);
        this.binder = new Binder(this);
        this.hooks = new HookCalls(this);
    }

    EntityModel entity() {
        return entity;
    }

    /**
     * The names every new method of this DAO starts with ({@link Locals}: its own locals, the fields,
     * and {@code withEntity} the entity's), allocated by {@code allocate} the first time; callers copy it.
     */
    NameAllocator methodNames(boolean withEntity, Supplier<NameAllocator> allocate) {
        int which = withEntity ? 1 : 0;
        if (methodNames[which] == null) {
            methodNames[which] = allocate.get();
        }
        return methodNames[which];
    }

    /** The entity's statements (not for a hierarchy root). */
    EntitySql sql() {
        return sql;
    }

    ClassName type() {
        return entity.type();
    }

    /** The entity's simple name, as messages and operation names use it. */
    String name() {
        return entity.name();
    }

    Property id() {
        return entity.id();
    }

    TypeName idType() {
        return TypeName.get(entity.id().type());
    }

    /** The names of the DAO's fields. */
    FieldNames fields() {
        return fields;
    }

    /** The entity's name in generated methods. */
    String var() {
        return var;
    }

    /** The name of a list of entities in generated methods ({@code insertAll}'s parameter). */
    String all() {
        return Locals.plural(var);
    }

    TenantCode tenant() {
        return tenant;
    }

    StatementCode statements() {
        return statements;
    }

    Binder binder() {
        return binder;
    }

    HookCalls hooks() {
        return hooks;
    }

    /** The hooks the DAO runs: the entity's (and, for a hierarchy's root, its subtypes', on their rows). */
    Hooks entityHooks() {
        return entity.hooksOfRows();
    }

    /** " in the current tenant" for a tenanted entity, for Javadoc. */
    String inTenant() {
        return entity.isTenanted() ? " in the current tenant" : "";
    }

    /**
     * The value of {@code property} of {@code target}: its accessor call or its field; for a column of
     * an embedded value, the component of the value, null when the value is
     * ({@code (invoice.price() == null ? null : invoice.price().amount())}).
     */
    static CodeBlock read(Property property, String target) {
        if (property.isEmbedded()) {
            CodeBlock value = access(property.embedded().read(), target);
            return CodeBlock.of("($L == null ? null : $L)", value, access(property.read(), value.toString()));
        }
        return access(property.read(), target);
    }

    /** The embedded value {@code property} is a column of, on {@code target}: {@code invoice.price()}. */
    static CodeBlock readValue(Property property, String target) {
        return access(property.embedded().read(), target);
    }

    /** {@code target.name()} or {@code target.name}. */
    static CodeBlock access(Access read, String target) {
        return read.kind() == Access.Kind.METHOD
                ? CodeBlock.of("$L.$L()", target, read.name())
                : CodeBlock.of("$L.$L", target, read.name());
    }

    /**
     * The name of the DAO's method building {@code embedded} from its columns' values ({@link
     * MapMethods}): {@code embeddedPrice}, and one of its own for each other embedded value of that name
     * (subtypes of a hierarchy may each have one).
     */
    String embeddedMethod(dev.tenantdao.processor.model.Embedded embedded) {
        return embeddedMethods.computeIfAbsent(embedded, e -> {
            String base = "embedded" + dev.tenantdao.processor.read.Names.capitalize(e.name());
            String name = base;
            for (int n = 2; embeddedMethods.containsValue(name); n++) {
                name = base + n;
            }
            return name;
        });
    }

    private final java.util.Map<dev.tenantdao.processor.model.Embedded, String> embeddedMethods =
            new java.util.LinkedHashMap<>();

    /**
     * Whether writes fill the caller's instance with the row as stored (generated id, database
     * values) and return that instance: for classes read through setters, as JPA users expect.
     * Records and classes built through their constructor are returned as new instances.
     */
    boolean fillsInstances() {
        return entity.construction().kind() == Construction.Kind.SETTERS;
    }

    /** The row a write read back in {@code keys}: filled into {@code target} (see {@link #fillsInstances()}), or new. */
    String stored(String target) {
        return fillsInstances() ? "fill(keys, " + target + ")" : "map(keys)";
    }

    /**
     * The row an insert read back in {@code keys} ({@link InsertReadBack}: only what the database
     * filled in, when the DAO narrows its inserts), completed from {@code input} (the entity as
     * written): filled into it (see {@link #fillsInstances()}), or new.
     */
    String inserted(String input) {
        if (!InsertReadBack.narrows(entity)) {
            return stored(input);
        }
        return "asInserted(keys, " + input + ")";
    }

    /** The constant of the columns an insert reads back as the driver's generated keys. */
    String insertedColumnsConstant() {
        return InsertReadBack.narrows(entity) ? "INSERTED_COLUMNS" : "RETURNED_COLUMNS";
    }

    /**
     * Whether {@code insertAll} without a set-based statement is a JDBC batch: not when each insert is
     * a statement returning its row (audited entities, joined subtypes), run one by one.
     */
    boolean batchesInserts() {
        return sql.insertAll().isEmpty() && !entity.isAudited() && !entity.isJoinedSubtype();
    }

    /**
     * Whether some write reads its row back as the driver's generated keys ({@code RETURNED_COLUMNS}):
     * single writes that do not return rows themselves, or a JDBC batch.
     */
    boolean usesGeneratedKeys() {
        return !writesReturnRows() || batchesInserts();
    }

    /**
     * Whether inserts and updates are statements whose final SELECT returns the row (a CTE): for
     * audited entities and joined subtypes, and statements behind the row-level-security setting;
     * otherwise the driver's RETURNING of generated keys.
     */
    boolean writesReturnRows() {
        return entity.isAudited() || entity.isJoinedSubtype() || TenancyPass.setsTenant(entity);
    }

    /**
     * Whether a write finding no row asks whether it exists (a stale {@code @Version}, or no such
     * row): then on the write's own connection, through the private {@code exists}, so a method
     * never takes a second connection and the check belongs to the write's unit of work.
     */
    boolean checksExistence() {
        // (a hierarchy root's DAO hands its writes to the subtypes' DAOs, which check)
        return entity.version().isPresent() && !(entity.kind() instanceof HierarchyRoot);
    }

    /** Rejects a null id before any SQL ({@code value} names it in generated code); nothing for a primitive id. */
    CodeBlock requireNonNullId(Object value) {
        if (entity.id().type().getKind().isPrimitive()) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .addStatement("$T.requireNonNull($L, $S)", Types.OBJECTS, value, name() + "." + entity.id().name())
                .build();
    }

    /** Rejects a negative {@code argument} (a limit or offset) before any SQL. */
    static CodeBlock requireNotNegative(String argument) {
        return CodeBlock.builder()
                .beginControlFlow("if ($L < 0)", argument)
                .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, argument + " must not be negative: ",
                        argument)
                .endControlFlow()
                .build();
    }
}
