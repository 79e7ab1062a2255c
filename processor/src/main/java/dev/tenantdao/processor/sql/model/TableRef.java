package dev.tenantdao.processor.sql.model;

/**
 * A table a statement names: one of the entity's tables (its own, a subtype's, its history), or a
 * CTE of the statement. The tenancy pass confines every entity table to the current tenant (the
 * predicate, the schema); it never touches a CTE, whose rows come from entity tables already
 * confined.
 *
 * @param name the table's (or CTE's) name, unquoted
 * @param entityTable whether it is one of the entity's tables, rather than a CTE
 * @param alias an alias ({@code AS target}, {@code h}), or null
 * @param qualifier how the tenancy pass qualifies the tenant column of this table in predicates
 *     ({@code "payout."}, {@code "h."}), or empty for an unqualified column
 * @param inSchema set by the tenancy pass: named in the tenant's schema ({@code {schema}.invoice})
 * @param rows which rows of a {@code @SoftDelete} entity's table the statement means (the soft-delete
 *     pass adds the predicate); {@link Rows#LIVE} unless a statement says otherwise
 */
public record TableRef(String name, boolean entityTable, String alias, String qualifier, boolean inSchema, Rows rows) {

    /** Which rows of a {@code @SoftDelete} entity's table a statement means. */
    public enum Rows {
        /** Live rows only: every statement, unless it says otherwise. */
        LIVE,
        /** Deleted rows only: {@code findDeletedById}, {@code findAllDeleted}, {@code restore}. */
        DELETED,
        /** Every row, deleted or not: {@code purge}. */
        ALL
    }

    /** One of the entity's tables, its columns unqualified. */
    public static TableRef table(String name) {
        return new TableRef(name, true, null, "", false, Rows.LIVE);
    }

    /** A CTE of the statement ({@code changed}, {@code root}, {@code input}). */
    public static TableRef cte(String name) {
        return new TableRef(name, false, null, "", false, Rows.LIVE);
    }

    /** This table with {@code alias}, its tenant column qualified by the alias. */
    public TableRef as(String alias) {
        return new TableRef(name, entityTable, alias, alias + ".", inSchema, rows);
    }

    /** This table with its tenant column qualified by {@code qualifier} (e.g. its quoted name and a dot). */
    public TableRef qualified(String qualifier) {
        return new TableRef(name, entityTable, alias, qualifier, inSchema, rows);
    }

    /** This table named in the tenant's schema. */
    public TableRef inTenantSchema() {
        return new TableRef(name, entityTable, alias, qualifier, true, rows);
    }

    /** This table, meaning {@code rows} of a {@code @SoftDelete} entity's table. */
    public TableRef rows(Rows rows) {
        return new TableRef(name, entityTable, alias, qualifier, inSchema, rows);
    }
}
