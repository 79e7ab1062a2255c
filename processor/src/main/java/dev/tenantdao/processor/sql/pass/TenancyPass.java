package dev.tenantdao.processor.sql.pass;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.sql.Identifiers;
import dev.tenantdao.processor.sql.Parameter;
import dev.tenantdao.processor.sql.Statement;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Renderer;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.model.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place a statement is confined to the current tenant. Statements are built without any
 * tenancy; this pass adds, per strategy:
 * <ul>
 *   <li>row: the tenant predicate ({@code <table>.tenant_id = ?}) first in the WHERE of every
 *       entity table a statement reads or changes and first in the ON of every join to one, also
 *       inside subqueries; the tenant column, first, in every insert into one (the current tenant,
 *       or copied from the source row); the tenant column first in every conflict target; under
 *       row-level security, the tenant setting in front of the statement
 *       ({@code SELECT set_config('tenantdao.tenant', ?, true); <statement>});
 *   <li>schema: every entity table named in the tenant's schema ({@code {schema}.invoice}), and
 *       every type the entity's DDL creates, where a cast names it ({@code {schema}.staff_role});
 *   <li>database: nothing (the connection is the tenant's).
 * </ul>
 * A statement of a shared entity passes unchanged. Repository queries go through this same pass.
 *
 * <p>A {@code @SoftDelete} entity's live-rows predicate ({@code deleted_at IS NULL}, or what the
 * statement's {@link TableRef#rows()} asks for) is added by the same walk, right after the tenant's and
 * the vendor's, to every table reference this pass confines, and its conflict clause to every upsert:
 * {@link SoftDeletePass} says what they are (also for shared entities, which have no tenant predicate).
 *
 * <p>A {@code @VendorScoped} entity's rows belong to one vendor of their tenant, in every strategy;
 * this pass adds the vendor the same way, right after the tenant: the predicate {@code
 * <table>.vendor_id = COALESCE(?, <table>.vendor_id)} (its {@code ?} the current vendor, null only in
 * an explicit tenant-wide block, where it matches every vendor of the tenant), the vendor column of
 * inserts (the current vendor, which an insert requires, or copied from the source row), conflict
 * targets, keys and foreign keys between vendor-scoped tables; under row-level security the vendor
 * and the tenant-wide switch are set beside the tenant.
 */
public final class TenancyPass implements Sql.Visitor {

    /** The runtime's own statement setting the tenant ({@link Wire#SET_TENANT}), its {@code ?} the tenant. */
    private static final Sql SET_TENANT = setting(Wire.SET_TENANT, Parameter.tenantSetting());

    /**
     * The runtime's statement setting the tenant, the vendor and the tenant-wide switch ({@link
     * Wire#SET_TENANT_AND_VENDOR}), for vendor-scoped entities.
     */
    private static final Sql SET_TENANT_AND_VENDOR = setting(Wire.SET_TENANT_AND_VENDOR,
            Parameter.tenantSetting(), Parameter.vendorSetting(), Parameter.tenantWideSetting());

    private static Sql setting(String text, Parameter... parameters) {
        List<Object> parts = new ArrayList<>();
        int start = 0;
        for (Parameter parameter : parameters) {
            int mark = text.indexOf('?', start);
            parts.add(text.substring(start, mark));
            parts.add(parameter);
            start = mark + 1;
        }
        parts.add(text.substring(start));
        return new Sql.Raw(Fragment.of(parts.toArray()));
    }

    /**
     * The label of the tenant column a statement across tenants selects last ({@link #acrossTenants}),
     * which the generated code reads each row's tenant from.
     */
    public static final String ROW_TENANT_LABEL = "tenantdao_row_tenant";

    private final EntityModel entity;
    /** The live-rows predicate of a {@code @SoftDelete} entity's table, beside the tenant's. */
    private final SoftDeletePass softDeletes;
    /** Whether the row-level-security setting in front names the vendor even when the entity is not vendor-scoped. */
    private final boolean vendorSettings;
    /** Operator mode: every tenant's rows, each with its tenant ({@link #acrossTenants}). */
    private final boolean acrossTenants;

    public TenancyPass(EntityModel entity) {
        this(entity, false);
    }

    /**
     * The pass in operator mode, for a read of a row-tenanted entity across tenants (only inside
     * {@code Database.asOperator}, on the operators' login): no tenant or vendor predicate and no
     * tenant setting in front (the operators' policy shows every tenant's rows), the tenant column
     * selected last as {@value #ROW_TENANT_LABEL}; everything else as always (the live-rows predicate
     * of a soft-deleted entity, the tables). The only place a statement goes without the tenant predicate.
     *
     * @throws IllegalArgumentException when the entity has no tenant column (not row-tenanted)
     */
    public static TenancyPass acrossTenants(EntityModel entity) {
        if (!hasTenantColumn(entity)) {
            throw new IllegalArgumentException(entity.type() + " is not row-tenanted: no statement across tenants");
        }
        return new TenancyPass(entity, false, true);
    }

    private TenancyPass(EntityModel entity, boolean vendorSettings, boolean acrossTenants) {
        this.entity = entity;
        this.softDeletes = new SoftDeletePass(entity);
        this.vendorSettings = vendorSettings;
        this.acrossTenants = acrossTenants;
    }

    /**
     * The pass for a statement of {@code entity}'s that also reads vendor-scoped tables of other
     * entities (a native one, {@code vendorSettings}): under row-level security it sets the vendor and
     * the tenant-wide switch beside the tenant, as their policies need.
     */
    public TenancyPass(EntityModel entity, boolean vendorSettings) {
        this(entity, vendorSettings, false);
    }

    /**
     * {@code statement} confined to the current tenant, rendered to SQL text and bindings; in operator
     * mode ({@link #acrossTenants}), a select of every tenant's rows with their tenant.
     */
    public Statement apply(Sql statement) {
        if (acrossTenants) {
            if (!(visit(statement) instanceof Sql.Select select) || select.from() == null || !select.from().entityTable()) {
                throw new IllegalArgumentException("Across tenants, only a select from the entity's table: " + statement);
            }
            List<Fragment> columns = new ArrayList<>(select.columns());
            columns.add(Fragment.sql(select.from().qualifier() + tenantColumn(entity) + " AS " + ROW_TENANT_LABEL));
            return Renderer.render(new Sql.Select(columns, select.from(), select.joins(), select.where(), select.tail()));
        }
        Sql confined = visit(statement);
        if (setsTenant(entity)) {
            confined = new Sql.Script(List.of(vendorScoped(entity) || vendorSettings ? SET_TENANT_AND_VENDOR
                    : SET_TENANT, confined));
        }
        return Renderer.render(confined);
    }

    /**
     * {@code statement} confined to the current tenant without the row-level-security setting in
     * front: for the statements of a JDBC batch, which run after the setting was made once for the
     * transaction.
     */
    public Statement applyWithoutSetting(Sql statement) {
        return Renderer.render(visit(statement));
    }

    /** Whether the entity's tables are under row-level security, so each statement sets the tenant first. */
    public static boolean setsTenant(EntityModel entity) {
        return entity.isTenanted() && entity.tenancy().usesRowLevelSecurity();
    }

    /** Whether the entity's tables have a tenant column (row strategy). */
    public static boolean hasTenantColumn(EntityModel entity) {
        return entity.isTenanted() && entity.tenancy().isRow();
    }

    /** Whether the entity's rows belong to one vendor of their tenant, so its tables have a vendor column. */
    public static boolean vendorScoped(EntityModel entity) {
        return entity.isVendorScoped();
    }

    /** Whether the entity's tables live in each tenant's schema. */
    public static boolean inTenantSchema(EntityModel entity) {
        return entity.isTenanted() && entity.tenancy().isSchema();
    }

    /**
     * How DDL and statements name {@code table}, one of {@code entity}'s tables: {@code
     * {schema}.invoice} for schema per tenant, {@code invoice} otherwise.
     */
    public static String tableName(EntityModel entity, String table) {
        TableRef reference = TableRef.table(table);
        return Renderer.name(inTenantSchema(entity) ? reference.inTenantSchema() : reference);
    }

    /** How statements and DDL name {@code table} of an entity tenanted by {@code tenancy} (null: shared). */
    public static String tableName(dev.tenantdao.processor.model.Tenancy tenancy, String table) {
        TableRef reference = TableRef.table(table);
        return Renderer.name(tenancy != null && tenancy.isSchema() ? reference.inTenantSchema() : reference);
    }

    /**
     * The columns of a key, index or constraint of one of {@code entity}'s tables whose own columns
     * are {@code columns}: the tenant column first (row strategy), so keys, unique constraints and
     * indexes route by tenant and an upsert or reference can only meet the tenant's own rows.
     */
    public static String key(EntityModel entity, String... columns) {
        return key(entity.isTenanted() ? entity.tenancy() : null, columns);
    }

    /**
     * The columns of a key of a table tenanted by {@code tenancy} (another entity's: a reference's
     * target) whose own columns are {@code columns}: its tenant column first (row strategy).
     */
    public static String key(dev.tenantdao.processor.model.Tenancy tenancy, String... columns) {
        List<String> all = new ArrayList<>();
        if (tenancy != null && tenancy.isRow()) {
            all.add(Identifiers.quote(tenancy.column()));
        }
        if (tenancy != null && tenancy.vendorScoped()) {
            all.add(Identifiers.quote(tenancy.vendor().column()));
        }
        all.addAll(List.of(columns));
        return String.join(", ", all);
    }

    /**
     * The row-level-security policy's condition for a table tenanted by {@code tenancy}: its tenant
     * column equals the transaction's tenant setting ({@link Wire#TENANT_SETTING}, as the column's type).
     */
    public static String policyCondition(dev.tenantdao.processor.model.Tenancy tenancy) {
        String current = "NULLIF(current_setting('" + Wire.TENANT_SETTING + "', true), '')"
                + (tenancy.columnType() == dev.tenantdao.annotations.Tenanted.ColumnType.TEXT ? "" : "::" + tenancy.sqlType());
        String condition = Identifiers.quote(tenancy.column()) + " = " + current;
        if (tenancy.vendorScoped()) {
            String vendor = "NULLIF(current_setting('" + Wire.VENDOR_SETTING + "', true), '')"
                    + (tenancy.columnType() == dev.tenantdao.annotations.Tenanted.ColumnType.TEXT ? "" : "::" + tenancy.sqlType());
            condition += " AND (" + Identifiers.quote(tenancy.vendor().column()) + " = " + vendor
                    + " OR current_setting('" + Wire.TENANT_WIDE_SETTING + "', true) = '" + Wire.TENANT_WIDE + "')";
        }
        return condition;
    }

    /**
     * The columns this pass owns in {@code entity}'s tables, first in each: the tenant column ({@code
     * tenant_id text NOT NULL}, row strategy) and the vendor column (vendor-scoped, typed like it).
     */
    public static List<dev.tenantdao.annotations.internal.schema.SchemaModel.Column> scopeColumnsOf(EntityModel entity) {
        List<dev.tenantdao.annotations.internal.schema.SchemaModel.Column> columns = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            columns.add(new dev.tenantdao.annotations.internal.schema.SchemaModel.Column(
                    entity.tenancy().column(), entity.tenancy().sqlType(), true, null, false, null, null));
        }
        if (vendorScoped(entity)) {
            columns.add(new dev.tenantdao.annotations.internal.schema.SchemaModel.Column(
                    entity.tenancy().vendor().column(), entity.tenancy().sqlType(), true, null, false, null, null));
        }
        return columns;
    }

    /**
     * A vendor-scoped table's unique key for tenant-wide work by id: {@code (tenant_id, id)} ({@code
     * (id)} without a tenant column). Its primary key leads with the vendor after the tenant, which a
     * vendor's statements use whole; a tenant-wide statement ({@code vendor_id = COALESCE(NULL,
     * vendor_id)}) would otherwise scan every row of the tenant to find one id, and, with ids the
     * application assigns, two vendors could hold the same id, so one tenant-wide {@code
     * deleteById} would meet both. Empty when the entity is not vendor-scoped.
     */
    public static java.util.Optional<List<String>> tenantWideLookup(EntityModel entity, String idColumn) {
        if (!vendorScoped(entity)) {
            return java.util.Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            columns.add(entity.tenancy().column());
        }
        columns.add(idColumn);
        return java.util.Optional.of(columns);
    }

    /** {@link #key(EntityModel, String...)} as unquoted names, for the schema model. */
    public static List<String> keyColumns(EntityModel entity, String... columns) {
        return keyColumns(entity.isTenanted() ? entity.tenancy() : null, columns);
    }

    /** {@link #key(dev.tenantdao.processor.model.Tenancy, String...)} as unquoted names, for the schema model. */
    public static List<String> keyColumns(dev.tenantdao.processor.model.Tenancy tenancy, String... columns) {
        List<String> all = new ArrayList<>();
        if (tenancy != null && tenancy.isRow()) {
            all.add(tenancy.column());
        }
        if (tenancy != null && tenancy.vendorScoped()) {
            all.add(tenancy.vendor().column());
        }
        all.addAll(List.of(columns));
        return all;
    }

    /**
     * The columns of {@code entity}'s foreign key whose own column is {@code column}, to a key of a
     * table tenanted by {@code target} ({@link #keyColumns(dev.tenantdao.processor.model.Tenancy,
     * String...)}): its tenant column when the target has one (row strategy), its vendor column when
     * the target is vendor-scoped (then so is {@code entity}: the validator sees to it), so a row
     * only ever references its own tenant's and vendor's rows.
     */
    public static List<String> referenceColumns(EntityModel entity, dev.tenantdao.processor.model.Tenancy target,
            String column) {
        List<String> all = new ArrayList<>();
        if (target != null && target.isRow() && hasTenantColumn(entity)) {
            all.add(entity.tenancy().column());
        }
        if (target != null && target.vendorScoped() && vendorScoped(entity)) {
            all.add(entity.tenancy().vendor().column());
        }
        all.add(column);
        return all;
    }

    private static String tenantColumn(EntityModel entity) {
        return Identifiers.quote(entity.tenancy().column());
    }

    private static String vendorColumn(EntityModel entity) {
        return Identifiers.quote(entity.tenancy().vendor().column());
    }

    @Override
    public TableRef table(TableRef table) {
        return table.entityTable() && inTenantSchema(entity) ? table.inTenantSchema() : table;
    }

    /** A type the entity's DDL creates lives beside its tables: in the tenant's schema for schema per tenant. */
    @Override
    public Fragment.TypeName type(Fragment.TypeName type) {
        return inTenantSchema(entity) ? type.inTenantSchema() : type;
    }

    @Override
    public Sql.Select select(Sql.Select select) {
        Sql.Select visited = Sql.Visitor.super.select(select);
        List<Sql.Join> joins = visited.joins().stream()
                .map(join -> new Sql.Join(join.kind(), join.table(), acrossTenants && visited.from() != null
                        ? sameTenant(join.table(), visited.from(), confined(join.table(), join.on()))
                        : confined(join.table(), join.on())))
                .toList();
        List<Fragment> where = visited.from() == null ? visited.where() : confined(visited.from(), visited.where());
        return new Sql.Select(visited.columns(), visited.from(), joins, where, visited.tail());
    }

    @Override
    public Sql.Insert insert(Sql.Insert insert) {
        Sql.Insert inserted = Sql.Visitor.super.insert(insert);
        Sql.Insert visited = new Sql.Insert(inserted.table(), inserted.columns(), inserted.values(), inserted.select(),
                inserted.tenantFrom(), softDeletes.conflict(inserted.table(), inserted.onConflict()),
                inserted.returning());
        if (!visited.table().entityTable() || !hasTenantColumn(entity) && !vendorScoped(entity)) {
            return visited;
        }
        boolean current = visited.tenantFrom().isCurrent();
        String qualifier = current ? null : visited.tenantFrom().qualifier();
        List<String> scope = new ArrayList<>();
        List<Fragment> scopeValues = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            scope.add(tenantColumn(entity));
            scopeValues.add(current ? Fragment.bind(Parameter.tenant()) : Fragment.sql(qualifier + tenantColumn(entity)));
        }
        if (vendorScoped(entity)) {
            scope.add(vendorColumn(entity));
            scopeValues.add(current ? Fragment.bind(Parameter.newRowVendor()) : Fragment.sql(qualifier + vendorColumn(entity)));
        }
        List<String> columns = prepend(scope, visited.columns());
        List<Fragment> values = visited.values();
        Sql.Select source = visited.select();
        if (source == null) {
            values = prepend(scopeValues, values);
        } else {
            source = new Sql.Select(prepend(scopeValues, source.columns()), source.from(), source.joins(),
                    source.where(), source.tail());
        }
        Sql.OnConflict onConflict = visited.onConflict();
        if (onConflict != null) {
            onConflict = onConflict.target(prepend(scope, onConflict.target()));
        }
        return new Sql.Insert(visited.table(), columns, values, source, visited.tenantFrom(), onConflict,
                visited.returning());
    }

    @Override
    public Sql.Update update(Sql.Update update) {
        Sql.Update visited = Sql.Visitor.super.update(update);
        return new Sql.Update(visited.table(), visited.assignments(), visited.from(),
                confined(visited.table(), visited.where()), visited.returning());
    }

    @Override
    public Sql.Delete delete(Sql.Delete delete) {
        Sql.Delete visited = Sql.Visitor.super.delete(delete);
        return new Sql.Delete(visited.table(), confined(visited.table(), visited.where()), visited.returning());
    }

    /**
     * {@code conditions} with the tenant predicate of {@code table} first, when it is a row-tenanted
     * entity table, then the vendor predicate, when the entity is vendor-scoped.
     */
    private List<Fragment> confined(TableRef table, List<Fragment> conditions) {
        if (!table.entityTable()) {
            return conditions;
        }
        List<Fragment> scope = new ArrayList<>();
        if (hasTenantColumn(entity) && !acrossTenants) {
            scope.add(Fragment.of(table.qualifier() + tenantColumn(entity) + " = ", Parameter.tenant()));
        }
        if (vendorScoped(entity) && !acrossTenants) {
            String column = table.qualifier() + vendorColumn(entity);
            scope.add(Fragment.of(column + " = COALESCE(", Parameter.vendor(), ", " + column + ")"));
        }
        scope.addAll(softDeletes.predicate(table));
        return prepend(scope, conditions);
    }

    /**
     * Across tenants ({@link #acrossTenants}), the ON of a join to {@code joined}, a row-tenanted entity table:
     * its rows of the same tenant (and vendor) as the row of {@code from} they join, first; without the
     * current tenant's predicate, a join on the id alone would pair rows of different tenants with the same id.
     */
    private List<Fragment> sameTenant(TableRef joined, TableRef from, List<Fragment> conditions) {
        if (!joined.entityTable() || !from.entityTable() || !hasTenantColumn(entity)) {
            return conditions;
        }
        List<Fragment> scope = new ArrayList<>();
        scope.add(Fragment.sql(joined.qualifier() + tenantColumn(entity) + " = " + from.qualifier() + tenantColumn(entity)));
        if (vendorScoped(entity)) {
            scope.add(Fragment.sql(joined.qualifier() + vendorColumn(entity) + " = " + from.qualifier() + vendorColumn(entity)));
        }
        return prepend(scope, conditions);
    }

    private static <T> List<T> prepend(T first, List<T> rest) {
        return prepend(List.of(first), rest);
    }

    private static <T> List<T> prepend(List<T> first, List<T> rest) {
        List<T> all = new ArrayList<>(first.size() + rest.size());
        all.addAll(first);
        all.addAll(rest);
        return all;
    }
}
