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
 *   <li>schema: every entity table named in the tenant's schema ({@code {schema}.invoice});
 *   <li>database: nothing (the connection is the tenant's).
 * </ul>
 * A statement of a shared entity passes unchanged. Repository queries go through this same pass.
 */
public final class TenancyPass implements Sql.Visitor {

    /** The runtime's own statement setting the tenant ({@link Wire#SET_TENANT}), its {@code ?} the tenant. */
    private static final Sql SET_TENANT = new Sql.Raw(Fragment.of(
            Wire.SET_TENANT.substring(0, Wire.SET_TENANT.indexOf('?')), Parameter.tenantSetting(),
            Wire.SET_TENANT.substring(Wire.SET_TENANT.indexOf('?') + 1)));

    private final EntityModel entity;

    public TenancyPass(EntityModel entity) {
        this.entity = entity;
    }

    /** {@code statement} confined to the current tenant, rendered to SQL text and bindings. */
    public Statement apply(Sql statement) {
        Sql confined = visit(statement);
        if (setsTenant(entity)) {
            confined = new Sql.Script(List.of(SET_TENANT, confined));
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
        List<String> all = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            all.add(tenantColumn(entity));
        }
        all.addAll(List.of(columns));
        return String.join(", ", all);
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
        return Identifiers.quote(tenancy.column()) + " = " + current;
    }

    /** The tenant column of {@code entity}'s tables ({@code tenant_id text NOT NULL}), if they have one. */
    public static java.util.Optional<dev.tenantdao.annotations.internal.schema.SchemaModel.Column> tenantColumnOf(
            EntityModel entity) {
        return hasTenantColumn(entity)
                ? java.util.Optional.of(new dev.tenantdao.annotations.internal.schema.SchemaModel.Column(
                        entity.tenancy().column(), entity.tenancy().sqlType(), true, null, false, null, null))
                : java.util.Optional.empty();
    }

    /** {@link #key(EntityModel, String...)} as unquoted names, for the schema model. */
    public static List<String> keyColumns(EntityModel entity, String... columns) {
        List<String> all = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            all.add(entity.tenancy().column());
        }
        all.addAll(List.of(columns));
        return all;
    }

    /** {@link #key(dev.tenantdao.processor.model.Tenancy, String...)} as unquoted names, for the schema model. */
    public static List<String> keyColumns(dev.tenantdao.processor.model.Tenancy tenancy, String... columns) {
        List<String> all = new ArrayList<>();
        if (tenancy != null && tenancy.isRow()) {
            all.add(tenancy.column());
        }
        all.addAll(List.of(columns));
        return all;
    }

    private static String tenantColumn(EntityModel entity) {
        return Identifiers.quote(entity.tenancy().column());
    }

    @Override
    public TableRef table(TableRef table) {
        return table.entityTable() && inTenantSchema(entity) ? table.inTenantSchema() : table;
    }

    @Override
    public Sql.Select select(Sql.Select select) {
        Sql.Select visited = Sql.Visitor.super.select(select);
        List<Sql.Join> joins = visited.joins().stream()
                .map(join -> new Sql.Join(join.kind(), join.table(), confined(join.table(), join.on())))
                .toList();
        List<Fragment> where = visited.from() == null ? visited.where() : confined(visited.from(), visited.where());
        return new Sql.Select(visited.columns(), visited.from(), joins, where, visited.tail());
    }

    @Override
    public Sql.Insert insert(Sql.Insert insert) {
        Sql.Insert visited = Sql.Visitor.super.insert(insert);
        if (!visited.table().entityTable() || !hasTenantColumn(entity)) {
            return visited;
        }
        List<String> columns = new ArrayList<>(visited.columns());
        columns.add(0, tenantColumn(entity));
        Fragment value = visited.tenantFrom().isCurrent()
                ? Fragment.bind(Parameter.tenant())
                : Fragment.sql(visited.tenantFrom().qualifier() + tenantColumn(entity));
        List<Fragment> values = visited.values();
        Sql.Select source = visited.select();
        if (source == null) {
            values = prepend(value, values);
        } else {
            source = new Sql.Select(prepend(value, source.columns()), source.from(), source.joins(), source.where(),
                    source.tail());
        }
        Sql.OnConflict onConflict = visited.onConflict();
        if (onConflict != null) {
            List<String> target = new ArrayList<>(onConflict.target());
            target.add(0, tenantColumn(entity));
            onConflict = new Sql.OnConflict(target, onConflict.assignments());
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

    /** {@code conditions} with the tenant predicate of {@code table} first, when it is a row-tenanted entity table. */
    private List<Fragment> confined(TableRef table, List<Fragment> conditions) {
        if (!table.entityTable() || !hasTenantColumn(entity)) {
            return conditions;
        }
        return prepend(Fragment.of(table.qualifier() + tenantColumn(entity) + " = ", Parameter.tenant()), conditions);
    }

    private static <T> List<T> prepend(T first, List<T> rest) {
        List<T> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
