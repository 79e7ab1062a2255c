package dev.tenantdao.processor.sql;

import static dev.tenantdao.annotations.internal.Wire.HISTORY_ACTOR;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_CHANGED_AT;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_OPERATION;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_TRANSACTION_ID;
import static dev.tenantdao.annotations.internal.Wire.HISTORY_VERSION;

import dev.tenantdao.processor.model.EntityKind.HierarchyRoot;
import dev.tenantdao.processor.model.EntityKind.InHierarchy;
import dev.tenantdao.processor.model.EntityKind.JoinedTable;
import dev.tenantdao.processor.model.EntityKind.Standalone;
import dev.tenantdao.processor.model.EntityKind.Subtype;
import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.read.Names;
import dev.tenantdao.processor.sql.model.Fragment;
import dev.tenantdao.processor.sql.model.Sql;
import dev.tenantdao.processor.sql.model.TableRef;
import dev.tenantdao.processor.sql.pass.AuditPass;
import dev.tenantdao.processor.sql.pass.AuditPass.Recording;
import dev.tenantdao.processor.sql.pass.SoftDeletePass;
import dev.tenantdao.processor.sql.pass.TenancyPass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds every statement of an entity's DAO (or a hierarchy root's) as a value of the statement
 * model ({@link Sql}), without tenancy: which columns, which rows, which order. Each then goes
 * through the {@link AuditPass} (the change test, the history version, the history insert) when
 * it writes, and through the {@link TenancyPass} (tenant predicate, tenant value, conflict target,
 * schema, row-level-security setting), which renders it to SQL text and bindings.
 */
public final class SqlBuilder {

    private final EntityModel entity;
    private final TenancyPass tenancy;
    private final AuditPass audit;
    private final SoftDeletePass softDeletes;
    private final Property id;
    /** The entity's (root's) table; its columns qualified for joined reads. */
    private final TableRef table;
    /** How the root table's columns are written: empty, or its quoted name and a dot for joined reads. */
    private final String qualifier;

    public SqlBuilder(EntityModel entity) {
        this.entity = entity;
        this.tenancy = new TenancyPass(entity);
        this.audit = new AuditPass(entity);
        this.softDeletes = new SoftDeletePass(entity);
        this.id = entity.id();
        boolean joined = entity.kind() instanceof InHierarchy member && member.hierarchy().isJoined();
        this.qualifier = joined ? Identifiers.quote(entity.table()) + "." : "";
        this.table = TableRef.table(entity.table()).qualified(qualifier);
    }

    /** A table of a joined hierarchy besides the root's (a subtype's, a level's), its tenant column qualified by its name. */
    private static TableRef joinedTable(String name) {
        return TableRef.table(name).qualified(Identifiers.quote(name) + ".");
    }

    // ---- the statements of an entity's DAO --------------------------------------------------------

    public EntitySql build() {
        boolean inHierarchy = entity.kind() instanceof InHierarchy;
        Sql insert = entity.isJoinedSubtype() ? joinedInsert() : returned(insert(), Recording.INSERT);
        Optional<Sql> update = entity.isJoinedSubtype() ? joinedUpdate() : update().map(u -> returned(u, Recording.UPDATE));
        List<EntitySql.Upsert> upserts = inHierarchy ? List.of() : upserts();
        return new EntitySql(tenancy.apply(insert), insertAll().map(tenancy::apply),
                tenancy.applyWithoutSetting(insert()), update.map(tenancy::apply),
                tenancy.apply(findById()), tenancy.apply(findAllAfter()), tenancy.apply(findAll()),
                tenancy.apply(count()), tenancy.apply(existsById()), tenancy.apply(deleteById()), upserts,
                deleteVersioned().map(tenancy::apply), currentVersion().map(tenancy::apply), history(),
                entity.properties().stream().map(Property::column).toList(),
                InsertReadBack.columns(entity).stream().map(Property::column).toList(),
                inHierarchy ? "" : new DdlBuilder(entity).build(), softDeleteSql(select(), this::recordedDelete),
                acrossTenants(select()));
    }

    /**
     * Operator access ({@code -Atenantdao.operatorRole}, a row-tenanted entity, a hierarchy's root, intermediate level
     * or subtype, each restricted to its discriminator values as its other reads are): the reads of every tenant's rows of {@code rows} (a page in key order, the page after a tenant and id,
     * the rows with an id, each tenant's count), each through the tenancy pass in operator mode.
     */
    private Optional<AcrossTenantsSql> acrossTenants(Sql.Select rows) {
        if (!TenancyPass.hasTenantColumn(entity) || entity.tenancy().operatorRole() == null) {
            return Optional.empty();
        }
        TenancyPass across = TenancyPass.acrossTenants(entity);
        // qualified: a joined hierarchy's subtype tables have a tenant column too
        String tenant = tenantColumn();
        // the order of every tenant's rows: by tenant and id, a unique key of every such table (a vendor-scoped
        // table's too: its tenant-wide lookup), so the offset page and the keyset walk meet the rows in one order
        String key = tenant + ", " + idColumn();
        Sql page = rows.tail(Fragment.of(" ORDER BY " + key + " LIMIT ", Parameter.limit(), " OFFSET ",
                Parameter.offset()));
        Sql after = rows
                .where(Fragment.of("(" + key + ") > (").append(tenantKey(Parameter.argument(
                        "afterTenant", ValueType.STRING)), ", ", Parameter.idArgument(id), ")"))
                .tail(Fragment.of(" ORDER BY " + key + " LIMIT ", Parameter.limit()));
        // (one row per tenant at most)
        Sql byId = rows.where(Fragment.sql(idColumn() + " = ").append(Fragment.bind(Parameter.idArgument(id))))
                .tail(Fragment.sql(" ORDER BY " + tenant));
        String counted = Identifiers.quote(entity.tenancy().column());
        Sql count = count().tail(Fragment.sql(" GROUP BY " + counted + " ORDER BY " + counted));
        return Optional.of(new AcrossTenantsSql(across.apply(page), across.apply(after), across.apply(byId),
                across.apply(count)));
    }

