package dev.tenantdao.annotations.internal;

/**
 * The strings the processor and the runtime must agree on, defined once: the processor writes them
 * into generated SQL, DDL and resources, the runtime reads or fills them in. Not API: both modules
 * depend on this one (the annotations, which have no dependencies of their own).
 */
public final class Wire {

    /** The transaction-local setting row-level-security policies compare the tenant column with. */
    public static final String TENANT_SETTING = "tenantdao.tenant";

    /** {@code SELECT set_config('tenantdao.tenant', ?, true)}: sets {@link #TENANT_SETTING} for the transaction. */
    public static final String SET_TENANT = "SELECT set_config('" + TENANT_SETTING + "', ?, true)";

    /**
     * {@code SELECT set_config('tenantdao.tenant', ?, false)}: sets {@link #TENANT_SETTING} for the
     * session, for a statement outside a transaction; {@link #CLEAR_TENANT} follows it in the same round trip.
     */
    public static final String SET_TENANT_FOR_SESSION = "SELECT set_config('" + TENANT_SETTING + "', ?, false)";

    /** The transaction-local setting holding the current vendor of a vendor-scoped statement ({@code ''} when tenant-wide). */
    public static final String VENDOR_SETTING = "tenantdao.vendor";

    /** The transaction-local setting a tenant-wide statement of a vendor-scoped entity sets to {@link #TENANT_WIDE}. */
    public static final String TENANT_WIDE_SETTING = "tenantdao.tenant_wide";

    /** The value of {@link #TENANT_WIDE_SETTING} that lets a policy show every vendor of the tenant. */
    public static final String TENANT_WIDE = "on";

    /**
     * {@link #SET_TENANT} for a vendor-scoped statement: the tenant, the vendor ({@code ''} when
     * tenant-wide) and the tenant-wide switch ({@code on} or {@code ''}), each until the end of the transaction.
     */
    public static final String SET_TENANT_AND_VENDOR = "SELECT set_config('" + TENANT_SETTING + "', ?, true), set_config('"
            + VENDOR_SETTING + "', ?, true), set_config('" + TENANT_WIDE_SETTING + "', ?, true)";

    /** {@link #SET_TENANT_AND_VENDOR} for the session, for a statement outside a transaction ({@link #CLEAR_TENANT_AND_VENDOR} follows). */
    public static final String SET_TENANT_AND_VENDOR_FOR_SESSION = "SELECT set_config('" + TENANT_SETTING
            + "', ?, false), set_config('" + VENDOR_SETTING + "', ?, false), set_config('" + TENANT_WIDE_SETTING
            + "', ?, false)";

    /** {@code SELECT set_config('tenantdao.tenant', '', false)}: no tenant on the session, as a pooled connection must be left. */
    public static final String CLEAR_TENANT = "SELECT set_config('" + TENANT_SETTING + "', '', false)";

    /**
     * {@link #CLEAR_TENANT} after a vendor-scoped statement: no tenant, vendor or tenant-wide switch
     * on the session.
     */
    public static final String CLEAR_TENANT_AND_VENDOR = "SELECT set_config('" + TENANT_SETTING + "', '', false), set_config('"
            + VENDOR_SETTING + "', '', false), set_config('" + TENANT_WIDE_SETTING + "', '', false)";

    /**
     * The transaction-local setting an operator's transaction ({@code Database.asOperator}) sets to
     * {@link #OPERATOR_WRITES_ON} when it was opened for writes: the operator role's restrictive write
     * policies hold only then.
     */
    public static final String OPERATOR_WRITES_SETTING = "tenantdao.operator_writes";

    /** The value of {@link #OPERATOR_WRITES_SETTING} that lets the operator role write. */
    public static final String OPERATOR_WRITES_ON = "on";

    /** {@code SELECT set_config('tenantdao.operator_writes', ?, true)}: an operator's transaction opens or closes writes. */
    public static final String SET_OPERATOR_WRITES = "SELECT set_config('" + OPERATOR_WRITES_SETTING + "', ?, true)";

    /** The append-only table of operator calls (who, why, which operation, which tenants, how many rows, when). */
    public static final String OPERATOR_ACCESS_TABLE = "tenantdao_operator_access";

    /**
     * The names of a table's operators' policies after its own name: the read policy, then the restrictive
     * insert, update and delete policies that hold their writes back unless {@link #OPERATOR_WRITES_SETTING} is on.
     */
    public static final java.util.List<String> OPERATOR_POLICIES = java.util.List.of("_operator_read", "_operator_insert",
            "_operator_update", "_operator_delete");

    /**
     * The row-level-security condition of a schema- or database-per-tenant table with operator access:
     * every row of it is the tenant's (the schema or the database keeps tenants apart), so the policy
     * lets every role read and write; the operators' restrictive policies beside it hold back their writes.
     */
    public static final String TENANTS_OWN_ROWS = "true";

