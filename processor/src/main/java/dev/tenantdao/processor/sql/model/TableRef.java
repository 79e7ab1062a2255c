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
 */
public record TableRef(String name, boolean entityTable, String alias, String qualifier, boolean inSchema) {

    /** One of the entity's tables, its columns unqualified. */
    public static TableRef table(String name) {
        return new TableRef(name, true, null, "", false);
    }

    /** A CTE of the statement ({@code changed}, {@code root}, {@code input}). */
    public static TableRef cte(String name) {
        return new TableRef(name, false, null, "", false);
    }

    /** This table with {@code alias}, its tenant column qualified by the alias. */
    public TableRef as(String alias) {
        return new TableRef(name, entityTable, alias, alias + ".", inSchema);
    }

    /** This table with its tenant column qualified by {@code qualifier} (e.g. its quoted name and a dot). */
    public TableRef qualified(String qualifier) {
        return new TableRef(name, entityTable, alias, qualifier, inSchema);
    }

    /** This table named in the tenant's schema. */
    public TableRef inTenantSchema() {
        return new TableRef(name, entityTable, alias, qualifier, true);
    }
}
