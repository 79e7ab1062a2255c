package dev.tenantdao.processor.sql;

import dev.tenantdao.processor.model.EntityModel;
import dev.tenantdao.processor.model.Property;
import dev.tenantdao.processor.model.ValueType;
import dev.tenantdao.processor.read.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the SQL of every statement of an entity. How a statement is confined to the tenant is
 * decided in one place per strategy: for the row strategy the tenant predicate is added by
 * {@link #where}, which every statement that reads or changes rows goes through (and the tenant
 * value of an insert by {@link #insert}); for schema per tenant every table is named in the
 * tenant's schema by {@link #tableReference}; database per tenant needs nothing in the SQL.
 */
public final class SqlBuilder {

    private final EntityModel entity;
    private final String table;
    private final Property id;
    /** Set for a subtype of a joined hierarchy: its own table, as statements name it and as a qualifier. */
    private final String subtypeTable;
    private final String subtypeName;
    /** How columns of the root's table are qualified: empty, or the table's name for joined reads. */
    private final String qualifier;

    public SqlBuilder(EntityModel entity) {
        this.entity = entity;
        this.table = tableReference(entity);
        this.id = entity.id();
        if (entity.isJoinedSubtype()) {
            this.subtypeTable = tableReference(entity, entity.polymorphism().subtypeTable());
            this.subtypeName = Identifiers.quote(entity.polymorphism().subtypeTable());
            this.qualifier = Identifiers.quote(entity.table()) + ".";
        } else {
            this.subtypeTable = null;
            this.subtypeName = null;
            boolean joinedRoot = entity.isPolymorphic() && entity.polymorphism().isJoined();
            this.qualifier = joinedRoot ? Identifiers.quote(entity.table()) + "." : "";
        }
    }

    // ---- the root of a hierarchy ---------------------------------------------------------------------

    /**
     * The statements of a {@code @Polymorphic} root's DAO: every read returns rows of all subtypes
     * in one query (the root's table, LEFT JOINed to each subtype's table for the joined strategy,
     * the tenant predicate on every table and in every join), and the column each subtype's
     * properties are read from.
     */
    public HierarchySql buildHierarchy() {
        List<EntityModel> subtypes = entity.polymorphism().subtypes();
        boolean joined = entity.polymorphism().isJoined();
        List<String> columns = new ArrayList<>();
        List<String> historyColumns = new ArrayList<>();      // the same columns, read from the history table
        for (Property property : entity.properties()) {
            columns.add(qualifier + Identifiers.quote(property.column()));
            historyColumns.add(historyColumn(property));
        }
        columns.add(qualifier + Identifiers.quote(entity.polymorphism().discriminator()));
        historyColumns.add(Identifiers.quote(entity.polymorphism().discriminator()));
        int discriminatorIndex = columns.size();
        java.util.Map<String, List<Integer>> indexes = new java.util.LinkedHashMap<>();
        for (EntityModel subtype : subtypes) {
            List<Integer> subtypeIndexes = new ArrayList<>();
            for (int i = 0; i < entity.properties().size(); i++) {
                subtypeIndexes.add(i + 1);
            }
            for (Property property : subtype.ownProperties()) {
                String column = (joined ? Identifiers.quote(subtype.polymorphism().subtypeTable()) + "." : "")
                        + Identifiers.quote(property.column());
                int index = columns.indexOf(column);
                if (index < 0) {
                    columns.add(column);
                    historyColumns.add(historyColumn(property));
                    index = columns.size() - 1;
                }
                subtypeIndexes.add(index + 1);
            }
            indexes.put(subtype.type().canonicalName(), subtypeIndexes);
        }
        String select = "SELECT " + String.join(", ", columns) + " FROM " + table;
        List<Parameter> byId = new ArrayList<>();
        String findById = select + subtypeJoins(byId) + where(byId, idEquals(), Parameter.idArgument(id));
        List<Parameter> after = new ArrayList<>();
        String findAllAfter = select + subtypeJoins(after) + where(after, idColumn() + " > ?", Parameter.idArgument(id))
                + " ORDER BY " + idColumn() + " LIMIT ?";
        after.add(Parameter.limit());
        List<Parameter> page = new ArrayList<>();
        String findAll = select + subtypeJoins(page) + where(page, null, null) + " ORDER BY " + idColumn()
                + " LIMIT ? OFFSET ?";
        page.add(Parameter.limit());
        page.add(Parameter.offset());
        Optional<HierarchySql.RowHistory> history = Optional.empty();
        if (entity.isAudited()) {
            // any row's history, whatever its subtype: the history table holds every subtype's columns
            String historySelect = historySelect(String.join(", ", historyColumns));
            history = Optional.of(new HierarchySql.RowHistory(settingTenant(historyVersions(historySelect)),
                    settingTenant(historyAsOf(historySelect))));
        }
        return new HierarchySql(settingTenant(new Statement(findById, byId)),
                settingTenant(new Statement(findAllAfter, after)), settingTenant(new Statement(findAll, page)),
                settingTenant(count()), settingTenant(existsById()), settingTenant(hierarchyDelete()), history,
                discriminatorIndex, indexes, new DdlBuilder(entity).build());
    }

    /** The history table's column for {@code property} of a hierarchy: NULL when it is left out of history. */
    private String historyColumn(Property property) {
        return property.id() || property.tenantId() || entity.inHistory(property)
                ? Identifiers.quote(property.column()) : "NULL";
    }

    /** {@code LEFT JOIN <subtype> ON <tenant predicate> AND <same id>} per subtype, for a joined root. */
    private String subtypeJoins(List<Parameter> parameters) {
        return entity.polymorphism().isJoined() ? subtypeJoins(parameters, idColumn()) : "";
    }

    /** {@link #subtypeJoins(List)} of the root's row whose id is {@code rootId}. */
    private String subtypeJoins(List<Parameter> parameters, String rootId) {
        StringBuilder joins = new StringBuilder();
        for (EntityModel subtype : entity.polymorphism().subtypes()) {
            String table = subtype.polymorphism().subtypeTable();
            joins.append(" LEFT JOIN ").append(tableReference(entity, table)).append(" ON ")
                    .append(joinCondition(parameters, Identifiers.quote(table), rootId));
        }
        return joins.toString();
    }

    /**
     * The root's {@code deleteById}, of a row of any subtype (a joined subtype's row goes with it,
     * ON DELETE CASCADE). Audited: the history row holds every column of the row's subtype.
     */
    private Statement hierarchyDelete() {
        List<Parameter> parameters = new ArrayList<>();
        String delete = "DELETE FROM " + table + where(parameters, "", quotedId() + " = ?", Parameter.idArgument(id));
        if (!entity.isAudited()) {
            return new Statement(delete, parameters);
        }
        String changed = "changed AS (" + delete + " RETURNING *)";
        if (entity.polymorphism().isJoined()) {
            java.util.Map<String, List<String>> byColumn = new java.util.LinkedHashMap<>();
            for (EntityModel subtype : entity.polymorphism().subtypes()) {
                String name = Identifiers.quote(subtype.polymorphism().subtypeTable());
                for (Property property : subtype.ownProperties()) {
                    byColumn.computeIfAbsent(Identifiers.quote(property.column()), c -> new ArrayList<>())
                            .add(name + "." + Identifiers.quote(property.column()));
                }
            }
            StringBuilder own = new StringBuilder();
            byColumn.forEach((column, sources) -> own.append(", ").append(sources.size() == 1
                    ? sources.get(0) : "COALESCE(" + String.join(", ", sources) + ") AS " + column));
            changed = "root AS (" + delete + " RETURNING *), changed AS (SELECT root.*" + own + " FROM root"
                    + subtypeJoins(parameters, "root." + quotedId()) + ")";
        }
        parameters.add(Parameter.actor());
        return new Statement("WITH " + changed + ", history AS (" + historyInsert("'DELETE'", "history_version + 1")
                + ") SELECT count(*) FROM changed", parameters);
    }

    public EntitySql build() {
        boolean subtype = entity.isPolymorphic();
        Statement insert = entity.isJoinedSubtype() ? joinedInsert() : audited(insert(), "INSERT", "history_version", false);
        Optional<Statement> insertAll = entity.isJoinedSubtype() ? Optional.empty() : insertAll();
        Optional<Statement> update = entity.isJoinedSubtype() ? joinedUpdate() : update();
        List<EntitySql.Upsert> upserts = subtype ? List.of() : upserts().stream()
                .map(u -> new EntitySql.Upsert(u.on(), u.method(), u.constant(), settingTenant(u.statement())))
                .toList();
        return new EntitySql(settingTenant(insert), insertAll.map(this::settingTenant), insert(),
                update.map(this::settingTenant),
                settingTenant(findById()), settingTenant(findAllAfter()), settingTenant(findAll()),
                settingTenant(count()), settingTenant(existsById()), settingTenant(deleteById()), upserts,
                deleteVersioned().map(this::settingTenant), history().map(h -> new EntitySql.History(
                        settingTenant(h.versions()), settingTenant(h.asOf()), settingTenant(h.between()),
                        settingTenant(h.inTransaction()))),
                entity.properties().stream().map(Property::column).toList(),
                subtype ? "" : new DdlBuilder(entity).build());
    }

    // ---- row-level security, in one place ---------------------------------------------------------

    /** Whether the entity's table is under row-level security, so each statement sets the tenant first. */
    public static boolean setsTenant(EntityModel entity) {
        return entity.isTenanted() && entity.tenancy().usesRowLevelSecurity();
    }

    /**
     * Under row-level security, {@code statement} preceded by the setting its policies read: {@code
     * SELECT set_config('tenantdao.tenant', ?, true); <statement>}. Sent together, both run in one
     * round trip and one transaction (the extended protocol's implicit one, or the caller's), and
     * the setting ends with it: no tenant stays on a pooled connection, and a lone statement needs
     * no BEGIN and COMMIT.
     */
    Statement settingTenant(Statement statement) {
        if (!setsTenant(entity)) {
            return statement;
        }
        List<Parameter> parameters = new ArrayList<>();
        parameters.add(Parameter.tenantSetting());
        parameters.addAll(statement.parameters());
        return new Statement("SELECT set_config('" + dev.tenantdao.annotations.Tenanted.TENANT_SETTING
                + "', ?, true); " + statement.sql(), parameters);
    }

    /**
     * {@code INSERT}: the tenant column first (from the current tenant), the discriminator of a
     * subtype, then every insertable property (of the root's table, for a joined subtype), a column
     * with a default falling back to it when the value is null; audited, the row's first history
     * version (see {@link #nextHistoryVersion}).
     */
    Statement insert() {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            columns.add(Identifiers.quote(entity.tenancy().column()));
            values.add("?");
            parameters.add(Parameter.tenant());
        }
        if (isSubtype()) {
            columns.add(Identifiers.quote(entity.polymorphism().discriminator()));
            values.add(discriminatorValue());
        }
        for (Property property : entity.isJoinedSubtype() ? entity.rootProperties() : entity.properties()) {
            if (property.insertable()) {
                columns.add(Identifiers.quote(property.column()));
                values.add(valueOrDefault(property, "?"));
                parameters.add(Parameter.entity(property));
            }
        }
        if (continuesHistory()) {
            columns.add("history_version");
            values.add(nextHistoryVersion(parameters, "?", Parameter.entity(id)));
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", values) + ")";
        return new Statement(sql, parameters);
    }

    /**
     * The value an insert writes for {@code property} from {@code value}: the value itself, or for a
     * column with a default, the default when the value is null ({@code COALESCE(CAST(? AS type),
     * (default))}: the cast keeps the column's type, which a plain {@code ?} gets from the INSERT).
     */
    private static String valueOrDefault(Property property, String value) {
        String fallback = property.insertDefault();
        return fallback == null ? value
                : "COALESCE(CAST(" + value + " AS " + property.sqlType() + "), (" + fallback + "))";
    }

    /**
     * Whether an insert sets the row's history version itself: audited rows whose id the application
     * assigns, which may have lived (and been deleted) before, so their history already holds
     * versions. A generated id is new, and starts at the column's default, 1.
     */
    private boolean continuesHistory() {
        return entity.isAudited() && !id.generated();
    }

    /**
     * The first history version of a row inserted with id {@code idValue}: one after the last
     * version its history holds (of an earlier life of the same id, deleted since), else 1. So a
     * row deleted and inserted again keeps one history, its versions counting on: {@code
     * history(id)} and {@code asOf(id, at)} see every life in order.
     */
    private String nextHistoryVersion(List<Parameter> parameters, String idValue, Parameter idParameter) {
        List<String> conditions = tenantPredicate(parameters, "h.");
        conditions.add("h." + quotedId() + " = " + idValue);
        if (idParameter != null) {
            parameters.add(idParameter);
        }
        return "(SELECT COALESCE(max(h.history_version), 0) + 1 FROM " + historyTable() + " h WHERE "
                + String.join(" AND ", conditions) + ")";
    }

    // ---- subtypes of a hierarchy -------------------------------------------------------------------

    private boolean isSubtype() {
        return entity.isPolymorphic() && !entity.polymorphism().isRoot();
    }

    /** The subtype's discriminator value as a SQL literal. */
    private String discriminatorValue() {
        return literal(entity.polymorphism().value());
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A joined subtype's insert, one statement over both tables: {@code WITH root AS (INSERT INTO
     * <root> ... RETURNING *), sub AS (INSERT INTO <subtype> (<tenant>, <id>, ...) SELECT
     * root.<tenant>, root.<id>, ? ... FROM root RETURNING *)}, then the row (and history) from both.
     */
    private Statement joinedInsert() {
        Statement root = insert();
        List<Parameter> parameters = new ArrayList<>(root.parameters());
        List<String> columns = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (String key : keyColumns()) {
            columns.add(key);
            selected.add("root." + key);
        }
        for (Property property : entity.ownProperties()) {
            if (property.insertable()) {
                columns.add(Identifiers.quote(property.column()));
                selected.add("?");
                parameters.add(Parameter.entity(property));
            }
        }
        String ctes = "root AS (" + root.sql() + " RETURNING *), sub AS (INSERT INTO " + subtypeTable + " ("
                + String.join(", ", columns) + ") SELECT " + String.join(", ", selected) + " FROM root RETURNING *)";
        return joinedChange(ctes, "SELECT root.*" + ownColumns("sub.") + " FROM root, sub", parameters,
                "'INSERT'", false);
    }

    /**
     * A joined subtype's update, one statement over both tables: the root's row (with the tenant,
     * discriminator and version conditions), then the subtype's row joined to it, so neither
     * changes without the other.
     */
    private Optional<Statement> joinedUpdate() {
        List<String> assignments = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        for (Property property : entity.rootProperties()) {
            if (property.updatable()) {
                assignments.add(Identifiers.quote(property.column()) + " = ?");
                parameters.add(Parameter.entity(property));
            }
        }
        List<Property> own = entity.ownProperties().stream().filter(Property::updatable).toList();
        if (assignments.isEmpty() && own.isEmpty()) {
            return Optional.empty();
        }
        entity.version().ifPresent(version -> {
            String column = Identifiers.quote(version.column());
            assignments.add(column + " = " + column + " + 1");
        });
        if (entity.isAudited()) {
            for (String assignment : List.of("history_version = history_version + CASE WHEN %s THEN 1 ELSE 0 END",
                    "history_changed = %s")) {
                assignments.add(String.format(assignment, joinedChanged(parameters)));
            }
        }
        List<Parameter> rootParameters = new ArrayList<>();
        String condition = where(rootParameters, "", quotedId() + " = ?", Parameter.entity(id))
                + versionCondition(rootParameters);
        String root = assignments.isEmpty()
                ? "SELECT * FROM " + table + condition + " FOR UPDATE"
                : "UPDATE " + table + " SET " + String.join(", ", assignments) + condition + " RETURNING *";
        parameters.addAll(rootParameters);
        String ctes = "root AS (" + root + ")";
        String changed;
        if (own.isEmpty()) {
            changed = "SELECT root.*" + ownColumns(subtypeName + ".") + " FROM root JOIN " + subtypeTable + " ON "
                    + joinCondition(parameters, "root.");
        } else {
            List<String> sets = new ArrayList<>();
            for (Property property : own) {
                sets.add(Identifiers.quote(property.column()) + " = ?");
                parameters.add(Parameter.entity(property));
            }
            ctes += ", sub AS (UPDATE " + subtypeTable + " SET " + String.join(", ", sets) + " FROM root WHERE "
                    + joinCondition(parameters, "root.") + " RETURNING " + subtypeName + ".*)";
            changed = "SELECT root.*" + ownColumns("sub.") + " FROM root, sub";
        }
        return Optional.of(joinedChange(ctes, changed, parameters, "'UPDATE'", true));
    }

    /**
     * Whether an update changes an audited column of a joined subtype, in its root's or its own
     * table, compared on the root's row as locked.
     */
    private String joinedChanged(List<Parameter> parameters) {
        List<String> parts = new ArrayList<>();
        List<Property> rootAudited = entity.rootProperties().stream()
                .filter(p -> p.updatable() && entity.inHistory(p)).toList();
        if (!rootAudited.isEmpty()) {
            parts.add(distinct(rootAudited, ""));
            rootAudited.forEach(p -> parameters.add(Parameter.entity(p)));
        }
        List<Property> ownAudited = entity.ownProperties().stream()
                .filter(p -> p.updatable() && entity.inHistory(p)).toList();
        if (!ownAudited.isEmpty()) {
            parts.add("EXISTS (SELECT 1 FROM " + subtypeTable + " WHERE "
                    + joinCondition(parameters, Identifiers.quote(entity.table()) + ".") + " AND "
                    + distinct(ownAudited, subtypeName + ".") + ")");
            ownAudited.forEach(p -> parameters.add(Parameter.entity(p)));
        }
        return parts.isEmpty() ? "false" : String.join(" OR ", parts);
    }

    private static String distinct(List<Property> properties, String prefix) {
        return "(" + String.join(", ", properties.stream().map(p -> prefix + Identifiers.quote(p.column())).toList())
                + ") IS DISTINCT FROM (" + String.join(", ", properties.stream().map(p -> "?").toList()) + ")";
    }

    /**
     * How a joined subtype's table meets the root's row: the tenant predicate on the subtype's
     * table, and the same id as {@code root} ({@code root.} or the root table's name and a dot).
     */
    private String joinCondition(List<Parameter> parameters, String root) {
        return joinCondition(parameters, subtypeName, root + quotedId());
    }

    /** {@code <subtype>.<tenant> = ? AND <subtype>.<id> = <rootId>}: the one way a subtype's table is joined. */
    private String joinCondition(List<Parameter> parameters, String subtype, String rootId) {
        List<String> conditions = tenantPredicate(parameters, subtype + ".");
        conditions.add(subtype + "." + quotedId() + " = " + rootId);
        return String.join(" AND ", conditions);
    }

    /** The columns that key a joined subtype's row: the tenant column (row strategy), the id. */
    private List<String> keyColumns() {
        List<String> key = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            key.add(Identifiers.quote(entity.tenancy().column()));
        }
        key.add(Identifiers.quote(id.column()));
        return key;
    }

    /** {@code , <prefix>"a", <prefix>"b"} for the subtype's own columns. */
    private String ownColumns(String prefix) {
        return entity.ownProperties().stream()
                .map(p -> ", " + prefix + Identifiers.quote(p.column()))
                .collect(Collectors.joining());
    }

    /**
     * A write of a joined subtype: {@code ctes}, then {@code changed} (the row as both tables hold
     * it now), the history row when audited, and the entity's columns selected from it.
     */
    private Statement joinedChange(String ctes, String changed, List<Parameter> parameters, String operation,
            boolean onlyChanged) {
        List<Parameter> all = new ArrayList<>(parameters);
        String history = "";
        if (entity.isAudited()) {
            history = ", history AS (" + historyInsert(operation, "history_version")
                    + (onlyChanged ? " WHERE history_changed" : "") + ")";
            all.add(Parameter.actor());
        }
        return new Statement("WITH " + ctes + ", changed AS (" + changed + ")" + history + " SELECT "
                + selectColumns("") + " FROM changed", all);
    }

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
     * cannot travel in an array.
     */
    Optional<Statement> insertAll() {
        List<String> columns = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        List<Parameter> arrayParameters = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            columns.add(Identifiers.quote(entity.tenancy().column()));
            selected.add("?");
            parameters.add(Parameter.tenant());
        }
        if (isSubtype()) {
            columns.add(Identifiers.quote(entity.polymorphism().discriminator()));
            selected.add(discriminatorValue());
        }
        String idValue = null;
        if (id.generated()) {
            idValue = "input.k";
            columns.add(quotedId());
            selected.add(idValue);
        }
        int n = 0;
        for (Property property : entity.properties()) {
            if (!property.insertable()) {
                continue;
            }
            if (property.valueType() == null || property.valueType().unnestElementName() == null) {
                return Optional.empty();
            }
            String alias = "c" + (++n);
            columns.add(Identifiers.quote(property.column()));
            selected.add(valueOrDefault(property, "input." + alias));
            aliases.add(alias);
            arrays.add("?::" + property.sqlType() + "[]");
            arrayParameters.add(Parameter.entity(property));
            if (property.id()) {
                idValue = "input." + alias;
            }
        }
        if (aliases.isEmpty()) {
            return Optional.empty();
        }
        if (continuesHistory()) {
            columns.add("history_version");
            selected.add(nextHistoryVersion(parameters, idValue, null));
        }
        aliases.add("n");
        String input = "input AS (SELECT u.*" + (id.generated() ? ", " + DdlBuilder.generatedId(id, table) + " AS k" : "")
                + " FROM unnest(" + String.join(", ", arrays) + ") WITH ORDINALITY AS u(" + String.join(", ", aliases)
                + "))";
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                + String.join(", ", selected) + " FROM input ORDER BY input.n RETURNING *";
        List<Parameter> all = new ArrayList<>(arrayParameters);
        all.addAll(parameters);
        String history = "";
        if (entity.isAudited()) {
            history = ", history AS (" + historyInsert("'INSERT'", "history_version") + ")";
            all.add(Parameter.actor());
        }
        String returned = entity.properties().stream()
                .map(p -> "changed." + Identifiers.quote(p.column()))
                .collect(Collectors.joining(", "));
        return Optional.of(new Statement("WITH " + input + ", changed AS (" + insert + ")" + history + " SELECT "
                + returned + " FROM changed JOIN input ON changed." + quotedId() + " = " + idValue
                + " ORDER BY input.n", all));
    }

    /** The constant of an upsert on the unique {@code property}: {@code UPSERT_BY_NUMBER}. */
    public static String upsertConstant(Property property) {
        return "UPSERT_BY_" + property.column().toUpperCase(java.util.Locale.ROOT);
    }

    /** Upserts on the id (unless the database generates it) and on every unique column. */
    List<EntitySql.Upsert> upserts() {
        List<EntitySql.Upsert> upserts = new ArrayList<>();
        if (!id.generated()) {
            upserts.add(new EntitySql.Upsert(id, "upsert", "UPSERT", upsert(id)));
        }
        for (Property property : entity.properties()) {
            if (property.mapping().unique() && !property.id()) {
                upserts.add(new EntitySql.Upsert(property, "upsertBy" + Names.capitalize(property.name()),
                        upsertConstant(property), upsert(property)));
            }
        }
        return upserts;
    }

    /**
     * The insert, and on a conflict on {@code key} (with the tenant column first, for the row
     * strategy, so an upsert can only ever meet a row of the current tenant) an update of every
     * updatable column to the inserted values.
     */
    private Statement upsert(Property key) {
        Statement insert = insert();
        List<String> target = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            target.add(Identifiers.quote(entity.tenancy().column()));
        }
        target.add(Identifiers.quote(key.column()));
        List<String> assignments = new ArrayList<>();
        List<String> audited = new ArrayList<>();
        for (Property property : entity.properties()) {
            if (property.updatable() && property != key) {
                String column = Identifiers.quote(property.column());
                assignments.add(column + " = EXCLUDED." + column);
                if (entity.inHistory(property)) {
                    audited.add(column);
                }
            }
        }
        if (assignments.isEmpty()) {
            String column = Identifiers.quote(key.column());
            assignments.add(column + " = EXCLUDED." + column);     // DO UPDATE, so RETURNING returns the row
        }
        String insertSql = insert.sql();
        entity.version().ifPresent(version -> {
            // an upsert that updates is a change like any update: the next writer holding the old version is stale
            String column = Identifiers.quote(version.column());
            assignments.add(column + " = target." + column + " + 1");
        });
        if (entity.isAudited() || entity.version().isPresent()) {
            insertSql = insertSql.replaceFirst(" \\(", " AS target (");
        }
        if (entity.isAudited()) {
            String changed = audited.isEmpty() ? "false"
                    : "(" + String.join(", ", audited.stream().map(c -> "target." + c).toList()) + ") IS DISTINCT FROM ("
                            + String.join(", ", audited.stream().map(c -> "EXCLUDED." + c).toList()) + ")";
            assignments.add("history_version = target.history_version + CASE WHEN " + changed + " THEN 1 ELSE 0 END");
            assignments.add("history_changed = " + changed);
        }
        String sql = insertSql + " ON CONFLICT (" + String.join(", ", target) + ") DO UPDATE SET "
                + String.join(", ", assignments);
        return audited(new Statement(sql, insert.parameters()),
                "CASE WHEN inserted THEN 'INSERT' ELSE 'UPDATE' END", "history_version", true);
    }

    /**
     * {@code UPDATE} of every updatable property of the row with the entity's id. Never the tenant.
     * With a {@code @Version}: only the row still at the entity's version, and the version + 1.
     * Audited: the per-row history version is bumped, and a history row written, only when an
     * audited column changes, decided on the row as locked (gap-free under concurrent updates).
     */
    Optional<Statement> update() {
        List<String> assignments = new ArrayList<>();
        List<Parameter> parameters = new ArrayList<>();
        for (Property property : entity.properties()) {
            if (property.updatable()) {
                assignments.add(Identifiers.quote(property.column()) + " = ?");
                parameters.add(Parameter.entity(property));
            }
        }
        if (assignments.isEmpty()) {
            return Optional.empty();
        }
        entity.version().ifPresent(version -> {
            String column = Identifiers.quote(version.column());
            assignments.add(column + " = " + column + " + 1");
        });
        if (entity.isAudited()) {
            List<Property> audited = entity.properties().stream()
                    .filter(p -> p.updatable() && entity.inHistory(p))
                    .toList();
            String changed = audited.isEmpty() ? "false"
                    : "(" + String.join(", ", audited.stream().map(p -> Identifiers.quote(p.column())).toList())
                            + ") IS DISTINCT FROM (" + String.join(", ", audited.stream().map(p -> "?").toList()) + ")";
            assignments.add("history_version = history_version + CASE WHEN " + changed + " THEN 1 ELSE 0 END");
            audited.forEach(p -> parameters.add(Parameter.entity(p)));
            assignments.add("history_changed = " + changed);
            audited.forEach(p -> parameters.add(Parameter.entity(p)));
        }
        String sql = "UPDATE " + table + " SET " + String.join(", ", assignments)
                + where(parameters, idEquals(), Parameter.entity(id)) + versionCondition(parameters);
        return Optional.of(audited(new Statement(sql, parameters), "UPDATE", "history_version", true));
    }

    /** {@code delete(entity)} of a versioned entity: only the row still at the entity's version. */
    Optional<Statement> deleteVersioned() {
        if (entity.version().isEmpty()) {
            return Optional.empty();
        }
        List<Parameter> parameters = new ArrayList<>();
        String sql = "DELETE FROM " + table + where(parameters, "", quotedId() + " = ?", Parameter.entity(id))
                + versionCondition(parameters);
        return Optional.of(auditedDelete(new Statement(sql, parameters)));
    }

    private String versionCondition(List<Parameter> parameters) {
        if (entity.version().isEmpty()) {
            return "";
        }
        Property version = entity.version().get();
        parameters.add(Parameter.entity(version));
        return " AND " + Identifiers.quote(version.column()) + " = ?";
    }

    // ---- history, in one place ------------------------------------------------------------------

    /**
     * For an audited entity, {@code change} (an INSERT or UPDATE) wrapped so that the same
     * statement writes the history row: {@code WITH changed AS (change RETURNING *), history AS
     * (INSERT INTO ..._history SELECT ... FROM changed) SELECT <columns> FROM changed}. Otherwise
     * {@code change} as it is.
     *
     * @param operation the operation recorded, or a SQL expression for it
     * @param onlyChanged whether rows whose audited columns did not change get no history row
     */
    private Statement audited(Statement change, String operation, String version, boolean onlyChanged) {
        if (!entity.isAudited()) {
            // a statement after the tenant setting cannot use the driver's generated keys: it returns its row
            return setsTenant(entity)
                    ? new Statement(change.sql() + " RETURNING " + selectColumns(""), change.parameters())
                    : change;
        }
        List<Parameter> parameters = new ArrayList<>(change.parameters());
        parameters.add(Parameter.actor());
        String operationSql = operation.startsWith("CASE") ? operation : "'" + operation + "'";
        String sql = "WITH changed AS (" + change.sql() + " RETURNING *" + (operation.startsWith("CASE")
                ? ", xmax = 0 AS inserted" : "") + "), history AS (" + historyInsert(operationSql, version)
                + (onlyChanged ? " WHERE history_changed" : "") + ") SELECT " + selectColumns("") + " FROM changed";
        return new Statement(sql, parameters);
    }

    /** A delete that, audited, writes the row's last values with the next version; returns the count. */
    private Statement auditedDelete(Statement delete) {
        if (!entity.isAudited()) {
            return delete;
        }
        List<Parameter> parameters = new ArrayList<>(delete.parameters());
        String changed = "changed AS (" + delete.sql() + " RETURNING *)";
        if (entity.isJoinedSubtype()) {
            // the subtype's row goes with the root's (ON DELETE CASCADE); its last values are read here
            changed = "root AS (" + delete.sql() + " RETURNING *), changed AS (SELECT root.*"
                    + ownColumns(subtypeName + ".") + " FROM root JOIN " + subtypeTable + " ON "
                    + joinCondition(parameters, "root.") + ")";
        }
        parameters.add(Parameter.actor());
        String sql = "WITH " + changed + ", history AS (" + historyInsert("'DELETE'", "history_version + 1")
                + ") SELECT count(*) FROM changed";
        return new Statement(sql, parameters);
    }

    /** {@code INSERT INTO <history> (<columns>) SELECT <columns>, <operation>, <version>, ? FROM changed}. */
    private String historyInsert(String operation, String version) {
        List<String> columns = historyEntityColumns();
        return "INSERT INTO " + historyTable() + " (" + String.join(", ", columns)
                + ", history_operation, history_version, history_actor) SELECT " + String.join(", ", columns) + ", " + operation + ", "
                + version + ", ? FROM changed";
    }

    /** The entity's columns a history row holds: the tenant column, the id, every audited column. */
    List<String> historyEntityColumns() {
        List<String> columns = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            columns.add(Identifiers.quote(entity.tenancy().column()));
        }
        if (entity.isPolymorphic()) {
            columns.add(Identifiers.quote(entity.polymorphism().discriminator()));
        }
        List<Property> properties = new ArrayList<>(entity.properties());
        if (entity.isPolymorphic()) {
            // the root's history rows hold whatever subtype a row is: every subtype's columns
            entity.polymorphism().subtypes().forEach(subtype -> properties.addAll(subtype.ownProperties()));
        }
        for (Property property : properties) {
            String column = Identifiers.quote(property.column());
            if (!property.tenantId() && (property.id() || entity.inHistory(property)) && !columns.contains(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    String historyTable() {
        String name = Identifiers.quote(entity.audit().table());
        return entity.isTenanted() && entity.tenancy().isSchema() ? SCHEMA_PLACEHOLDER + "." + name : name;
    }

    /** The entity's columns in select order; {@code prefix} qualifies them, and excluded ones read NULL in history. */
    private String selectColumns(String historyNulls) {
        return entity.properties().stream()
                .map(p -> historyNulls.isEmpty() ? Identifiers.quote(p.column()) : historyColumn(p))
                .collect(Collectors.joining(", "));
    }

    Optional<EntitySql.History> history() {
        if (!entity.isAudited()) {
            return Optional.empty();
        }
        String select = historySelect(selectColumns("history"));
        List<Parameter> between = new ArrayList<>();
        String betweenSql = select + where(between, "", "history_changed_at >= ?",
                Parameter.argument("from", ValueType.INSTANT))
                + " AND history_changed_at < ? ORDER BY history_changed_at, " + quotedId() + ", history_version";
        between.add(Parameter.argument("to", ValueType.INSTANT));
        List<Parameter> transaction = new ArrayList<>();
        String transactionSql = select + where(transaction, "", "history_transaction_id = ?::text::xid8",
                Parameter.argument("transactionId", ValueType.PRIMITIVE_LONG))
                + " ORDER BY history_changed_at, " + quotedId() + ", history_version";
        return Optional.of(new EntitySql.History(historyVersions(select), historyAsOf(select),
                new Statement(betweenSql, between), new Statement(transactionSql, transaction)));
    }

    /** {@code SELECT <columns>, <the history's own columns> FROM <history table>}. */
    private String historySelect(String columns) {
        return "SELECT " + columns + ", history_version, history_operation, history_changed_at, history_actor,"
                + " history_transaction_id::text::bigint FROM " + historyTable();
    }

    /** Every version of the row with the id argument, newest first. */
    private Statement historyVersions(String select) {
        List<Parameter> parameters = new ArrayList<>();
        String sql = select + where(parameters, "", quotedId() + " = ?", Parameter.idArgument(id))
                + " ORDER BY history_version DESC";
        return new Statement(sql, parameters);
    }

    /** The last version of the row with the id argument at the {@code at} argument. */
    private Statement historyAsOf(String select) {
        List<Parameter> parameters = new ArrayList<>();
        String sql = select + where(parameters, "", quotedId() + " = ?", Parameter.idArgument(id))
                + " AND history_changed_at <= ? ORDER BY history_changed_at DESC, history_version DESC LIMIT 1";
        parameters.add(Parameter.argument("at", ValueType.INSTANT));
        return new Statement(sql, parameters);
    }

    Statement findById() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = select(parameters) + where(parameters, idEquals(), Parameter.idArgument(id));
        return new Statement(sql, parameters);
    }

    /** Keyset paging: the rows after an id, in id order. */
    Statement findAllAfter() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = select(parameters) + where(parameters, idColumn() + " > ?", Parameter.idArgument(id))
                + " ORDER BY " + idColumn() + " LIMIT ?";
        parameters.add(Parameter.limit());
        return new Statement(sql, parameters);
    }

    /** Offset paging, in id order. */
    Statement findAll() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = select(parameters) + where(parameters, null, null) + " ORDER BY " + idColumn()
                + " LIMIT ? OFFSET ?";
        parameters.add(Parameter.limit());
        parameters.add(Parameter.offset());
        return new Statement(sql, parameters);
    }

    Statement count() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = "SELECT count(*) FROM " + table + where(parameters, "", null, null);
        return new Statement(sql, parameters);
    }

    Statement existsById() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = "SELECT EXISTS (SELECT 1 FROM " + table
                + where(parameters, "", quotedId() + " = ?", Parameter.idArgument(id)) + ")";
        return new Statement(sql, parameters);
    }

    Statement deleteById() {
        List<Parameter> parameters = new ArrayList<>();
        String sql = "DELETE FROM " + table + where(parameters, "", quotedId() + " = ?", Parameter.idArgument(id));
        return auditedDelete(new Statement(sql, parameters));
    }

    /**
     * {@code SELECT <columns> FROM <table>}; for a joined subtype, the root's table joined to the
     * subtype's (with the tenant predicate in the join), every column qualified.
     */
    private String select(List<Parameter> parameters) {
        if (!entity.isJoinedSubtype()) {
            return "SELECT " + entity.properties().stream()
                    .map(p -> Identifiers.quote(p.column()))
                    .collect(Collectors.joining(", ")) + " FROM " + table;
        }
        String columns = entity.rootProperties().stream()
                .map(p -> qualifier + Identifiers.quote(p.column()))
                .collect(Collectors.joining(", ")) + ownColumns(subtypeName + ".");
        return "SELECT " + columns + " FROM " + table + " JOIN " + subtypeTable + " ON "
                + joinCondition(parameters, qualifier);
    }

    /**
     * The WHERE clause of every statement that reads or changes existing rows: the tenant
     * predicate first (for a tenanted entity), then {@code condition} if any. Appends the
     * parameters in the same order.
     */
    private String where(List<Parameter> parameters, String condition, Parameter conditionParameter) {
        return where(parameters, qualifier, condition, conditionParameter);
    }

    /**
     * {@link #where(List, String, Parameter)} with the root table's columns qualified by
     * {@code qualifier}; a subtype's rows are also those with its discriminator value.
     */
    private String where(List<Parameter> parameters, String qualifier, String condition, Parameter conditionParameter) {
        List<String> conditions = tenantPredicate(parameters, qualifier);
        if (isSubtype()) {
            conditions.add(qualifier + Identifiers.quote(entity.polymorphism().discriminator()) + " = "
                    + discriminatorValue());
        }
        if (condition != null) {
            conditions.add(condition);
            parameters.add(conditionParameter);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * The tenant predicate, the one place it is written: for the row strategy, the tenant column
     * of the table {@code qualifier} names (every table of a statement, every join) equals the
     * current tenant. Nothing for the other strategies, whose tables are the tenant's own.
     */
    private List<String> tenantPredicate(List<Parameter> parameters, String qualifier) {
        List<String> conditions = new ArrayList<>();
        if (hasTenantColumn(entity)) {
            conditions.add(qualifier + Identifiers.quote(entity.tenancy().column()) + " = ?");
            parameters.add(Parameter.tenant());
        }
        return conditions;
    }

    /** Whether the entity's table has a tenant column (row strategy). */
    static boolean hasTenantColumn(EntityModel entity) {
        return entity.isTenanted() && entity.tenancy().isRow();
    }

    /**
     * How statements name the entity's table: in the tenant's schema for schema per tenant
     * ({@code {schema}.invoice}, filled in at run time), plainly otherwise.
     */
    static String tableReference(EntityModel entity) {
        return tableReference(entity, entity.table());
    }

    /** How statements name {@code name}, a table of {@code entity}'s hierarchy. */
    static String tableReference(EntityModel entity, String name) {
        String table = Identifiers.quote(name);
        return entity.isTenanted() && entity.tenancy().isSchema() ? SCHEMA_PLACEHOLDER + "." + table : table;
    }

    /** Must equal the runtime's {@code TenantSql.SCHEMA}. */
    static final String SCHEMA_PLACEHOLDER = "{schema}";

    private String idEquals() {
        return idColumn() + " = ?";
    }

    /** The id column, qualified when the statement joins a subtype's table. */
    private String idColumn() {
        return qualifier + quotedId();
    }

    private String quotedId() {
        return Identifiers.quote(id.column());
    }
}