    /**
     * One row of {@link #OPERATOR_ACCESS_TABLE}, written by the runtime at the end of each DAO call in
     * an operator's transaction: the actor, the reason, the operation, the tenants whose rows were
     * returned or changed ({@code text[]}), the row count (null: the call reported none), whether the
     * transaction was open for writes, what the call failed with (null: it did not) and whether the
     * row is written again after its transaction rolled back.
     */
    public static final String INSERT_OPERATOR_ACCESS = "INSERT INTO " + OPERATOR_ACCESS_TABLE + Wire.OPERATOR_ACCESS_ROW;

    /** {@link #INSERT_OPERATOR_ACCESS} into the log in a tenant's schema ({@value #SCHEMA_PLACEHOLDER}): schema per tenant. */
    public static final String INSERT_OPERATOR_ACCESS_IN_SCHEMA = "INSERT INTO " + Wire.SCHEMA_PLACEHOLDER + "."
            + OPERATOR_ACCESS_TABLE + Wire.OPERATOR_ACCESS_ROW;

    private static final String OPERATOR_ACCESS_ROW = " (actor, reason, operation, tenants, row_count, writes, failure,"
            + " rolled_back) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    /** Stands for a repository statement's ORDER BY when sort criteria come at run time, replaced then. */
    public static final String ORDER_PLACEHOLDER = "/*order*/";

    /** Stands for the tenant's quoted schema in generated SQL and DDL, replaced at run time. */
    public static final String SCHEMA_PLACEHOLDER = "{schema}";

    /** Where the processor writes each entity's DDL ({@code <location><entity's binary name>.sql}). */
    public static final String DDL_LOCATION = "META-INF/tenantdao/ddl/";

    /**
     * Where the processor lists every DAO it generated in a compilation, one binary class name a line
     * (what a framework integration registers as beans without the application listing them).
     */
    public static final String DAO_INDEX = "META-INF/tenantdao/daos";

    /** Where the processor lists every {@code @CrossTenant} method with its reason, in the class output. */
    public static final String CROSS_TENANT_REPORT = "META-INF/tenantdao/cross-tenant.txt";

    /** The first line of every generated DDL names the entity's strategy: {@code -- tenantdao strategy: ROW}. */
    public static final String STRATEGY_HEADER = "-- tenantdao strategy: ";

    /** An audited table's history version of the row: 1 at insert, +1 per change. */
    public static final String HISTORY_VERSION = "history_version";

    /** An audited table's flag: whether the last update changed an audited column. */
    public static final String HISTORY_CHANGED = "history_changed";

    /**
     * A partitioned audited table's flag: whether the row was inserted, rather than updated, by the
     * last upsert ({@code xmax = 0} tells that on other tables, but PostgreSQL refuses system
     * columns in RETURNING from a partitioned table).
     */
    public static final String HISTORY_INSERTED = "history_inserted";

    /** A history row's operation: {@code INSERT}, {@code UPDATE} or {@code DELETE}. */
    public static final String HISTORY_OPERATION = "history_operation";

    /** A history row's time (the database clock). */
    public static final String HISTORY_CHANGED_AT = "history_changed_at";

    /** A history row's actor ({@code AuditContext}). */
    public static final String HISTORY_ACTOR = "history_actor";

    /** A history row's transaction ({@code pg_current_xact_id()}). */
    public static final String HISTORY_TRANSACTION_ID = "history_transaction_id";

    private Wire() {}

    /**
     * {@code sql} without the row-level-security setting in front of it ({@link #SET_TENANT} or
     * {@link #SET_TENANT_AND_VENDOR}, then {@code "; "}), or {@code sql} itself when it has none.
     */
    public static String withoutSetting(String sql) {
        for (String setting : new String[] {SET_TENANT + "; ", SET_TENANT_AND_VENDOR + "; "}) {
            if (sql.startsWith(setting)) {
                return sql.substring(setting.length());
            }
        }
        return sql;
    }

    /**
     * Whether generated statement {@code sql} (its setting in front or not) changes rows: an
     * {@code INSERT}, {@code UPDATE}, {@code DELETE} or {@code MERGE}, alone, after a {@code ;} or as a
     * data-modifying {@code WITH} query. What an operator's transaction not opened for writes refuses
     * before sending it; in doubt (the word in a quoted name or a literal) it says yes: such a read is
     * refused, never a write let through.
     */
    public static boolean writes(String sql) {
        return WRITE.matcher(withoutSetting(sql)).find();
    }

    private static final java.util.regex.Pattern WRITE = java.util.regex.Pattern.compile(
            "(?i)(^|[;(])\\s*(INSERT|UPDATE|DELETE|MERGE)\\b");

    /** The compilation's schema model (JSON), in the class output: what {@code database.verify()} compares. */
    public static final String SCHEMA_RESOURCE = "META-INF/tenantdao/schema.json";

    /** Where the processor copies the exported migrations in the class output, then the stream's name. */
    public static final String MIGRATIONS_LOCATION = "db/tenantdao/";
}