    /**
     * The statements of a {@code @SoftDelete} entity's own methods, from its read ({@code rows}) and
     * how it writes a change to the row with an id ({@code recorded}: audited, with its history).
     */
    private Optional<SoftDeleteSql> softDeleteSql(Sql.Select rows,
            java.util.function.BiFunction<Sql, Recording, Sql> recorded) {
        if (!softDeletes.softDeletes()) {
            return Optional.empty();
        }
        Sql.Select deleted = new Sql.Select(rows.columns(), rows.from().rows(TableRef.Rows.DELETED), rows.joins(),
                rows.where(), rows.tail());
        Sql.Delete byId = new Sql.Delete(table.qualified(""),
                where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id)))), null);
        return Optional.of(new SoftDeleteSql(
                tenancy.apply(recorded.apply(softDeletes.unmark(byId), SoftDeletePass.RESTORE)),
                tenancy.apply(deleted.where(Fragment.sql(idColumn() + " = ").append(Fragment.bind(Parameter.idArgument(id))))),
                tenancy.apply(page(deleted)),
                tenancy.apply(recorded.apply(softDeletes.purge(byId), SoftDeletePass.PURGE))));
    }

    /**
     * A single-row write as the DAO runs it: audited, recording its history and selecting the row
     * from {@code changed}; under row-level security, returning the row itself (a statement after the
     * tenant setting cannot use the driver's generated keys); otherwise as it is.
     */
    private Sql returned(Sql change, Recording recording) {
        // an insert reads back only what the database filled in; an upsert, which may update an existing row, all of it
        List<Fragment> returned = recording == Recording.INSERT ? insertedColumns("") : columns("");
        if (audit.audits()) {
            return audit.record(change, recording, Sql.Select.of(returned, TableRef.cte("changed")));
        }
        if (!TenancyPass.setsTenant(entity)) {
            return change;
        }
        Fragment all = Fragment.join(", ", returned);
        return change instanceof Sql.Insert insert ? insert.returning(all) : ((Sql.Update) change).returning(all);
    }

    /** The columns an insert reads back ({@link InsertReadBack}) in select order, each prefixed by {@code prefix}. */
    private List<Fragment> insertedColumns(String prefix) {
        return InsertReadBack.columns(entity).stream().map(p -> Fragment.sql(prefix + Identifiers.quote(p.column()))).toList();
    }

    /** The entity's columns in select order, each prefixed by {@code prefix}. */
    private List<Fragment> columns(String prefix) {
        return entity.properties().stream().map(p -> Fragment.sql(prefix + Identifiers.quote(p.column()))).toList();
    }

    /**
     * {@code INSERT}: the discriminator of a subtype, then every insertable property (of the root's
     * table, for a joined subtype), a column with a default falling back to it when the value is
     * null; audited, the row's first history version.
     */
    Sql.Insert insert() {
        List<String> columns = new ArrayList<>();
        List<Fragment> values = new ArrayList<>();
        if (entity.kind() instanceof Subtype subtype) {
            columns.add(Identifiers.quote(subtype.hierarchy().discriminator()));
            values.add(Fragment.sql(literal(subtype.value())));
        }
        for (Property property : entity.isJoinedSubtype() ? entity.rootProperties() : entity.properties()) {
            if (property.insertable()) {
                columns.add(Identifiers.quote(property.column()));
                values.add(valueOrDefault(property, Fragment.bind(Parameter.entity(property))));
            }
        }
        Sql.Insert insert = new Sql.Insert(TableRef.table(entity.table()), columns, values, null,
                Sql.TenantSource.CURRENT, null, null);
        return audit.continuingVersions(insert, Fragment.bind(Parameter.entity(id)));
    }

    /**
     * The value an insert writes for {@code property}: the value itself, or for a column with a
     * default, the default when the value is null ({@code COALESCE(CAST(? AS type), (default))}: the
     * cast keeps the column's type, which a plain {@code ?} gets from the INSERT).
     */
    private static Fragment valueOrDefault(Property property, Fragment value) {
        String fallback = property.insertDefault();
        return fallback == null ? value
                : Fragment.sql("COALESCE(CAST(").append(value, " AS ", castType(property), "), (" + fallback + "))");
    }

    /**
     * The column's type as a cast names it: without a length, so that the assignment to the column
     * applies it. An explicit cast to {@code varchar(5)} cuts a longer value down without an error,
     * where the assignment refuses it ("value too long"); a blank-padded {@code char(n)} is cast to
     * {@code bpchar} (plain {@code char} would mean {@code char(1)}), {@code bit(n)} to {@code varbit}.
     * Types whose modifier is not a length are left as they are. A type the entity's DDL creates
     * (the PostgreSQL enum type of an enum column) is a {@link Fragment.TypeName}: the tenancy pass
     * names it where the DDL created it, in the tenant's schema for schema per tenant.
     */
    public static Fragment castType(Property property) {
        return createsType(property) ? Fragment.of(Fragment.TypeName.of(property.mapping().customType()))
                : Fragment.sql(castType(property.sqlType()));
    }

    /** {@link #castType(Property)}, an array of it: {@code text[]}, {@code staff_role[]}. */
    public static Fragment castArrayType(Property property) {
        return createsType(property) ? Fragment.of(Fragment.TypeName.of(property.mapping().customType()).array())
                : Fragment.sql(castType(property.sqlType()) + "[]");
    }

    /** Whether the entity's DDL creates the column's type: an enum stored as a PostgreSQL enum type. */
    private static boolean createsType(Property property) {
        return !property.mapping().enumConstants().isEmpty();
    }

    public static String castType(String type) {
        java.util.regex.Matcher typed = LENGTH.matcher(type);
        if (!typed.matches()) {
            return type;
        }
        String base = typed.group(1).strip().toLowerCase(java.util.Locale.ROOT);
        String rest = typed.group(2);
        return switch (base) {
            case "varchar", "character varying", "numeric", "decimal", "time", "timestamp", "interval" -> base + rest;
            case "char", "character", "bpchar" -> "bpchar" + rest;
            case "bit" -> "varbit" + rest;
            default -> type;
        };
    }

    /** {@code <base>(<n>[, <m>])<rest>}: a type with a length or precision, and what follows it. */
    private static final java.util.regex.Pattern LENGTH =
            java.util.regex.Pattern.compile("([A-Za-z ]+?)\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\)(.*)");

    /**
     * Many rows in one statement, returned in list order by construction:
     * <pre>{@code
     * WITH input AS (SELECT u.*, <generated id> AS k FROM unnest(?::bigint[], ?::text[]) WITH ORDINALITY AS u(c1, c2, n)),
     *      changed AS (INSERT INTO t (tenant_id, ...) SELECT ?, input.c1, input.c2 FROM input ORDER BY input.n RETURNING *)
     * SELECT changed.<columns> FROM changed JOIN input ON changed.id = input.<id> ORDER BY input.n
     * }</pre>
     * One array per column; the tenant is one value for all rows. Each row's id is known in {@code
     * input} (the application's, or generated there), so every row returned is joined back to its
     * ordinal: the order does not depend on the order of {@code RETURNING}, which PostgreSQL does
     * not promise. Audited: the history rows are written by the same statement. Empty when a column
     * cannot travel in an array, and for a joined subtype (whose insert spans two tables).
     */
    Optional<Sql> insertAll() {
        if (entity.isJoinedSubtype()) {
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        List<Fragment> selected = new ArrayList<>();
        List<Fragment> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        if (entity.kind() instanceof Subtype subtype) {
            columns.add(Identifiers.quote(subtype.hierarchy().discriminator()));
            selected.add(Fragment.sql(literal(subtype.value())));
        }
        // the id of each row, known in input before the insert: the application's (input.cN), or one the
        // database chooses there (input.k): a generated id, or a column default when the value is null
        boolean idInInput = id.generated() || id.insertDefault() != null;
        Fragment idValue = null;
        if (idInInput) {
            idValue = Fragment.sql("input.k");
            columns.add(quotedId());
            selected.add(idValue);
        }
        String idAlias = null;
        int n = 0;
        for (Property property : entity.properties()) {
            if (!property.insertable()) {
                continue;
            }
            if (property.valueType() == null || property.valueType().unnestElementName() == null) {
                return Optional.empty();
            }
            String alias = "c" + (++n);
            aliases.add(alias);
            arrays.add(Fragment.of(Parameter.entity(property), "::").append(castArrayType(property)));
            if (property.id()) {
                idAlias = alias;
                if (idInInput) {
                    continue;       // inserted as input.k
                }
                idValue = Fragment.sql("input." + alias);
            }
            columns.add(Identifiers.quote(property.column()));
            selected.add(valueOrDefault(property, Fragment.sql("input." + alias)));
        }
        if (aliases.isEmpty()) {
            return Optional.empty();
        }
        aliases.add("n");
        Fragment generatedId = Fragment.sql("");
        if (id.generated()) {
            generatedId = Fragment.sql(", ").append(DdlBuilder.generatedId(id, TableRef.table(entity.table())), " AS k");
        } else if (idInInput) {
            generatedId = Fragment.sql(", " + (idAlias == null ? "(" + id.insertDefault() + ")"
                    : "COALESCE(u." + idAlias + ", (" + id.insertDefault() + "))") + " AS k");
        }
        Sql.Select input = Sql.Select.of(List.of(Fragment.sql("u.*").append(generatedId)), null)
                .tail(Fragment.sql(" FROM unnest(").append(Fragment.join(", ", arrays),
                        ") WITH ORDINALITY AS u(" + String.join(", ", aliases) + ")"));
        Sql.Insert insert = audit.continuingVersions(new Sql.Insert(TableRef.table(entity.table()), columns, List.of(),
                Sql.Select.of(selected, TableRef.cte("input")).tail(Fragment.sql(" ORDER BY input.n")),
                Sql.TenantSource.CURRENT, null, null), idValue);
        Sql.Select result = Sql.Select.of(insertedColumns("changed."), TableRef.cte("changed"))
                .join(new Sql.Join("JOIN", TableRef.cte("input"),
                        List.of(Fragment.sql("changed." + quotedId() + " = ").append(idValue))))
                .tail(Fragment.sql(" ORDER BY input.n"));
        List<Sql.Cte> ctes = List.of(new Sql.Cte("input", input),
                new Sql.Cte("changed", insert.returning(Fragment.sql("*"))));
        return Optional.of(audit.audits() ? audit.record(ctes, Recording.INSERT, result) : new Sql.With(ctes, result));
    }

    /** Upserts on the id (unless the database generates it) and on every unique column. */
    List<EntitySql.Upsert> upserts() {
        List<EntitySql.Upsert> upserts = new ArrayList<>();
        if (!id.generated()) {
            upserts.add(new EntitySql.Upsert(id, "upsert", "UPSERT", tenancy.apply(upsert(id))));
        }
        for (Property property : entity.properties()) {
            if (property.mapping().unique() && !property.id()) {
                upserts.add(new EntitySql.Upsert(property, "upsertBy" + Names.capitalize(property.identifier()),
                        upsertConstant(property), tenancy.apply(upsert(property))));
            }
        }
        return upserts;
    }

    /** The constant of an upsert on the unique {@code property}: {@code UPSERT_BY_NUMBER}. */
    public static String upsertConstant(Property property) {
        return "UPSERT_BY_" + property.column().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The insert, and on a conflict on {@code key} (the tenancy pass puts the tenant column first,
     * so an upsert can only ever meet a row of the current tenant) an update of every updatable
     * column to the inserted values, and of the version.
     */
    private Sql upsert(Property key) {
        Sql.Insert insert = insert();
        List<Sql.Assignment> assignments = new ArrayList<>();
        List<String> audited = new ArrayList<>();
        for (Property property : entity.properties()) {
            if (property.updatable() && property != key) {
                String column = Identifiers.quote(property.column());
                assignments.add(new Sql.Assignment(column, Fragment.sql("EXCLUDED." + column)));
                if (entity.inHistory(property)) {
                    audited.add(column);
                }
            }
        }
        if (assignments.isEmpty()) {
            String column = Identifiers.quote(key.column());
            assignments.add(new Sql.Assignment(column, Fragment.sql("EXCLUDED." + column)));   // so RETURNING returns the row
        }
        entity.version().ifPresent(version -> {
            // an upsert that updates is a change like any update: the next writer holding the old version is stale
            String column = Identifiers.quote(version.column());
            assignments.add(new Sql.Assignment(column, Fragment.sql("target." + column + " + 1")));
        });
        TableRef target = audit.audits() || entity.version().isPresent() ? insert.table().as("target") : insert.table();
        Sql.Insert upsert = audit.changeTest(new Sql.Insert(target, insert.columns(), insert.values(), null,
                insert.tenantFrom(), new Sql.OnConflict(List.of(Identifiers.quote(key.column())), assignments), null),
                audited);
        return returned(upsert, entity.partitions() > 0 ? Recording.UPSERT_PARTITIONED : Recording.UPSERT);
    }

    /**
     * {@code UPDATE} of every updatable property of the row with the entity's id. Never the tenant.
     * With a {@code @Version}: only the row still at the entity's version, and the version + 1.
     * Audited: with the change test.
     */
    Optional<Sql.Update> update() {
        List<Property> written = entity.properties().stream().filter(Property::updatable).toList();
        if (written.isEmpty()) {
            return Optional.empty();
        }
        List<Sql.Assignment> assignments = new ArrayList<>(assignments(written));
        versionIncrement().ifPresent(assignments::add);
        Sql.Update update = new Sql.Update(table, assignments, null,
                where(Fragment.sql(idColumn() + " = ").append(Fragment.bind(Parameter.entity(id)))), null);
        return Optional.of(versionCondition(audit.changeTest(update, written)));
    }

    private static List<Sql.Assignment> assignments(List<Property> properties) {
        return properties.stream()
                .map(p -> new Sql.Assignment(Identifiers.quote(p.column()), Fragment.bind(Parameter.entity(p))))
                .toList();
    }

    /** {@code "version" = "version" + 1} for an entity with a {@code @Version}. */
    private Optional<Sql.Assignment> versionIncrement() {
        return entity.version().map(version -> Sql.Assignment.increment(Identifiers.quote(version.column())));
    }

    /** {@code update} only of the row still at the entity's version, with a {@code @Version}. */
    private Sql.Update versionCondition(Sql.Update update) {
        return entity.version().isEmpty() ? update
                : new Sql.Update(update.table(), update.assignments(), update.from(),
                        append(update.where(), versionEquals()), update.returning());
    }

    private Fragment versionEquals() {
        Property version = entity.version().get();
        return Fragment.sql(Identifiers.quote(version.column()) + " = ").append(Fragment.bind(Parameter.entity(version)));
    }

    /** {@code delete(entity)} of a versioned entity: only the row still at the entity's version. */
    Optional<Sql> deleteVersioned() {
        if (entity.version().isEmpty()) {
            return Optional.empty();
        }
        List<Fragment> where = append(where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.entity(id)))),
                versionEquals());
        return Optional.of(recordedDelete(new Sql.Delete(table.qualified(""), where, null)));
    }

    /** With a {@code @Version}: the current version of the row with the id argument (no row: none). */
    Optional<Sql> currentVersion() {
        return entity.version().map(version -> withWhere(
                Sql.Select.of(List.of(Fragment.sql(Identifiers.quote(version.column()))), table.qualified("")),
                where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id))))));
    }

    Sql deleteById() {
        return recordedDelete(new Sql.Delete(table.qualified(""),
                where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id)))), null));
    }

    /**
     * A delete that, audited, records the row's last values (for a joined subtype, read from its
     * table too: its row goes with the root's, ON DELETE CASCADE) and returns the count.
     */
    private Sql recordedDelete(Sql.Delete delete) {
        return softDeletes.softDeletes() ? recordedDelete(softDeletes.mark(delete), SoftDeletePass.DELETE)
                : recordedDelete(delete, Recording.DELETE);
    }

    /**
     * {@code change}, a delete, soft delete, restore or purge of the entity's rows: audited, recorded
     * as {@code recording} (for a joined subtype, with its own table's columns too) and returning the count.
     */
    private Sql recordedDelete(Sql change, Recording recording) {
        if (!audit.audits()) {
            return change;
        }
        Sql.Select count = Sql.Select.of(List.of(Fragment.sql("count(*)")), TableRef.cte("changed"));
        if (!entity.isJoinedSubtype()) {
            return audit.record(change, recording, count);
        }
        Sql.Select changed = joinedTables(Sql.Select.of(ownColumnsAfter("root.*", Map.of()), TableRef.cte("root")),
                "root." + quotedId());
        return audit.record(List.of(new Sql.Cte("root", returningAll(change)),
                new Sql.Cte("changed", changed)), recording, count);
    }

    /** {@code change RETURNING *}: a delete's, or a soft delete's, restore's update. */
    private static Sql returningAll(Sql change) {
        return change instanceof Sql.Update update ? update.returning(Fragment.sql("*"))
                : ((Sql.Delete) change).returning(Fragment.sql("*"));
    }

    Sql findById() {
        return select().where(Fragment.sql(idColumn() + " = ").append(Fragment.bind(Parameter.idArgument(id))));
    }

    /** Keyset paging: the rows after an id, in id order. */
    Sql findAllAfter() {
        return afterId(select());
    }

    /** Offset paging, in id order. */
    Sql findAll() {
        return page(select());
    }

    private Sql.Select afterId(Sql.Select select) {
        return select.where(Fragment.sql(idColumn() + " > ").append(Fragment.bind(Parameter.idArgument(id))))
                .tail(Fragment.of(" ORDER BY " + idColumn() + " LIMIT ", Parameter.limit()));
    }

    private Sql.Select page(Sql.Select select) {
        return select.tail(Fragment.of(" ORDER BY " + idColumn() + " LIMIT ", Parameter.limit(), " OFFSET ",
                Parameter.offset()));
    }

    Sql.Select count() {
        return withWhere(Sql.Select.of(List.of(Fragment.sql("count(*)")), table.qualified("")), where(""));
    }

    Sql existsById() {
        Sql.Select one = withWhere(Sql.Select.of(List.of(Fragment.sql("1")), table.qualified("")),
                where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id)))));
        return Sql.Select.of(List.of(Fragment.of("EXISTS (", one, ")")), null);
    }

    /**
     * {@code SELECT <columns> FROM <table>}; for a joined subtype, the root's table joined to the
     * subtype's, every column qualified; a subtype's rows are those with its discriminator.
     */
    private Sql.Select select() {
        if (!entity.isJoinedSubtype()) {
            return withWhere(Sql.Select.of(columns(""), table), where(qualifier));
        }
        List<Fragment> columns = new ArrayList<>(entity.rootProperties().stream()
                .map(p -> Fragment.sql(qualifier + Identifiers.quote(p.column()))).toList());
        columns.addAll(ownColumnsAfter(null, Map.of()));
        return withWhere(joinedTables(Sql.Select.of(columns, table), qualifier + quotedId()), where(qualifier));
    }

    private static Sql.Select withWhere(Sql.Select select, List<Fragment> where) {
        for (Fragment condition : where) {
            select = select.where(condition);
        }
        return select;
    }

    /** The conditions of a statement on the entity's rows: for a subtype, its discriminator; then {@code more}. */
    private List<Fragment> where(Fragment... more) {
        return where(qualifier, more);
    }

    private List<Fragment> where(String qualifier, Fragment... more) {
        List<Fragment> conditions = new ArrayList<>();
        if (entity.kind() instanceof Subtype subtype) {
            String discriminator = qualifier + Identifiers.quote(subtype.hierarchy().discriminator());
            if (!subtype.fallback()) {
                conditions.add(Fragment.sql(discriminator + " = " + literal(subtype.value())));
            } else if (!subtype.others().isEmpty()) {
                // the fallback's rows: its own value, and every value no other subtype claims
                conditions.add(Fragment.sql(discriminator + " NOT IN ("
                        + String.join(", ", subtype.others().stream().map(SqlBuilder::literal).toList()) + ")"));
            }
        } else if (entity.kind() instanceof HierarchyRoot level && level.level()) {
            conditions.add(Fragment.sql(levelCondition(level, qualifier)));
        }
        conditions.addAll(List.of(more));
        return conditions;
    }

    // ---- repository queries: the same rows, the same audited writes -------------------------------

    /** The column of {@code property} as this entity's statements name it (qualified for a joined subtype or level). */
    public String column(Property property) {
        for (JoinedTable joined : entity.queryTables()) {
            if (joined.properties().contains(property)) {
                return Identifiers.quote(joined.name()) + "." + Identifiers.quote(property.column());
            }
        }
        return qualifier + Identifiers.quote(property.column());
    }

    /**
     * {@code SELECT <columns> FROM <the entity's rows> WHERE <where>}: the rows {@link #select()} reads
     * (a subtype's by its discriminator, a joined subtype's across both tables), every column of the
     * entity when {@code columns} is null (of a hierarchy root: as {@link #buildHierarchy()}'s reads).
     */
    public Sql.Select selectOf(List<Fragment> columns, List<Fragment> where) {
        // a root's rows, read whole, as every subtype: the columns its DAO's map reads them from
        Sql.Select rows = entity.kind() instanceof HierarchyRoot && columns == null ? hierarchyRows().select() : select();
        if (columns != null && entity.kind() instanceof HierarchyRoot level && level.level()) {
            // a level's count, exists or projection may name its own columns: the tables holding them, as its reads join them
            for (JoinedTable joined : entity.queryTables()) {
                rows = rows.join(subtypeJoin("LEFT JOIN", joinedTable(joined.name()), idColumn()));
            }
        }
        if (columns != null) {
            rows = new Sql.Select(columns, rows.from(), rows.joins(), rows.where(), rows.tail());
        }
        return withWhere(rows, where);
    }

    /**
     * {@code DELETE} of the rows matching {@code where} (a bulk delete): audited, each row's last
     * values recorded in the same statement, which then returns the count.
     */
    public Sql deleteWhere(List<Fragment> where) {
        return recordedDelete(new Sql.Delete(table.qualified(""), where("", where.toArray(Fragment[]::new)), null));
    }

    /**
     * {@code UPDATE} of {@code written} to {@code values} in the rows matching {@code where} (a bulk
     * update): the version + 1 with a {@code @Version}; audited, with the change test, each changed
     * row recorded in the same statement, which then returns the count of rows it updated.
     */
    public Sql updateWhere(List<Property> written, List<Fragment> values, List<Fragment> where) {
        List<Sql.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            assignments.add(new Sql.Assignment(Identifiers.quote(written.get(i).column()), values.get(i)));
        }
        versionIncrement().ifPresent(assignments::add);
        Sql.Update update = audit.changeTest(new Sql.Update(table.qualified(""), assignments, null,
                where("", where.toArray(Fragment[]::new)), null), written, values);
        if (!audit.audits()) {
            return update;
        }
        return audit.record(update, Recording.UPDATE,
                Sql.Select.of(List.of(Fragment.sql("count(*)")), TableRef.cte("changed")));
    }

    // ---- joined subtypes ----------------------------------------------------------------------------

    /** {@code value} as a SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** {@code <kind> <subtype> ON <subtype>.id = <rootId>}: the one way a subtype's table is joined (the pass adds the tenant). */
    private Sql.Join subtypeJoin(String kind, TableRef subtype, String rootId) {
        return new Sql.Join(kind, subtype, List.of(Fragment.sql(subtype.qualifier() + quotedId() + " = " + rootId)));
    }

    /**
     * The rows of an intermediate level: those of its concrete subtypes' values ({@code kind IN
     * (...)}); when the hierarchy's fallback is below it, those of no other subtype's value.
     */
    private static String levelCondition(HierarchyRoot level, String qualifier) {
        String discriminator = qualifier + Identifiers.quote(level.hierarchy().discriminator());
        List<String> values = level.subtypes().stream().map(s -> Subtype.of(s).value()).toList();
        Optional<Subtype> fallback = level.subtypes().stream().map(Subtype::of).filter(Subtype::fallback).findFirst();
        if (fallback.isPresent()) {
            List<String> outside = fallback.get().others().stream().filter(v -> !values.contains(v)).toList();
            return outside.isEmpty() ? "true" : discriminator + " NOT IN ("
                    + String.join(", ", outside.stream().map(SqlBuilder::literal).toList()) + ")";
        }
        return discriminator + " IN (" + String.join(", ", values.stream().map(SqlBuilder::literal).toList()) + ")";
    }

    /** Whether the entity is a hierarchy's fallback subtype. */
    private boolean isFallback() {
        return entity.kind() instanceof Subtype subtype && subtype.fallback();
    }

    /**
     * How a joined subtype's reads join its tables: {@code JOIN}; {@code LEFT JOIN} for the fallback,
     * whose rows of values no subtype claims have no row there (nor in the tables of levels above it).
     */
    private String ownJoin() {
        return isFallback() ? "LEFT JOIN" : "JOIN";
    }

    /**
     * {@code select} joined to each table of a joined subtype's row besides the root's (its levels',
     * its own) where its id is {@code rootId}.
     */
    private Sql.Select joinedTables(Sql.Select select, String rootId) {
        for (JoinedTable joined : entity.joinedTables()) {
            select = select.join(subtypeJoin(ownJoin(), joinedTable(joined.name()), rootId));
        }
        return select;
    }

    /**
     * The fallback's own row written by an update: {@code INSERT INTO <own table> (<id>, ...) SELECT
     * root.<id>, ? ... FROM root ON CONFLICT (<id>) DO UPDATE SET ... RETURNING *} (the tenancy pass
     * puts the tenant first in the conflict target).
     */
    private Sql.Insert ownRowUpsert(String table, List<Property> own) {
        List<String> columns = new ArrayList<>(List.of(quotedId()));
        List<Fragment> selected = new ArrayList<>(List.of(Fragment.sql("root." + quotedId())));
        List<Sql.Assignment> assignments = new ArrayList<>();
        for (Property property : own) {
            String column = Identifiers.quote(property.column());
            columns.add(column);
            selected.add(Fragment.bind(Parameter.entity(property)));
            assignments.add(new Sql.Assignment(column, Fragment.sql("EXCLUDED." + column)));
        }
        return new Sql.Insert(TableRef.table(table), columns, List.of(),
                Sql.Select.of(selected, TableRef.cte("root")), Sql.TenantSource.copiedFrom("root."),
                new Sql.OnConflict(List.of(quotedId()), assignments), Fragment.sql("*"));
    }

    /**
     * {@code <first>, <t>."a", <t>."b"} for a joined subtype's columns besides the root's: each
     * qualified by its table, or by the CTE {@code ctes} names for that table.
     *
     * @param first the first column, or null for none
     */
    private List<Fragment> ownColumnsAfter(String first, Map<String, String> ctes) {
        List<Fragment> columns = new ArrayList<>();
        if (first != null) {
            columns.add(Fragment.sql(first));
        }
        for (JoinedTable joined : entity.joinedTables()) {
            String prefix = ctes.getOrDefault(joined.name(), Identifiers.quote(joined.name())) + ".";
            joined.properties().forEach(p -> columns.add(Fragment.sql(prefix + Identifiers.quote(p.column()))));
        }
        return columns;
    }

    /** The CTE that writes {@code joined}, a table of a joined subtype's row: {@code sub} for its own, else {@code level1}, ... */
    private static String cteName(JoinedTable joined, int index) {
        return joined.own() ? "sub" : "level" + (index + 1);
    }

    /**
     * The row as the root's CTE and each other table holds it after a joined write: {@code SELECT root.*,
     * level1.a, sub.b FROM root, level1, sub} when a CTE wrote every table (each of one row), else
     * the root's CTE joined to each table, or to the CTE that wrote it, on the id.
     */
    private Sql.Select changedRow(Map<String, String> ctes) {
        List<JoinedTable> tables = entity.joinedTables();
        List<Fragment> columns = ownColumnsAfter("root.*", ctes);
        if (tables.stream().allMatch(t -> ctes.containsKey(t.name()))) {
            List<String> from = new ArrayList<>(List.of("root"));
            tables.forEach(t -> from.add(ctes.get(t.name())));
            return Sql.Select.of(columns, TableRef.cte(String.join(", ", from)));
        }
        Sql.Select changed = Sql.Select.of(columns, TableRef.cte("root"));
        for (JoinedTable joined : tables) {
            String cte = ctes.get(joined.name());
            changed = changed.join(cte == null ? subtypeJoin(ownJoin(), joinedTable(joined.name()), "root." + quotedId())
                    : new Sql.Join("JOIN", TableRef.cte(cte),
                            List.of(Fragment.sql(cte + "." + quotedId() + " = root." + quotedId()))));
        }
        return changed;
    }

    /**
     * A joined subtype's insert, one statement over its tables: {@code WITH root AS (INSERT INTO
     * <root> ... RETURNING *), [level1 AS (INSERT INTO <level> ...), ...] sub AS (INSERT INTO <subtype>
     * (<id>, ...) SELECT root.<id>, ? ... FROM root RETURNING *)} (the tenancy pass copies the root
     * row's tenant into each other table's), then the row (and history) from all of them.
     */
    private Sql joinedInsert() {
        List<Sql.Cte> ctes = new ArrayList<>(List.of(new Sql.Cte("root", insert().returning(Fragment.sql("*")))));
        Map<String, String> names = new LinkedHashMap<>();
        List<JoinedTable> tables = entity.joinedTables();
        for (int i = 0; i < tables.size(); i++) {
            JoinedTable joined = tables.get(i);
            List<String> columns = new ArrayList<>(List.of(quotedId()));
            List<Fragment> selected = new ArrayList<>(List.of(Fragment.sql("root." + quotedId())));
            for (Property property : joined.properties()) {
                if (property.insertable()) {
                    columns.add(Identifiers.quote(property.column()));
                    selected.add(Fragment.bind(Parameter.entity(property)));
                }
            }
            String name = cteName(joined, i);
            names.put(joined.name(), name);
            ctes.add(new Sql.Cte(name, new Sql.Insert(TableRef.table(joined.name()), columns, List.of(),
                    Sql.Select.of(selected, TableRef.cte("root")), Sql.TenantSource.copiedFrom("root."), null,
                    Fragment.sql("*"))));
        }
        return joinedChange(ctes, changedRow(names), Recording.INSERT);
    }

    /**
     * A joined subtype's update, one statement over both tables: the root's row (with the
     * discriminator and version conditions, and the change test over both tables), then the
     * subtype's row joined to it, so neither changes without the other.
     */
    private Optional<Sql> joinedUpdate() {
        List<Property> rootWritten = entity.rootProperties().stream().filter(Property::updatable).toList();
        List<JoinedTable> tables = entity.joinedTables();
        if (rootWritten.isEmpty() && tables.stream().allMatch(t -> t.properties().stream().noneMatch(Property::updatable))) {
            return Optional.empty();
        }
        List<Sql.Assignment> assignments = new ArrayList<>(assignments(rootWritten));
        versionIncrement().ifPresent(assignments::add);
        List<Fragment> condition = append(where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.entity(id)))),
                entity.version().isPresent() ? versionEquals() : null);
        List<AuditPass.TableWrite> written = new ArrayList<>();
        for (JoinedTable joined : tables) {
            String name = Identifiers.quote(joined.name());
            Sql.Select row = Sql.Select.of(List.of(Fragment.sql("1")), joinedTable(joined.name()))
                    .where(Fragment.sql(name + "." + quotedId() + " = " + Identifiers.quote(entity.table()) + "."
                            + quotedId()));
            written.add(new AuditPass.TableWrite(joined.properties().stream().filter(Property::updatable).toList(), row,
                    name + "."));
        }
        Sql.Update rootUpdate = audit.joinedChangeTest(new Sql.Update(table.qualified(""), assignments, null,
                List.of(), null), rootWritten, written);
        Sql root = rootUpdate.assignments().isEmpty()
                ? withWhere(Sql.Select.of(List.of(Fragment.sql("*")), table.qualified("")), condition)
                        .tail(Fragment.sql(" FOR UPDATE"))
                : new Sql.Update(rootUpdate.table(), rootUpdate.assignments(), null, condition, Fragment.sql("*"));
        List<Sql.Cte> ctes = new ArrayList<>(List.of(new Sql.Cte("root", root)));
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            JoinedTable joined = tables.get(i);
            List<Property> own = written.get(i).written();
            if (own.isEmpty()) {
                continue;       // read as it is, joined to the root's row
            }
            String name = cteName(joined, i);
            names.put(joined.name(), name);
            String quoted = Identifiers.quote(joined.name());
            // a row of a value no subtype claims has no row in the fallback's tables yet: written, it gets one
            ctes.add(new Sql.Cte(name, isFallback() ? ownRowUpsert(joined.name(), own)
                    : new Sql.Update(joinedTable(joined.name()), assignments(own), TableRef.cte("root"),
                            List.of(Fragment.sql(quoted + "." + quotedId() + " = root." + quotedId())),
                            Fragment.sql(quoted + ".*"))));
        }
        return Optional.of(joinedChange(ctes, changedRow(names), Recording.UPDATE));
    }

    /**
     * A write of a joined subtype: {@code ctes}, then {@code changed} (the row as both tables hold
     * it now), the history row when audited, and the entity's columns selected from it.
     */
    private Sql joinedChange(List<Sql.Cte> ctes, Sql.Select changed, Recording recording) {
        List<Sql.Cte> all = new ArrayList<>(ctes);
        all.add(new Sql.Cte("changed", changed));
        Sql.Select result = Sql.Select.of(columns(""), TableRef.cte("changed"));
        return audit.audits() ? audit.record(all, recording, result) : new Sql.With(all, result);
    }

    // ---- history --------------------------------------------------------------------------------

    Optional<EntitySql.History> history() {
        if (!audit.audits()) {
            return Optional.empty();
        }
        List<Fragment> columns = entity.properties().stream().map(p -> Fragment.sql(historyColumn(p))).toList();
        String order = " ORDER BY " + HISTORY_CHANGED_AT + ", " + quotedId() + ", " + HISTORY_VERSION;
        Sql between = withWhere(historySelect(columns),
                where("", Fragment.of(HISTORY_CHANGED_AT + " >= ", Parameter.argument("from", ValueType.INSTANT))))
                .tail(Fragment.of(" AND " + HISTORY_CHANGED_AT + " < ", Parameter.argument("to", ValueType.INSTANT), order));
        Sql inTransaction = withWhere(historySelect(columns), where("", Fragment.of(HISTORY_TRANSACTION_ID + " = ",
                        Parameter.argument("transactionId", ValueType.PRIMITIVE_LONG), "::text::xid8")))
                .tail(Fragment.sql(order));
        Optional<Statement> allAsOf = Optional.empty();
        Optional<Statement> allAsOfAfter = Optional.empty();
        if (entity.kind() instanceof Standalone || entity.kind() instanceof Subtype) {
            // (a subtype's: the rows whose last version then is of its discriminator value)
            List<String> names = entity.properties().stream().map(p -> Identifiers.quote(p.column())).toList();
            List<String> sources = entity.properties().stream().map(this::historyColumn).toList();
            allAsOf = Optional.of(tenancy.apply(historyAllAsOf(false, names, sources)));
            allAsOfAfter = Optional.of(tenancy.apply(historyAllAsOf(true, names, sources)));
        }
        return Optional.of(new EntitySql.History(tenancy.apply(historyVersions(columns)),
                tenancy.apply(historyAsOf(columns)), tenancy.apply(between), tenancy.apply(inTransaction),
                allAsOf, allAsOfAfter));
    }

    /**
     * Every row as it was at the {@code at} argument, a keyset page in id order: for each id of the
     * history (after the {@code afterId} argument when {@code after}), its last history row at or
     * before then ({@code history_changed_at}, then {@code history_version}: the order of {@code
     * asOf(id, at)}), unless that row records a delete (or, soft deleted, a purge): deleted then, the
     * row was gone; inserted again later, it was still gone.
     *
     * <pre>{@code
     * SELECT x.<columns> FROM (SELECT DISTINCT id FROM <history> WHERE id > ? ORDER BY id) ids
     * CROSS JOIN LATERAL (SELECT <columns>, history_operation FROM <history> h WHERE h.id = ids.id
     *     AND h.history_changed_at <= ? ORDER BY h.history_changed_at DESC, h.history_version DESC LIMIT 1) x
     * WHERE x.history_operation <> 'DELETE' ORDER BY ids.id LIMIT ?
     * }</pre>
     *
     * The ids come from an index-only scan of the history's primary key (tenant, id, version) in id
     * order, each one's row from one backward probe of its {@code _as_of} index (tenant, id, changed
     * at, version), as {@code asOf} probes it; the page stops after {@code limit} rows, so its cost
     * grows with the page and the versions of its ids, not with the tenant's history. (The anti-join
     * form, {@code NOT EXISTS} a later row, measured about 3x slower: it reads every history row up to
     * the time, with a probe each.) The tenant predicates on both scans are the {@link TenancyPass}'s,
     * which confines the subqueries of a raw statement like any other.
     *
     * In a hierarchy, the history table holds every subtype's rows: the last version of an id is
     * found whatever its subtype (a row deleted and inserted again as another subtype, with the same
     * id, has one history), and then kept only when it is of the entity's rows ({@code
     * x.<discriminator> IN (...)} for a level, {@code = '<value>'} for a subtype; nothing for the root).
     *
     * @param after whether the page starts after the {@code afterId} argument (else at the first id)
     * @param names the column of each value the page's rows hold, in the order the entity's map reads them
     * @param sources for each of {@code names}, its history column, or {@code NULL} when it is not in history
     */
    private Sql historyAllAsOf(boolean after, List<String> names, List<String> sources) {
        String idName = quotedId();
        String history = entity.audit().table();
        Sql.Select ids = Sql.Select.of(List.of(Fragment.sql("DISTINCT " + idName)), TableRef.table(history));
        if (after) {
            ids = ids.where(Fragment.sql(idName + " > ").append(Fragment.bind(Parameter.idArgument(id))));
        }
        ids = ids.tail(Fragment.sql(" ORDER BY " + idName));
        // each column once (two subtypes may share one), the discriminator to tell a subtype's rows
        Map<String, String> read = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            read.merge(names.get(i), sources.get(i), (first, other) -> first.equals("NULL") ? other : first);
        }
        if (entity.kind() instanceof InHierarchy member) {
            String discriminator = Identifiers.quote(member.hierarchy().discriminator());
            read.putIfAbsent(discriminator, discriminator);
        }
        List<Fragment> lastColumns = new ArrayList<>();
        read.forEach((name, source) -> lastColumns.add(Fragment.sql(source.equals("NULL") ? "NULL AS " + name
                : "h." + source)));
        List<String> selected = names.stream().map(name -> "x." + name).toList();
        lastColumns.add(Fragment.sql("h." + HISTORY_OPERATION));
        Sql.Select last = Sql.Select.of(lastColumns, TableRef.table(history).as("h"))
                .where(Fragment.sql("h." + idName + " = ids." + idName))
                .where(Fragment.of("h." + HISTORY_CHANGED_AT + " <= ", Parameter.argument("at", ValueType.INSTANT)))
                .tail(Fragment.sql(" ORDER BY h." + HISTORY_CHANGED_AT + " DESC, h." + HISTORY_VERSION + " DESC LIMIT 1"));
        String gone = entity.isSoftDeleted()
                ? "x." + HISTORY_OPERATION + " NOT IN ('DELETE', 'PURGE')"
                : "x." + HISTORY_OPERATION + " <> 'DELETE'";
        List<Fragment> kept = where("x.", Fragment.sql(gone));
        kept.add(0, kept.remove(kept.size() - 1));      // (the delete test first, then the entity's rows)
        return new Sql.Raw(Fragment.of("SELECT " + String.join(", ", selected) + " FROM (", ids,
                ") ids CROSS JOIN LATERAL (", last, ") x WHERE ").append(Fragment.join(" AND ", kept),
                " ORDER BY ids." + idName + " LIMIT ", Parameter.limit()));
    }

    /** The history table's column for {@code property}: NULL when it is left out of history. */
    private String historyColumn(Property property) {
        return property.id() || property.scopeColumn() || entity.inHistory(property)
                ? Identifiers.quote(property.column()) : "NULL";
    }

    /** {@code SELECT <columns>, <the history's own columns> FROM <history table>}. */
    private Sql.Select historySelect(List<Fragment> columns) {
        List<Fragment> all = new ArrayList<>(columns);
        all.add(Fragment.sql(HISTORY_VERSION + ", " + HISTORY_OPERATION + ", " + HISTORY_CHANGED_AT + ", "
                + HISTORY_ACTOR + ", " + HISTORY_TRANSACTION_ID + "::text::bigint"));
        return Sql.Select.of(all, TableRef.table(entity.audit().table()));
    }

    /** Every version of the row with the id argument, newest first. */
    private Sql historyVersions(List<Fragment> columns) {
        return withWhere(historySelect(columns), where("", idArgumentEquals()))
                .tail(Fragment.sql(" ORDER BY " + HISTORY_VERSION + " DESC"));
    }

    /** The last version of the row with the id argument at the {@code at} argument. */
    private Sql historyAsOf(List<Fragment> columns) {
        return withWhere(historySelect(columns), where("", idArgumentEquals())).tail(Fragment.of(" AND " + HISTORY_CHANGED_AT + " <= ",
                Parameter.argument("at", ValueType.INSTANT), " ORDER BY " + HISTORY_CHANGED_AT + " DESC, "
                        + HISTORY_VERSION + " DESC LIMIT 1"));
    }

    private Fragment idArgumentEquals() {
        return Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id)));
    }

    // ---- the root of a hierarchy ---------------------------------------------------------------------

    /**
     * How a root's reads see its rows: the root's columns, the discriminator, then every subtype's own
     * columns (each once), LEFT JOINed to the subtypes' tables for the joined strategy.
     *
     * @param historyColumns the same columns as the history table holds them ({@code NULL} for one left out)
     * @param names the same columns' names, unqualified
     * @param indexes per subtype (by canonical name), the column of each of its properties, 1-based
     */
    record HierarchyRows(Sql.Select select, List<String> historyColumns, List<String> names, int discriminatorIndex,
            Map<String, List<Integer>> indexes) {}

    private HierarchyRows hierarchyRows() {
        HierarchyRoot root = HierarchyRoot.of(entity);
        List<EntityModel> subtypes = root.subtypes();
        boolean joined = root.hierarchy().isJoined();
        List<String> columns = new ArrayList<>();
        List<String> historyColumns = new ArrayList<>();      // the same columns, read from the history table
        List<String> names = new ArrayList<>();
        for (Property property : entity.properties()) {
            columns.add(qualifier + Identifiers.quote(property.column()));
            historyColumns.add(historyColumn(property));
            names.add(Identifiers.quote(property.column()));
        }
        columns.add(qualifier + Identifiers.quote(root.hierarchy().discriminator()));
        historyColumns.add(Identifiers.quote(root.hierarchy().discriminator()));
        names.add(Identifiers.quote(root.hierarchy().discriminator()));
        int discriminatorIndex = columns.size();
        Map<String, List<Integer>> indexes = new LinkedHashMap<>();
        for (EntityModel subtype : subtypes) {
            List<Integer> subtypeIndexes = new ArrayList<>();
            for (int i = 0; i < entity.properties().size(); i++) {
                subtypeIndexes.add(i + 1);
            }
            // (a fallback's read-only view of the discriminator)
            subtype.discriminatorProperty().ifPresent(p -> subtypeIndexes.add(discriminatorIndex));
            for (Property property : subtype.ownProperties()) {
                String column = ownColumn(subtype, property);
                int index = columns.indexOf(column);
                if (index < 0) {
                    columns.add(column);
                    historyColumns.add(historyColumn(property));
                    names.add(Identifiers.quote(property.column()));
                    index = columns.size() - 1;
                }
                subtypeIndexes.add(index + 1);
            }
            indexes.put(subtype.type().canonicalName(), subtypeIndexes);
        }
        Sql.Select select = withWhere(Sql.Select.of(columns.stream().map(Fragment::sql).toList(), table),
                where(qualifier));
        for (String other : hierarchyTables(subtypes)) {
            select = select.join(subtypeJoin("LEFT JOIN", joinedTable(other), idColumn()));
        }
        return new HierarchyRows(select, historyColumns, names, discriminatorIndex, indexes);
    }

    /**
     * The tables of a joined hierarchy's rows besides the root's, each once, in the order the
     * {@code subtypes} meet them (a level's before the subtypes' below it); none for a single table.
     */
    private static List<String> hierarchyTables(List<EntityModel> subtypes) {
        java.util.Set<String> tables = new java.util.LinkedHashSet<>();
        subtypes.forEach(subtype -> subtype.joinedTables().forEach(joined -> tables.add(joined.name())));
        return List.copyOf(tables);
    }

    /** The column of {@code property}, one of {@code subtype}'s own, qualified by its table in a joined hierarchy. */
    private static String ownColumn(EntityModel subtype, Property property) {
        for (JoinedTable joined : subtype.joinedTables()) {
            if (joined.properties().contains(property)) {
                return Identifiers.quote(joined.name()) + "." + Identifiers.quote(property.column());
            }
        }
        return Identifiers.quote(property.column());
    }

    /**
     * The statements of a {@code @Polymorphic} root's DAO: every read returns rows of all subtypes
     * in one query (the root's table, LEFT JOINed to each subtype's table for the joined strategy,
     * the tenancy pass confining every table and every join), and the column each subtype's
     * properties are read from.
     */
    public HierarchySql buildHierarchy() {
        HierarchyRows rows = hierarchyRows();
        Sql.Select select = rows.select();
        List<String> historyColumns = rows.historyColumns();
        int discriminatorIndex = rows.discriminatorIndex();
        Map<String, List<Integer>> indexes = rows.indexes();
        Sql findById = select.where(Fragment.sql(idColumn() + " = ").append(Fragment.bind(Parameter.idArgument(id))));
        Optional<HierarchySql.RowHistory> history = Optional.empty();
        if (audit.audits()) {
            // any row's history, whatever its subtype: the history table holds every subtype's columns
            List<Fragment> historySelected = historyColumns.stream().map(Fragment::sql).toList();
            history = Optional.of(new HierarchySql.RowHistory(tenancy.apply(historyVersions(historySelected)),
                    tenancy.apply(historyAsOf(historySelected)),
                    tenancy.apply(historyAllAsOf(false, rows.names(), historyColumns)),
                    tenancy.apply(historyAllAsOf(true, rows.names(), historyColumns))));
        }
        Sql.Delete delete = new Sql.Delete(table.qualified(""),
                where("", Fragment.sql(quotedId() + " = ").append(Fragment.bind(Parameter.idArgument(id)))), null);
        Sql deleteById = softDeletes.softDeletes() ? hierarchyDelete(softDeletes.mark(delete), SoftDeletePass.DELETE)
                : hierarchyDelete(delete, Recording.DELETE);
        return new HierarchySql(tenancy.apply(findById), tenancy.apply(afterId(select)), tenancy.apply(page(select)),
                tenancy.apply(count()), tenancy.apply(existsById()), tenancy.apply(deleteById), history,
                discriminatorIndex, indexes, new DdlBuilder(entity).build(),
                softDeleteSql(select, this::hierarchyDelete), acrossTenants(select));
    }

    /**
     * The root's {@code deleteById}, of a row of any subtype (a joined subtype's row goes with it,
     * ON DELETE CASCADE). Audited: the history row holds every column of the row's subtype.
     */
    private Sql hierarchyDelete(Sql delete, Recording recording) {
        if (!audit.audits()) {
            return delete;
        }
        Sql.Select count = Sql.Select.of(List.of(Fragment.sql("count(*)")), TableRef.cte("changed"));
        HierarchyRoot root = HierarchyRoot.of(entity);
        if (!root.hierarchy().isJoined()) {
            return audit.record(delete, recording, count);
        }
        Map<String, java.util.Set<String>> byColumn = new LinkedHashMap<>();
        for (EntityModel subtype : root.subtypes()) {
            for (Property property : subtype.ownProperties()) {
                byColumn.computeIfAbsent(Identifiers.quote(property.column()), c -> new java.util.LinkedHashSet<>())
                        .add(ownColumn(subtype, property));
            }
        }
        List<Fragment> selected = new ArrayList<>(List.of(Fragment.sql("root.*")));
        byColumn.forEach((column, sources) -> selected.add(Fragment.sql(sources.size() == 1
                ? sources.iterator().next() : "COALESCE(" + String.join(", ", sources) + ") AS " + column)));
        Sql.Select changed = Sql.Select.of(selected, TableRef.cte("root"));
        for (String other : hierarchyTables(root.subtypes())) {
            changed = changed.join(subtypeJoin("LEFT JOIN", joinedTable(other), "root." + quotedId()));
        }
        return audit.record(List.of(new Sql.Cte("root", returningAll(delete)),
                new Sql.Cte("changed", changed)), recording, count);
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * A tenant's key bound as text ({@code tenant}, a string), compared as the tenant column's type, so in the order
     * the column sorts in ({@code ?::uuid}); for keyset paging across tenants.
     */
    public Fragment tenantKey(Parameter tenant) {
        return entity.tenancy().columnType() == dev.tenantdao.annotations.Tenanted.ColumnType.TEXT ? Fragment.bind(tenant)
                : Fragment.of(tenant, "::" + entity.tenancy().sqlType());
    }

    /** The tenant column of a row-tenanted entity, qualified when the statement joins a subtype's table. */
    public String tenantColumn() {
        return qualifier + Identifiers.quote(entity.tenancy().column());
    }

    /** The id column, qualified when the statement joins a subtype's table. */
    private String idColumn() {
        return qualifier + quotedId();
    }

    private String quotedId() {
        return Identifiers.quote(id.column());
    }

    private static List<Fragment> append(List<Fragment> list, Fragment element) {
        List<Fragment> all = new ArrayList<>(list);
        if (element != null) {
            all.add(element);
        }
        return all;
    }
}
