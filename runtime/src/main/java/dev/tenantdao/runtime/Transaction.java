package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One database transaction, bound to one thread and one tenant. Obtained from
 * {@link Database#inTransaction}; every DAO call made by that thread while it is open uses its
 * connection.
 *
 * <p>The transaction is bound to the tenant current when it began or, when there was none, to the
 * first tenant that uses it. A DAO call under any other tenant throws
 * {@link TenantMismatchException} before any SQL. Once bound, the connection's transaction-local
 * {@value Database#TENANT_SETTING} setting holds the tenant, so row-level-security policies confine
 * even SQL of your own on {@link #connection()} to that tenant.
 */
public final class Transaction {

    private final Database database;
    private String tenant;
    /** The vendor scope bound with the tenant (see {@link VendorScope}). */
    private VendorScope vendorScope = VendorScope.NONE;
    private Connection connection;
    private DataSource source;
    private boolean tenantSet;
    /**
     * Whether opening the connection sets the tenant setting: for transactions handed to users
     * (whose own SQL relies on it); not for a DAO's own transaction, whose statements set it
     * themselves in the same round trip.
     */
    private final boolean setsTenant;
    private boolean rollbackOnly;
    private Long transactionId;

    /** Set for a transaction of the application's that DAO calls joined: never committed or closed here. */
    private final boolean external;
    /** An operator's transaction ({@link Database#asOperator}): who and why; else null. */
    private final OperatorAccess operator;
    /** An operator's transaction: the operator's own data source, the only one it uses. */
    private final DataSource operatorSource;
    /** An operator's transaction: the access log rows of its calls so far, written again should it roll back. */
    private final java.util.List<OperatorLogEntry> operatorLog = new java.util.ArrayList<>();
    /** An operator's transaction: the streams its calls opened, closed when its work is done. */
    private final java.util.List<java.util.stream.Stream<?>> operatorStreams = new java.util.ArrayList<>();
    /** An operator's transaction: whether a call in it failed (the transaction then rolls back). */
    private boolean operatorCallFailed;
    /**
     * An operator's transaction on database-per-tenant entities: its connection to each tenant's database
     * (the operators' login there), in the order the block first used them.
     */
    private final java.util.Map<String, Connection> operatorDatabases = new java.util.LinkedHashMap<>();

    Transaction(Database database, String tenant, boolean setsTenant) {
        this.database = database;
        this.tenant = tenant;
        this.vendorScope = tenant == null ? VendorScope.NONE : database.vendorScopeNow();
        this.setsTenant = setsTenant;
        this.external = false;
        this.operator = null;
        this.operatorSource = null;
    }

    /**
     * An operator's transaction on {@code operatorSource}: not bound to a tenant (each DAO call's
     * statements set their own), the operators' write switch set when it opens, every DAO call logged.
     */
    Transaction(Database database, OperatorAccess operator, DataSource operatorSource) {
        this.database = database;
        this.setsTenant = false;
        this.external = false;
        this.operator = Objects.requireNonNull(operator, "operator");
        this.operatorSource = Objects.requireNonNull(operatorSource, "operatorSource");
    }

    private Transaction(Database database, Connection connection, String tenant) {
        this.database = database;
        this.setsTenant = true;
        this.external = true;
        this.connection = connection;
        this.source = database.dataSource();
        this.tenant = tenant;
        this.vendorScope = tenant == null ? VendorScope.NONE : database.vendorScopeNow();
        this.tenantSet = tenant != null;        // the integration made the setting at the transaction's start
        this.operator = null;
        this.operatorSource = null;
    }

    /**
     * The application's transaction on {@code connection}, as DAO calls join it: bound to the first
     * tenant that uses it, the tenant setting made once on its connection, and its connection never
     * committed, rolled back or closed by tenantdao.
     */
    static Transaction joining(Database database, Connection connection, String tenant) {
        return new Transaction(database, Objects.requireNonNull(connection, "connection"), tenant);
    }

    /** The tenant this transaction is bound to, or empty while it is not bound to one yet. */
    public Optional<String> tenant() {
        return Optional.ofNullable(tenant);
    }

    /**
     * The transaction's connection, opened on first use with auto-commit off (from the database's
     * main data source, unless a database-per-tenant call opened it first). Use it for SQL of your
     * own; do not commit, roll back or close it.
     */
    public Connection connection() {
        try {
            return open(operatorSource != null ? operatorSource : source != null ? source : database.dataSource());
        } catch (SQLException e) {
            throw new DataAccessException("Transaction.connection", "Cannot begin a transaction", e);
        }
    }

    /**
     * The PostgreSQL id of this transaction ({@code pg_current_xact_id()}): the id the history rows
     * of audited entities written in it record in {@code history_transaction_id}, and the argument
     * of the generated {@code changesInTransaction(long)}. Asked of the database once, on the
     * transaction's {@link #connection()} (opened on the main data source if no call opened it
     * yet, as that method does), then kept; it is the same for the whole transaction and differs
     * between transactions. A transaction that has written nothing yet gets its id assigned by
     * this call, as its first write would.
     *
     * @throws DataAccessException when the database cannot tell (a transaction already failed)
     */
    public long transactionId() {
        if (transactionId == null) {
            try (PreparedStatement statement =
                            connection().prepareStatement("SELECT pg_current_xact_id()::text::bigint");
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                transactionId = rows.getLong(1);
            } catch (SQLException e) {
                throw new DataAccessException("Transaction.transactionId", "Reading the transaction id failed", e);
            }
        }
        return transactionId;
    }

    /** Whether the transaction's connection is (or will be) one of the database's main data source. */
    boolean usesMainDataSource() {
        return operator == null && (source == null || source.equals(database.dataSource()));
    }

    /**
     * The vendor scope a transaction is bound to with its tenant: one vendor of it, all of them
     * (an explicit tenant-wide block), or none.
     */
    record VendorScope(String vendor, boolean tenantWide) {
        static final VendorScope NONE = new VendorScope(null, false);
        static final VendorScope TENANT_WIDE = new VendorScope(null, true);

        static VendorScope of(String vendor) {
            return new VendorScope(vendor, false);
        }

        @Override
        public String toString() {
            return vendor != null ? "vendor '" + vendor + "'" : tenantWide ? "tenant-wide" : "no vendor";
        }
    }

    /** The connection for a DAO call on {@code scope} under {@code requested} (null: shared entity). */
    Connection connectionFor(TenantScope scope, String requested) throws SQLException {
        if (operator != null) {
            if (scope.strategy() == TenantScope.Strategy.DATABASE) {
                return operatorDatabase(scope, requested);
            }
            // each statement sets its own tenant or names its schema: the block may visit several
            return open(operatorSource);
        }
        bindTenant(requested, scope.entity());
        if (scope.vendorScoped() && requested != null) {
            VendorScope now = database.vendorScopeNow();
            if (!now.equals(vendorScope)) {
                throw new VendorMismatchException(scope.entity(), tenant, String.valueOf(vendorScope), now.toString(),
                        "A transaction works in one vendor scope: this one began for tenant '" + tenant + "' with "
                        + vendorScope + ", and " + scope.entity() + " is now called with " + now + "; begin the"
                        + " transaction inside the scope of its work (TenantContext.runAsVendor or runTenantWide)");
            }
        }
        DataSource wanted = database.dataSourceFor(scope, tenant);
        // equals: a lazy routing's data source for one tenant is a new but equal one after an eviction
        if (source != null && !wanted.equals(source)) {
            throw new TenantMismatchException(tenant, requested, scope.entity(), "A transaction works on one"
                    + " database; " + scope.entity()
                    + " is in another database than the work already done in this transaction");
        }
        return open(wanted);
    }

    /**
     * An operator's transaction: its connection to {@code tenant}'s database, opened on first use on the
     * operators' login there, its transaction begun with the operators' write switch like the block's own.
     */
    private Connection operatorDatabase(TenantScope scope, String tenant) throws SQLException {
        Connection open = operatorDatabases.get(tenant);
        if (open == null) {
            open = begin(database.operatorDataSourceFor(scope, tenant));
            operatorDatabases.put(tenant, open);
        }
        return open;
    }

    /** A connection of {@code from} with auto-commit off; an operator's with its write switch set. */
    private Connection begin(DataSource from) throws SQLException {
        Connection opened = from.getConnection();
        try {
            opened.setAutoCommit(false);
            if (operator != null) {
                try (PreparedStatement writes = opened.prepareStatement(dev.tenantdao.annotations.internal.Wire.SET_OPERATOR_WRITES)) {
                    writes.setString(1, operator.writes() ? dev.tenantdao.annotations.internal.Wire.OPERATOR_WRITES_ON : "");
                    writes.execute();
                }
            }
        } catch (SQLException | RuntimeException e) {
            try {
                opened.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return opened;
    }

    private Connection open(DataSource from) throws SQLException {
        if (connection == null) {
            connection = begin(from);
            source = from;
        }
        if (setsTenant && tenant != null && !tenantSet) {
            // the transaction's scope, for the application's own SQL in it (vendor-scoped statements set theirs too)
            if (vendorScope.vendor() != null || vendorScope.tenantWide()) {
                dev.tenantdao.runtime.internal.TenantSql.setTenantAndVendor(connection, tenant, vendorScope.vendor());
            } else {
                dev.tenantdao.runtime.internal.TenantSql.setTenant(connection, tenant);
            }
            tenantSet = true;
        }
        return connection;
    }

    /** Makes the transaction roll back when it ends, even if its work completes normally. */
    public void setRollbackOnly() {
        if (external) {
            throw new UnsupportedOperationException("This transaction is the application's (ExternalTransactions):"
                    + " roll it back where it was begun, or throw to leave it");
        }
        rollbackOnly = true;
    }

    /** Whether this is the application's transaction, joined (see {@link ExternalTransactions}). */
    boolean isExternal() {
        return external;
    }

    /** Whether the transaction will roll back when it ends ({@link #setRollbackOnly()} was called). */
    public boolean isRollbackOnly() {
        return rollbackOnly;
    }

    /** @param entity the entity of the DAO call that asks, or null (a transaction block) */
    void bindTenant(String requested, String entity) {
        if (requested == null || operator != null) {
            return;
        }
        if (tenant == null) {
            tenant = requested;
            vendorScope = database.vendorScopeNow();
        } else if (!tenant.equals(requested)) {
            throw new TenantMismatchException(tenant, requested, entity,
                    "The current tenant changed inside a transaction bound to tenant '"
                    + tenant + "' (now '" + requested + "'); a transaction belongs to one tenant");
        }
    }

    void end(Throwable failure) {
        if (operator != null) {
            endOperator(failure);
            return;
        }
        if (connection == null || external) {
            return;
        }
        boolean commit = failure == null && !rollbackOnly;
        try (Connection c = connection) {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            restoreAutoCommit(c);
        } catch (SQLException e) {
            DataAccessException error = commit
                    ? new DataAccessException("Transaction.commit", "Commit failed", e)
                    : new DataAccessException("Transaction.rollback", "Rollback failed", e);
            if (failure != null) {
                failure.addSuppressed(error);
            } else {
                throw error;
            }
        } finally {
            connection = null;
        }
    }

    /**
     * Ends an operator's transaction: the tenants' databases it used first (database per tenant, in the
     * order the block first used them), then the operators' own connection, each committed unless the
     * work or a call failed or an earlier commit did (PostgreSQL has no transaction across databases:
     * those committed before a failed commit stay committed). The log rows of what did not commit are
     * written again, marked rolled back, each where it belongs.
     */
    private void endOperator(Throwable failure) {
        boolean commit = failure == null && !rollbackOnly && !operatorCallFailed;
        java.util.Map<String, Connection> open = new java.util.LinkedHashMap<>(operatorDatabases);
        if (connection != null) {
            open.put(OPERATORS_OWN, connection);
        }
        java.util.Set<String> committed = new java.util.HashSet<>();
        DataAccessException problem = null;
        for (java.util.Map.Entry<String, Connection> each : open.entrySet()) {
            boolean commitThis = commit && problem == null;
            try (Connection c = each.getValue()) {
                if (commitThis) {
                    c.commit();
                    committed.add(each.getKey());
                } else {
                    c.rollback();
                }
                restoreAutoCommit(c);
            } catch (SQLException e) {
                DataAccessException error = commitThis
                        ? new DataAccessException("Transaction.commit", "Commit failed", e)
                        : new DataAccessException("Transaction.rollback", "Rollback failed", e);
                if (problem == null) {
                    problem = error;
                } else {
                    problem.addSuppressed(error);
                }
            }
        }
        connection = null;
        operatorDatabases.clear();
        relog(committed, failure != null ? failure : problem);
        if (problem != null) {
            if (failure != null) {
                failure.addSuppressed(problem);
            } else {
                throw problem;
            }
        }
    }

    /** Whether this is an operator's transaction ({@link Database#asOperator}). */
    boolean isOperator() {
        return operator != null;
    }

    /** An operator's transaction: who and why. */
    OperatorAccess operatorAccess() {
        return operator;
    }

    /** An operator's transaction: a stream of a DAO or repository call, closed by {@link #closeOperatorStreams} at the latest. */
    void streamOpened(java.util.stream.Stream<?> stream) {
        operatorStreams.add(stream);
    }

    /**
     * An operator's transaction, its work done: closes the streams it opened that are still open, each
     * written into the access log with the rows it returned (closing one that is closed does nothing).
     *
     * @throws RuntimeException what closing the first one that failed threw, the others' suppressed
     */
    void closeOperatorStreams() {
        RuntimeException first = null;
        for (java.util.stream.Stream<?> stream : operatorStreams) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        operatorStreams.clear();
        if (first != null) {
            throw first;
        }
    }

    /** An operator's transaction: whether a call in it failed, which rolls it back. */
    boolean operatorCallFailed() {
        return operatorCallFailed;
    }

    /** The key of the operators' own connection among those an operator's transaction ends (never a tenant id). */
    private static final String OPERATORS_OWN = "";

    /**
     * One row of the access log, as an operator's transaction writes it (see {@link
     * dev.tenantdao.annotations.internal.Wire#INSERT_OPERATOR_ACCESS}), and where: in the database of
     * tenant {@code database} (database per tenant) or on the operators' own login ({@value #OPERATORS_OWN}),
     * in the tenant's quoted {@code schema} (schema per tenant) or the login's own (null).
     */
    private record OperatorLogEntry(String database, String schema, String operation, String[] tenants, Long rows,
            boolean writes, String failure) {}

    /**
     * Logs a DAO call of an operator's transaction on {@code scope}'s rows: {@code operation} for {@code
     * tenant} (null: a shared entity, or a call across tenants, whose rows were of {@code rowTenants}),
     * {@code rows} rows reported (-1: none), whether it writes, what it failed with (null: nothing). The row
     * goes where the call's rows are: a schema-per-tenant call's into the tenant's schema, a
     * database-per-tenant call's into the tenant's database, the others' beside the shared tables.
     * A call that succeeded is written into the access log at once, in its transaction; a failed one
     * only marks the transaction to roll back, and every row of it is written again after the rollback.
     */
    void logOperatorCall(TenantScope scope, String operation, String tenant, String[] rowTenants, long rows,
            boolean writes, Throwable failure) throws SQLException {
        String[] tenants = rowTenants != null ? rowTenants : tenant != null && rows > 0 ? new String[] {tenant} : new String[0];
        boolean own = tenant == null || scope.strategy() != TenantScope.Strategy.DATABASE;
        String schema = tenant != null && scope.strategy() == TenantScope.Strategy.SCHEMA ? database.schemaOf(tenant) : null;
        OperatorLogEntry entry = new OperatorLogEntry(own ? OPERATORS_OWN : tenant, schema, operation, tenants,
                rows < 0 ? null : rows, writes, failure == null ? null : describe(failure));
        operatorLog.add(entry);
        if (failure != null) {
            operatorCallFailed = true;
            return;
        }
        if (operatorCallFailed) {
            // an earlier call failed: the transaction rolls back (PostgreSQL refuses statements in it
            // already), and every row of its log is written again after the rollback, this one included
            return;
        }
        insert(own ? connection : operatorDatabases.get(tenant), entry, false);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof DataAccessException && failure.getCause() != null ? failure.getCause() : failure;
        String state = cause instanceof SQLException sql && sql.getSQLState() != null ? " (" + sql.getSQLState() + ")" : "";
        return cause.getClass().getSimpleName() + state;
    }

    private void insert(Connection on, OperatorLogEntry entry, boolean rolledBack) throws SQLException {
        String sql = entry.schema() == null ? dev.tenantdao.annotations.internal.Wire.INSERT_OPERATOR_ACCESS
                : dev.tenantdao.runtime.internal.TenantSql.inSchema(
                        dev.tenantdao.annotations.internal.Wire.INSERT_OPERATOR_ACCESS_IN_SCHEMA, entry.schema());
        try (PreparedStatement log = on.prepareStatement(sql)) {
            log.setString(1, operator.actor());
            log.setString(2, operator.reason());
            log.setString(3, entry.operation());
            log.setArray(4, on.createArrayOf("text", entry.tenants()));
            if (entry.rows() == null) {
                log.setNull(5, java.sql.Types.BIGINT);
            } else {
                log.setLong(5, entry.rows());
            }
            log.setBoolean(6, entry.writes());
            log.setString(7, entry.failure());
            log.setBoolean(8, rolledBack);
            log.executeUpdate();
        }
    }

    /**
     * After an operator's transaction ended without committing where some of its calls ran (its work or
     * a call failed, or a commit did), writes their access log rows again, marked rolled back, in a
     * transaction of their own on each database concerned: what the operator read stays logged though
     * the transaction's rows are gone. Should that fail, the problem is added to {@code failure} (or
     * thrown when there is none).
     *
     * @param committed the databases whose commit held ({@value #OPERATORS_OWN}: the operators' own login)
     */
    private void relog(java.util.Set<String> committed, Throwable failure) {
        java.util.Map<String, java.util.List<OperatorLogEntry>> pending = new java.util.LinkedHashMap<>();
        for (OperatorLogEntry entry : operatorLog) {
            if (!committed.contains(entry.database())) {
                pending.computeIfAbsent(entry.database(), where -> new java.util.ArrayList<>()).add(entry);
            }
        }
        operatorLog.clear();
        for (java.util.Map.Entry<String, java.util.List<OperatorLogEntry>> each : pending.entrySet()) {
            try (Connection own = (each.getKey().equals(OPERATORS_OWN) ? operatorSource
                    : database.operatorDataSourceFor(null, each.getKey())).getConnection()) {
                own.setAutoCommit(false);
                for (OperatorLogEntry entry : each.getValue()) {
                    insert(own, entry, true);
                }
                own.commit();
            } catch (SQLException e) {
                DataAccessException problem = new DataAccessException("Database.asOperator",
                        "Writing the access log of a rolled-back operator transaction failed", e);
                if (failure == null) {
                    throw problem;
                }
                failure.addSuppressed(problem);
            }
        }
    }

    /**
     * Gives the connection back as it was taken, in auto-commit mode: a data source that does not
     * reset what it hands out (a pool of one, a plain wrapper) would otherwise run the next call
     * outside a transaction inside one nothing ever commits. A connection that cannot even do that is
     * closed next all the same; the transaction's outcome stands.
     */
    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            // closed right after; the commit or rollback has happened
        }
    }

    @Override
    public String toString() {
        return "Transaction[tenant=" + Objects.toString(tenant, "<none>") + "]";
    }
}
