package dev.tenantdao.runtime;

import dev.tenantdao.annotations.internal.Wire;
import dev.tenantdao.runtime.access.DatabaseAccess;
import dev.tenantdao.runtime.internal.DaoCall;
import dev.tenantdao.runtime.internal.Observation;
import dev.tenantdao.runtime.internal.TenantScope;
import dev.tenantdao.runtime.internal.TenantSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The handle generated DAOs are built from: the data source (or, for database-per-tenant entities,
 * the routing to each tenant's), the way to find the current tenant, and the transaction of the
 * current thread.
 *
 * <pre>{@code
 * Database database = new Database(dataSource);
 * InvoiceDao invoices = new InvoiceDao(database);
 * database.useTransaction(tx -> {
 *     invoices.insert(a);
 *     invoices.insert(b);   // same connection; both commit or neither does
 * });
 * }</pre>
 *
 * <p>Every connection the runtime hands out for a tenant's work runs in a transaction whose
 * {@value #TENANT_SETTING} setting holds that tenant ({@code set_config(..., true)}:
 * transaction-local, so a pooled connection keeps nothing), which row-level-security policies
 * check. Thread-safe; create one per data source and share it (it is what DI containers inject).
 *
 * <p>Not final, so that a container can proxy it (a CDI producer's {@code @ApplicationScoped
 * Database}): a proxy forwards every call, and generated code reaches the instance the proxy stands
 * for through {@link #self()}. It is not meant to be extended otherwise.
 */
public class Database {

    /** The transaction-local setting row-level-security policies compare the tenant column with. */
    public static final String TENANT_SETTING = Wire.TENANT_SETTING;

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    /** The operators' login ({@link Builder#operatorDataSource}), or null: no operator access. */
    private final DataSource operatorDataSource;
    /** Database per tenant: the operators' login to each tenant's database ({@link Builder#operatorRouting}), or null. */
    private final TenantRouting operatorRouting;
    private final TenantResolver tenantResolver;
    private final SchemaMapping schemaMapping;
    private final TenantRouting routing;
    private final ThreadLocal<Transaction> transaction = new ThreadLocal<>();
    private final ExternalTransactions externalTransactions;
    /** The Transaction standing for each open external transaction DAO calls joined (weak: it ends unseen). */
    private final java.util.Map<ExternalTransactions.ExternalTransaction, Transaction> joined =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** The schema of the shared tables, once known (empty: the data source has none); null before. */
    private volatile Optional<String> sharedSchema;
    /** Made by the no-argument constructor: a container's proxy, which must forward {@link #self()}. */
    private final boolean proxyOnly;
    /** The statement listeners, in the order registered; null when there are none (nothing is measured). */
    private final StatementListener[] listeners;

    static {
        // the operations only generated code uses reach it through DaoSupport, not through public methods
        DatabaseAccess.install(new DatabaseAccess() {
            @Override
            public void checkSupports(Database database, TenantScope scope) {
                real(database).checkSupports(scope);
            }

            @Override
            public String requireTenant(Database database, TenantScope scope) {
                return real(database).requireTenant(scope);
            }

            @Override
            public String requireVendor(Database database, TenantScope scope, String tenant) {
                return real(database).requireVendor(scope, tenant);
            }

            @Override
            public String schemaOf(Database database, String tenant) {
                return real(database).schemaOf(tenant);
            }

            @Override
            public DaoCall begin(Database database, TenantScope scope, String tenant, String operation, String sql,
                    boolean atomically) {
                return real(database).begin(scope, tenant, operation, sql, atomically);
            }

            @Override
            public DaoCall beginAcrossTenants(Database database, TenantScope scope, String operation, String sql) {
                return real(database).beginAcrossTenants(scope, operation, sql);
            }

            @Override
            public <T> java.util.stream.Stream<T> stream(Database database, TenantScope scope, String tenant,
                    String operation, String sql, dev.tenantdao.runtime.internal.RowStream.Query<T> query) {
                return real(database).stream(scope, tenant, operation, sql, query);
            }
        });
    }

    /**
     * For the proxies of dependency-injection containers only (CDI's client proxies of an
     * {@code @ApplicationScoped} producer, for one), which forward every call to the instance they
     * stand for: a database made by this constructor has no data source, and generated code given
     * one that does not forward {@link #self()} fails with an {@code IllegalStateException} saying so.
     */
    protected Database() {
        this.dataSource = null;
        this.operatorDataSource = null;
        this.operatorRouting = null;
        this.tenantResolver = null;
        this.schemaMapping = null;
        this.routing = null;
        this.externalTransactions = null;
        this.proxyOnly = true;
        this.listeners = null;
    }

    /** A database whose tenant comes only from {@link TenantContext} blocks. */
    public Database(DataSource dataSource) {
        this(builder(dataSource));
    }

    /**
     * A database whose tenant comes from {@link TenantContext} blocks or, outside them, from
     * {@code tenantResolver}.
     */
    public Database(DataSource dataSource, TenantResolver tenantResolver) {
        this(builder(dataSource).tenantResolver(tenantResolver));
    }

    private Database(Builder builder) {
        this.dataSource = builder.dataSource;
        this.operatorDataSource = builder.operatorDataSource;
        this.operatorRouting = builder.operatorRouting;
        this.tenantResolver = builder.tenantResolver;
        this.schemaMapping = builder.schemaMapping;
        this.routing = builder.routing;
        this.externalTransactions = builder.externalTransactions;
        this.sharedSchema = builder.sharedSchema == null ? null : Optional.of(builder.sharedSchema);
        this.proxyOnly = false;
        this.listeners = builder.listeners.isEmpty() ? null : builder.listeners.toArray(new StatementListener[0]);
    }

    /**
     * This database. A container's proxy forwards this call like every other, so generated code, which
     * asks for it before each operation, works with the instance the proxy stands for.
     */
    protected Database self() {
        return this;
    }

    /** The database {@code database} is or, a container's proxy, stands for. */
    private static Database real(Database database) {
        Database real = database.self();
        if (real == null || real.proxyOnly) {
            throw new IllegalStateException("This Database was made by its no-argument constructor, which is for the"
                    + " proxies of dependency-injection containers only, and it does not forward self() to a Database"
                    + " made with a DataSource: build one with new Database(dataSource) or Database.builder(dataSource)");
        }
        return real;
    }

    /**
     * A builder for a database on {@code dataSource}: the data source of shared and row-tenanted
     * tables, and of schema-per-tenant schemas.
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The current tenant: the innermost {@link TenantContext} block's, else the resolver's, else
     * empty. A resolver that returns null instead of an empty {@code Optional} means no tenant too.
     * Every other method of the runtime asks this one.
     */
    public Optional<String> currentTenant() {
        Optional<String> explicit = TenantContext.current();
        if (explicit.isPresent()) {
            return explicit;
        }
        Optional<String> resolved = tenantResolver.currentTenant();
        return resolved == null ? Optional.empty() : resolved;
    }

    /** The data source of the shared and row-tenanted tables (and of each tenant's schema). */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Schema per tenant: the name of {@code tenant}'s schema, as the {@link SchemaMapping} maps it
     * and checked as every DAO call checks it (see {@link Builder#schemaMapping}).
     *
     * @throws InvalidTenantException when it is not a tenant's own schema
     */
    public String tenantSchema(String tenant) {
        String quoted = schemaOf(TenantIds.check(tenant));
        return quoted.substring(1, quoted.length() - 1);
    }

    /** The schema of the shared and row-tenanted tables: the builder's, else the data source's current schema. */
    public String sharedSchemaName() {
        return sharedSchema().orElseThrow(() -> new TenantDaoException(
                "The Database's data source has no current schema (its search_path names no existing schema)"));
    }

    /**
     * Database per tenant: the data source of {@code tenant}'s database, from the {@link TenantRouting}.
     *
     * @throws TenantDaoException when the Database was built without a routing
     * @throws UnknownTenantException when the routing knows no such tenant
     */
    public DataSource tenantDataSource(String tenant) {
        if (routing == null) {
            throw new TenantDaoException("This Database has no TenantRouting: build it with"
                    + " Database.builder(dataSource).routing(...) for database-per-tenant entities");
        }
        return routing.dataSourceFor(TenantIds.check(tenant));
    }

    /**
     * The current tenant, for an operation on a tenanted entity.
     *
     * @throws NoTenantException when there is none; nothing has been sent to the database
     * @throws InvalidTenantException when the resolver supplied an id no tenant can have
     */
    String requireTenant(TenantScope scope) {
        Optional<String> tenant = currentTenant();
        if (tenant.isEmpty()) {
            throw new NoTenantException(scope.entity());
        }
        return TenantIds.check(tenant.get());
    }

    /**
     * The current vendor, for an operation on a vendor-scoped entity of {@code tenant} (the current
     * tenant): the innermost {@link TenantContext} block's vendor, or null when that block is an
     * explicit tenant-wide one; outside any block, the resolver's vendor
     * ({@link TenantResolver#currentVendor()}).
     *
     * @throws NoVendorException when there is neither a vendor nor a tenant-wide block; nothing has
     *     been sent to the database
     * @throws InvalidTenantException when the resolver supplied an id no vendor can have
     */
    String requireVendor(TenantScope scope, String tenant) {
        Transaction.VendorScope now = vendorScopeNow();
        if (now.vendor() == null && !now.tenantWide()) {
            throw NoVendorException.noVendor(scope.entity(), tenant);
        }
        return now.vendor();
    }

    /**
     * The vendor scope of the work in progress, whatever the entity: {@code vendor 'north'} (a
     * vendor's block, or the resolver's vendor outside blocks), {@code tenant-wide} (an explicit
     * block) or {@code no vendor}; what a transaction is bound to with its tenant.
     */
    Transaction.VendorScope vendorScopeNow() {
        if (TenantContext.inBlock()) {
            if (TenantContext.isTenantWide()) {
                return Transaction.VendorScope.TENANT_WIDE;
            }
            return TenantContext.currentVendor().map(Transaction.VendorScope::of).orElse(Transaction.VendorScope.NONE);
        }
        Optional<String> resolved = tenantResolver.currentVendor();
        return resolved == null || resolved.isEmpty() ? Transaction.VendorScope.NONE
                : Transaction.VendorScope.of(TenantIds.check(resolved.get()));
    }

    /**
     * Starts observing a statement for the listeners, with the vendor scope of a vendor-scoped
     * entity's (looked up only when somebody listens: not on the path of every statement).
     */
    private Observation observe(TenantScope scope, String tenant, String operation, String sql) {
        if (listeners == null || !scope.vendorScoped()) {
            return Observation.start(listeners, scope, tenant, operation, sql);
        }
        Transaction.VendorScope vendors = vendorScopeNow();
        return Observation.start(listeners, scope, tenant, vendors.vendor(), vendors.tenantWide(), operation, sql);
    }

    /**
     * Schema per tenant: the quoted name of {@code tenant}'s schema, for statements that name it.
     * The mapped name must be a tenant's own schema: not a PostgreSQL system schema
     * ({@code pg_*}, {@code information_schema}), not {@code public}, and not the schema of this
     * database's shared and row-tenanted tables (see {@link Builder#sharedSchema}), where the
     * tenant's tables and rows would mix with everybody's.
     *
     * <p>The shared schema is looked up once per database ({@code SELECT current_schema()}) when
     * the first schema-per-tenant DAO is built (see {@link #checkSupports}); should that fail, by
     * the first call that gets past the name checks, on the thread's transaction's connection when
     * one is open (so a pool of one never waits for itself), else on a connection taken and given
     * back before any of the tenant's work.
     *
     * @throws InvalidTenantException when the mapped name is not a plain SQL identifier or not a
     *     tenant's schema; nothing has been sent for the tenant
     */
    String schemaOf(String tenant) {
        String schema = schemaMapping.schemaFor(tenant);
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw notATenantsSchema(tenant, schema, "is not a lower-case SQL identifier of at most 63 characters");
        }
        if (schema.startsWith("pg_") || schema.equals("information_schema")) {
            throw notATenantsSchema(tenant, schema, "is a PostgreSQL system schema, not a tenant's");
        }
        if (schema.equals("public")) {
            throw notATenantsSchema(tenant, schema, "is the public schema, not a tenant's");
        }
        if (sharedSchema().filter(schema::equals).isPresent()) {
            throw notATenantsSchema(tenant, schema, "holds this Database's shared tables, not a tenant's");
        }
        return '"' + schema + '"';
    }

    private static InvalidTenantException notATenantsSchema(String tenant, String schema, String problem) {
        return new InvalidTenantException(tenant, schema, "Tenant id " + TenantIds.printable(tenant)
                + " maps to schema name " + (schema == null ? "null" : TenantIds.printable(schema)) + ", which "
                + problem, null);
    }

    /**
     * The schema of the shared and row-tenanted tables: the builder's, else the current schema of
     * the data source, looked up on first use and kept (a race looks it up twice, harmlessly).
     */
    private Optional<String> sharedSchema() {
        Optional<String> known = sharedSchema;
        if (known == null) {
            Transaction open = transaction.get();
            try {
                if (open != null && open.usesMainDataSource()) {
                    // the thread's transaction's connection (a pool of one never waits for itself); not kept:
                    // the transaction may have changed its search path, a fresh connection has not
                    return currentSchema(open.connection());
                }
                try (Connection connection = dataSource.getConnection()) {
                    known = currentSchema(connection);
                }
            } catch (SQLException e) {
                throw new DataAccessException("Database.schemaOf",
                        "Looking up the shared schema (current_schema()) of the Database's data source failed", e);
            }
            sharedSchema = known;
        }
        return known;
    }

    private static Optional<String> currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            return Optional.ofNullable(rows.next() ? rows.getString(1) : null);
        }
    }

    /**
     * Begins a call of a generated DAO method that works on an entity of {@code scope} for
     * {@code tenant}: its connection is the current transaction's, or one taken for this call and
     * closed when it ends, in auto-commit mode. Under row-level security each statement sets the
     * tenant itself, in the same round trip ({@code SELECT set_config('tenantdao.tenant', ?, true);
     * <statement>}: the setting lasts for the statement's implicit transaction), as the generated
     * DAOs' statements do; a transaction handed out by {@link #inTransaction} sets it once for SQL of
     * your own.
     *
     * <p>{@code atomically}: the call's statements (and DAO calls it makes) take effect together or not
     * at all: outside a transaction, in one of their own, which the call's end commits (or rolls back
     * after a failure). For multi-statement work such as a batch, or a statement with hooks around it.
     *
     * <p>The statement listeners are told of statement {@code sql} (null: the call sends none of its
     * own) when the call ends, timed from when it got its connection.
     *
     * @param tenant the current tenant, or null for a shared entity
     * @param operation names the call in error messages and statement events, e.g. {@code "Invoice.insert"}
     * @throws DataAccessException when no connection can be had
     * @throws TenantMismatchException when a transaction is open for another tenant
     */
    DaoCall begin(TenantScope scope, String tenant, String operation, String sql, boolean atomically) {
        Transaction current = current(scope);
        if (current != null && current.isOperator()) {
            return operatorCall(current, scope, tenant, operation, sql, atomically);
        }
        if (current != null) {
            Connection connection;
            try {
                connection = current.connectionFor(scope, tenant);
            } catch (SQLException e) {
                throw new DataAccessException(operation, operation + " failed", e);
            }
            return new JoinedCall(operation, connection, observe(scope, tenant, operation, sql));
        }
        if (atomically) {
            return inOwnTransaction(scope, tenant, operation, sql);
        }
        Connection connection;
        try {
            connection = dataSourceFor(scope, tenant).getConnection();
        } catch (SQLException e) {
            throw new DataAccessException(operation, operation + " failed", e);
        }
        try {
            return new OwnConnectionCall(operation, connection, observe(scope, tenant, operation, sql));
        } catch (RuntimeException | Error e) {
            close(connection, operation, e);
            throw e;
        }
    }

    /**
     * Begins a call that reads {@code scope}'s rows of every tenant (statement {@code sql}, without a
     * tenant predicate): only in an operator's transaction ({@link #asOperator}), logged like its other calls.
     *
     * @throws OperatorAccessException outside {@code asOperator}; nothing has been sent
     */
    DaoCall beginAcrossTenants(TenantScope scope, String operation, String sql) {
        Transaction current = transaction.get();
        if (current == null || !current.isOperator()) {
            throw new OperatorAccessException(operation + " reads every tenant's rows: call it inside Database.asOperator,"
                    + " on the operators' login; nothing was sent");
        }
        return operatorCall(current, scope, null, operation, sql, false);
    }

    /**
     * A DAO call in an operator's transaction: refused before any SQL when it writes (statement
     * {@code sql} changes rows, {@link Wire#writes}, or the call is atomic: batches and hooked writes)
     * and the block was not opened for writes; logged when it ends.
     */
    private DaoCall operatorCall(Transaction operator, TenantScope scope, String tenant, String operation, String sql,
            boolean atomically) {
        boolean writes = atomically || sql != null && Wire.writes(sql);
        Connection connection = operatorConnection(operator, scope, tenant, operation, writes);
        return new OperatorCall(operation, connection, observe(scope, tenant, operation, sql), operator, scope, tenant,
                writes);
    }

    /**
     * The operator block's connection for a call: refused before any SQL when the call writes and the block
     * was not opened for writes, or when operators cannot reach the entity's strategy; such a refusal is not
     * a failed call (nothing is logged, the block goes on).
     */
    private static Connection operatorConnection(Transaction operator, TenantScope scope, String tenant, String operation,
            boolean writes) {
        if (writes && !operator.operatorAccess().writes()) {
            throw new OperatorAccessException(operation + " writes, and this operator block is read-only: open it with"
                    + " OperatorAccess.allowingWrites(); nothing was sent");
        }
        try {
            return operator.connectionFor(scope, tenant);
        } catch (SQLException e) {
            throw new DataAccessException(operation, operation + " failed", e);
        }
    }

    /**
     * A stream in an operator's transaction: refused before any SQL like {@link #operatorCall}; read on the
     * block's connection, counting the rows it returns, and written into the access log when it is released
     * (closed, read to the end, failed, or closed by the block's end, whichever comes first) with the rows
     * it returned by then.
     */
    private <T> java.util.stream.Stream<T> operatorStream(Transaction operator, TenantScope scope, String tenant,
            String operation, String sql, dev.tenantdao.runtime.internal.RowStream.Query<T> query) {
        boolean writes = sql != null && Wire.writes(sql);
        Connection connection = operatorConnection(operator, scope, tenant, operation, writes);
        Observation observed = observe(scope, tenant, operation, sql);
        try {
            java.util.stream.Stream<T> stream = dev.tenantdao.runtime.internal.RowStream.open(connection, operation, query,
                    observed, (read, failure) -> logOperatorCall(operator, scope, operation, tenant, null, read, writes, failure));
            operator.streamOpened(stream);
            return stream;
        } catch (SQLException e) {
            DataAccessException failure = new DataAccessException(operation, operation + " failed", e);
            observed.failed(e);
            logOperatorCall(operator, scope, operation, tenant, null, -1, writes, failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            observed.failed(e);
            logOperatorCall(operator, scope, operation, tenant, null, -1, writes, e);
            throw e;
        }
    }

    /** A call in an operator's transaction: joined, and written into the access log when it ends. */
    private static final class OperatorCall extends DaoCall {
        private final Transaction operator;
        private final TenantScope scope;
        private final String tenant;
        private final boolean writes;

        OperatorCall(String operation, Connection connection, Observation observed, Transaction operator, TenantScope scope,
                String tenant, boolean writes) {
            super(operation, connection, observed);
            this.operator = operator;
            this.scope = scope;
            this.tenant = tenant;
            this.writes = writes;
        }

        @Override
        protected void release(String operation, Throwable failure) {
            logOperatorCall(operator, scope, operation, tenant, reportedTenants(), reportedRows(), writes, failure);
        }
    }

    /**
     * Writes the access-log row of an operator's call that ended (with {@code failure}, or null): when
     * writing it fails, that is thrown, or added to the call's own failure as suppressed.
     */
    private static void logOperatorCall(Transaction operator, TenantScope scope, String operation, String tenant,
            String[] tenants, long rows, boolean writes, Throwable failure) {
        try {
            operator.logOperatorCall(scope, operation, tenant, tenants, rows, writes, failure);
        } catch (SQLException e) {
            DataAccessException problem = new DataAccessException(operation, operation
                    + ": writing the operator access log failed", e);
            if (failure == null) {
                throw problem;
            }
            failure.addSuppressed(problem);
        }
    }

    /** A call in a transaction of its own, registered so that DAO calls made inside it join. */
    private DaoCall inOwnTransaction(TenantScope scope, String tenant, String operation, String sql) {
        Transaction started = new Transaction(this, null, false);
        transaction.set(started);
        try {
            Connection connection = started.connectionFor(scope, tenant);
            return new OwnTransactionCall(operation, connection, observe(scope, tenant, operation, sql), started);
        } catch (SQLException e) {
            DataAccessException failure = new DataAccessException(operation, operation + " failed", e);
            started.end(failure);
            transaction.remove();
            throw failure;
        } catch (RuntimeException | Error e) {
            started.end(e);
            transaction.remove();
            throw e;
        }
    }

    /** A call that joined the thread's transaction: the transaction gives back its connection. */
    private static final class JoinedCall extends DaoCall {
        JoinedCall(String operation, Connection connection, Observation observed) {
            super(operation, connection, observed);
        }

        @Override
        protected void release(String operation, Throwable failure) {}
    }

    /** A call on a connection of its own, in auto-commit mode, closed when the call ends. */
    private static final class OwnConnectionCall extends DaoCall {
        OwnConnectionCall(String operation, Connection connection, Observation observed) {
            super(operation, connection, observed);
        }

        @Override
        protected void release(String operation, Throwable failure) {
            close(connection(), operation, failure);
        }
    }

    /** A call in a transaction of its own, ended (committed unless the call failed) when the call ends. */
    private final class OwnTransactionCall extends DaoCall {
        private final Transaction started;

        OwnTransactionCall(String operation, Connection connection, Observation observed, Transaction started) {
            super(operation, connection, observed);
            this.started = started;
        }

        @Override
        protected void release(String operation, Throwable failure) {
            try {
                started.end(failure);
            } finally {
                transaction.remove();
            }
        }
    }

    /**
     * Closes a call's own {@code connection}; should that fail, the problem is added to the call's
     * {@code failure}, or thrown when the call did not fail.
     */
    private static void close(Connection connection, String operation, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            DataAccessException problem = new DataAccessException(operation, operation + " failed", e);
            if (failure == null) {
                throw problem;
            }
            failure.addSuppressed(problem);
        }
    }

    /** The transaction work on {@code scope} joins: the thread's own, else the application's, else null. */
    private Transaction current(TenantScope scope) {
        Transaction own = transaction.get();
        return own != null ? own : joined(scope);
    }

    /**
     * The Transaction standing for the application's transaction open on this thread, which work on
     * {@code scope} joins (null: any entity on the main data source), or null when there is none or
     * the entity's rows are in a tenant's own database.
     */
    private Transaction joined(TenantScope scope) {
        if (scope != null && scope.strategy() == TenantScope.Strategy.DATABASE) {
            return null;
        }
        Optional<ExternalTransactions.ExternalTransaction> external = externalTransactions.current();
        if (external.isEmpty()) {
            return null;
        }
        ExternalTransactions.ExternalTransaction open = external.get();
        return joined.computeIfAbsent(open, tx -> Transaction.joining(this, tx.connection(), tx.tenant().orElse(null)));
    }

    /**
     * The rows of {@code query} as a lazy stream read through a server-side cursor: in the open
     * transaction (the stream must then be consumed before it ends), or in a transaction of its own
     * that stays open until the stream is closed. The cursor needs a transaction: PostgreSQL sends
     * rows in batches of the fetch size only outside autocommit. Closing the stream closes the rows
     * and the statement, and ends a transaction of its own (committing: a read changes nothing).
     */
    <T> java.util.stream.Stream<T> stream(TenantScope scope, String tenant, String operation, String sql,
            dev.tenantdao.runtime.internal.RowStream.Query<T> query) {
        Transaction current = current(scope);
        if (current != null && current.isOperator()) {
            return operatorStream(current, scope, tenant, operation, sql, query);
        }
        Transaction own = current == null ? new Transaction(this, null, false) : null;
        Transaction used = current != null ? current : own;
        Observation observed = Observation.NONE;
        try {
            java.sql.Connection connection = used.connectionFor(scope, tenant);
            observed = observe(scope, tenant, operation, sql);
            return dev.tenantdao.runtime.internal.RowStream.open(connection, operation, query, observed,
                    own == null ? () -> { } : () -> own.end(null));
        } catch (SQLException e) {
            DataAccessException failure = new DataAccessException(operation, operation + " failed", e);
            observed.failed(e);
            if (own != null) {
                own.end(failure);
            }
            throw failure;
        } catch (RuntimeException | Error e) {
            observed.failed(e);
            if (own != null) {
                own.end(e);
            }
            throw e;
        }
    }

    /**
     * Checks that this database can serve entities of {@code scope}: database-per-tenant entities
     * need a {@link TenantRouting}. Called by generated constructors so a misconfigured Database
     * fails at application startup rather than at an entity's first call; asks the routing nothing.
     * For a schema-per-tenant entity it also looks up the shared schema (see {@link #schemaOf}),
     * once per database, so that no DAO call has to; should the database not answer yet, the
     * lookup is left to the first call.
     *
     * @throws TenantDaoException naming the entity and what is missing
     */
    void checkSupports(TenantScope scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.strategy() == TenantScope.Strategy.DATABASE && routing == null) {
            throw new TenantDaoException(scope.entity() + " is database-per-tenant, but this Database has no"
                    + " TenantRouting: build it with Database.builder(dataSource).routing(...)");
        }
        if (scope.strategy() == TenantScope.Strategy.SCHEMA && sharedSchema == null) {
            try {
                sharedSchema();
            } catch (DataAccessException e) {
                // not reachable at startup: the first schema-per-tenant call looks it up
            }
        }
    }

    /** Executes {@code statements} for {@code tenant} in a transaction of their own. */
    private void executeInOwnTransaction(TenantScope scope, String tenant, String operation, String... statements) {
        DaoCall call = inOwnTransaction(scope, tenant, operation, null);
        try (Statement statement = call.connection().createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (Throwable failure) {
            throw call.failed(failure);
        } finally {
            call.end();
        }
    }

    /**
     * Database per tenant, in an operator's transaction: the operators' login to {@code tenant}'s database.
     *
     * @throws OperatorAccessException when this database has no operator routing; nothing has been sent
     */
    DataSource operatorDataSourceFor(TenantScope scope, String tenant) {
        if (operatorRouting == null) {
            throw new OperatorAccessException(scope.entity() + " is database-per-tenant: an operator reaches each tenant's"
                    + " database through a login of its own there; build the Database with"
                    + " Database.builder(dataSource).operatorRouting(...); nothing was sent");
        }
        return operatorRouting.dataSourceFor(tenant);
    }

    /** The data source for {@code tenant}'s work on {@code scope}: routed for database per tenant. */
    DataSource dataSourceFor(TenantScope scope, String tenant) {
        if (scope.strategy() != TenantScope.Strategy.DATABASE) {
            return dataSource;
        }
        checkSupports(scope);
        return routing.dataSourceFor(tenant);
    }

    /**
     * Creates what a new tenant needs for {@code entities}, in the given order (referenced tables
     * first): the tenant's schema and its tables for schema-per-tenant entities, the tables in the
     * tenant's database for database-per-tenant ones. Idempotent; one transaction per database.
     */
    public void createTenant(String tenant, Class<?>... entities) {
        TenantIds.check(tenant);
        for (Class<?> entity : entities) {
            String ddl = Schema.ddl(entity);
            String operation = "Creating tenant " + TenantIds.printable(tenant) + " for " + entity.getSimpleName();
            switch (Schema.strategy(entity)) {
                case SCHEMA -> {
                    String schema = schemaOf(tenant);
                    executeInOwnTransaction(TenantScope.schema(entity.getSimpleName()), null, operation,
                            "CREATE SCHEMA IF NOT EXISTS " + schema, TenantSql.inSchema(ddl, schema));
                }
                case DATABASE -> executeInOwnTransaction(TenantScope.database(entity.getSimpleName()), tenant,
                        operation, ddl);
                default -> throw new TenantDaoException(entity.getName() + " is not a schema- or database-per-tenant"
                        + " entity; create its table once with Schema.create");
            }
        }
    }

    /**
     * Runs {@code work} in a transaction and returns its result. Commits when {@code work}
     * returns, rolls back when it throws (the exception reaches the caller unchanged) or called
     * {@link Transaction#setRollbackOnly()}. A nested call joins the open transaction.
     */
    public <T, X extends Exception> T inTransaction(TransactionCallback<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        String tenant = currentTenant().map(TenantIds::check).orElse(null);
        Transaction open = transaction.get();
        boolean external = false;
        if (open == null) {
            open = joined(null);
            external = open != null;
        }
        if (open != null) {
            open.bindTenant(tenant, null);
            if (external) {
                // for the block, the application's transaction is the thread's: a database-per-tenant call in
                // it is refused ("works on one database") rather than committed on a connection of its own
                transaction.set(open);
            }
            try {
                return work.inTransaction(open);
            } catch (Throwable failure) {
                if (!open.isExternal()) {
                    open.setRollbackOnly();     // the application's own transaction ends where it began
                }
                throw failure;
            } finally {
                if (external) {
                    transaction.remove();
                }
            }
        }
        Transaction started = new Transaction(this, tenant, true);
        transaction.set(started);
        try {
            T result = work.inTransaction(started);
            started.end(null);
            return result;
        } catch (Throwable failure) {
            started.end(failure);
            throw failure;
        } finally {
            transaction.remove();
        }
    }

    /**
     * Runs {@code work} as an operator, across tenants, audited: in one transaction of its own on the
     * operator's data source ({@link Builder#operatorDataSource}), whose role the generated policies let
     * read every tenant's rows ({@code -Atenantdao.operatorRole}); the application's data source never
     * can. Inside, DAO and repository calls run for the tenant of a {@link TenantContext} block as
     * usual, and each writes one row into the access log ({@value Wire#OPERATOR_ACCESS_TABLE}) in the
     * same transaction: the actor, the reason, the operation, the tenant whose rows it returned or
     * changed, how many, whether it writes. Read-only unless {@code access} {@link OperatorAccess#allowingWrites()
     * allows writes}: a write is refused before any SQL, and the database refuses one sent by hand.
     * {@code transaction.connection()} is the operator's connection, for SQL of your own (not logged).
     * The history rows of its writes to audited entities name {@code access.actor()} ({@link AuditContext}).
     *
     * <p>Commits when {@code work} returns. When it throws, a call in it failed, or the commit fails,
     * the transaction rolls back and the log rows of its calls are written again, marked rolled back,
     * in a transaction of their own: what was read stays logged. A failed call fails the block: it
     * throws {@link OperatorAccessException} even if {@code work} caught the call's exception.
     *
     * @throws OperatorAccessException when this database has no operator data source, a transaction
     *     is open on this thread, or a call in the block failed; nothing is sent in the first two cases
     */
    public <T, X extends Exception> T asOperator(OperatorAccess access, TransactionCallback<T, X> work) throws X {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(work, "work");
        if (operatorDataSource == null) {
            throw new OperatorAccessException("This Database has no operator DataSource: build it with"
                    + " Database.builder(dataSource).operatorDataSource(operatorLogin), a login granted the operator"
                    + " role, not the application's; nothing was sent");
        }
        if (transaction.get() != null || joined(null) != null) {
            throw new OperatorAccessException("Database.asOperator runs in a transaction of its own on the operator's"
                    + " DataSource, and a transaction is open on this thread: call it outside; nothing was sent");
        }
        Transaction started = new Transaction(this, access, operatorDataSource);
        transaction.set(started);
        boolean ended = false;
        try {
            // the history rows of its writes name the operator
            T result = AuditContext.callAsOperator(access.actor(), () -> work.inTransaction(started));
            // streams still open end with the block: logged with the rows they returned
            started.closeOperatorStreams();
            if (started.operatorCallFailed()) {
                OperatorAccessException failed = new OperatorAccessException("A call in the operator block of "
                        + access.actor() + " failed, so its transaction rolled back (its access log rows are kept)");
                ended = true;
                started.end(failed);
                throw failed;
            }
            ended = true;
            started.end(null);
            return result;
        } catch (Throwable failure) {
            if (!ended) {
                try {
                    started.closeOperatorStreams();
                } catch (RuntimeException | Error suppressed) {
                    failure.addSuppressed(suppressed);
                }
                started.end(failure);
            }
            throw failure;
        } finally {
            transaction.remove();
        }
    }

    /** {@link #inTransaction} for work without a result. */
    public <X extends Exception> void useTransaction(TransactionConsumer<X> work) throws X {
        Objects.requireNonNull(work, "work");
        inTransaction(tx -> {
            work.useTransaction(tx);
            return null;
        });
    }

    /** The transaction open on this thread, if any. */
    public Optional<Transaction> currentTransaction() {
        return Optional.ofNullable(transaction.get());
    }

    /** Configures a {@link Database}. */
    public static final class Builder {
        private final DataSource dataSource;
        private DataSource operatorDataSource;
        private TenantRouting operatorRouting;
        private TenantResolver tenantResolver = TenantResolver.none();
        private SchemaMapping schemaMapping = SchemaMapping.standard();
        private TenantRouting routing;
        private ExternalTransactions externalTransactions = ExternalTransactions.none();
        private String sharedSchema;
        private final java.util.List<StatementListener> listeners = new java.util.ArrayList<>();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Where the tenant comes from outside {@link TenantContext} blocks. Default: nowhere. */
        public Builder tenantResolver(TenantResolver resolver) {
            this.tenantResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Schema per tenant: each tenant's schema. Default: {@code tenant_<id>}. */
        public Builder schemaMapping(SchemaMapping mapping) {
            this.schemaMapping = Objects.requireNonNull(mapping, "mapping");
            return this;
        }

        /**
         * Schema per tenant: the schema of the shared and row-tenanted tables, which no tenant's
         * schema may be ({@link Database#schemaOf} rejects a mapping to it). Default: the current
         * schema of the data source ({@code SELECT current_schema()}, where unqualified tables such
         * as those {@link Schema#create} makes go), looked up once on a fresh connection when the
         * first schema-per-tenant DAO is built (or, if the database did not answer then, by the first
         * schema-per-tenant call). Set it when the data source cannot tell (a search path set per
         * connection) or to spare that connection.
         */
        public Builder sharedSchema(String schema) {
            this.sharedSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * The application's own transactions, which DAO calls join while one is open on the calling
         * thread (see {@link ExternalTransactions}). Default: none.
         */
        public Builder externalTransactions(ExternalTransactions transactions) {
            this.externalTransactions = Objects.requireNonNull(transactions, "transactions");
            return this;
        }

        /**
         * Adds {@code listener}, told of every statement generated DAOs and repositories send through
         * the database (see {@link StatementListener}); several are called in the order added. With
         * none, statements are not timed and no event is made. {@link StatementLog} logs them.
         */
        public Builder statementListener(StatementListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The operators' own login, a member of the operator role the DDL names
         * ({@code -Atenantdao.operatorRole}), for {@link Database#asOperator}: never the application's
         * data source. Without it, {@code asOperator} is refused.
         */
        public Builder operatorDataSource(DataSource operatorDataSource) {
            this.operatorDataSource = Objects.requireNonNull(operatorDataSource, "operatorDataSource");
            return this;
        }

        /**
         * Database per tenant, for {@link Database#asOperator}: the operators' login to each tenant's
         * database (a member of the operator role there), never the application's data sources. Without
         * it, an operator block's call on a database-per-tenant entity is refused before any SQL.
         */
        public Builder operatorRouting(TenantRouting operatorRouting) {
            this.operatorRouting = Objects.requireNonNull(operatorRouting, "operatorRouting");
            return this;
        }

        /** Database per tenant: each tenant's data source. */
        public Builder routing(TenantRouting routing) {
            this.routing = Objects.requireNonNull(routing, "routing");
            return this;
        }

        /** @throws IllegalArgumentException when the operator data source is the application's own */
        public Database build() {
            if (operatorRouting != null && operatorRouting == routing) {
                throw new IllegalArgumentException("The operator TenantRouting is the application's: give operators a"
                        + " login of their own to each tenant's database, a member of the operator role there");
            }
            if (operatorDataSource != null && operatorDataSource.equals(dataSource)) {
                throw new IllegalArgumentException("The operator DataSource is the application's: give operators a login"
                        + " of their own, a member of the operator role the application's role is not");
            }
            return new Database(this);
        }
    }

    /**
     * Checks, at application start, that the shared schema (see {@link Builder#sharedSchema}) holds
     * the shared and row-tenanted tables the entities were compiled for, as the processor described
     * them in {@value Wire#SCHEMA_RESOURCE}: every table (history tables too) with every column of
     * the same type and nullability, the same primary key, no extra {@code NOT NULL} column without
     * a default, append-only triggers on history tables; and for tables with row-level security:
     * enabled and forced, the policy {@code <table>_tenant_isolation} with the generated USING and
     * WITH CHECK expressions and no other permissive policy, and a connecting role that is no
     * superuser, has no {@code BYPASSRLS} and owns none of those tables. Reads only the catalog, on
     * a connection of its own from the data source, before any tenant data is touched; call it
     * once at startup, after migrations ran.
     *
     * @throws SchemaMismatchException naming every mismatch (table, column, expected and found)
     * @throws TenantDaoException when no schema model is on the class path (entities not compiled
     *     with this tenantdao) or the data source has no current schema
     * @throws DataAccessException when the catalog cannot be read
     */
    public void verify() {
        dev.tenantdao.annotations.internal.schema.SchemaModel model = SchemaVerifier.load().stream("shared");
        String schema = sharedSchema().orElseThrow(() -> new TenantDaoException(
                "Database.verify: the data source has no current schema (current_schema() is null); set one with"
                        + " Database.builder(dataSource).sharedSchema(...)"));
        verify(dataSource, model, schema, "shared schema " + schema);
    }

    /**
     * Checks, at application start or before a tenant's first use, the tables of {@code tenant}
     * like {@link #verify()} checks the shared ones: schema-per-tenant tables in the tenant's
     * schema ({@link SchemaMapping}), database-per-tenant tables in the current schema of the
     * tenant's database ({@link TenantRouting}). Does nothing when the entities have neither.
     *
     * @throws SchemaMismatchException naming every mismatch (table, column, expected and found)
     * @throws InvalidTenantException when {@code tenant} is no valid id or maps to no tenant's schema
     * @throws TenantDaoException when no schema model is on the class path, or database-per-tenant
     *     tables exist but this Database has no routing
     * @throws DataAccessException when the catalog cannot be read
     */
    public void verifyTenant(String tenant) {
        TenantIds.check(tenant);
        dev.tenantdao.annotations.internal.schema.SchemaModel all = SchemaVerifier.load();
        dev.tenantdao.annotations.internal.schema.SchemaModel schemaTables = all.stream("schema");
        if (!schemaTables.tables().isEmpty()) {
            String quoted = schemaOf(tenant);
            String schema = quoted.substring(1, quoted.length() - 1);
            verify(dataSource, schemaTables, schema, "schema " + schema + " of tenant " + TenantIds.printable(tenant));
        }
        dev.tenantdao.annotations.internal.schema.SchemaModel databaseTables = all.stream("database");
        if (!databaseTables.tables().isEmpty()) {
            if (routing == null) {
                throw new TenantDaoException("Database.verifyTenant: the entities have database-per-tenant tables, but"
                        + " this Database has no TenantRouting: build it with Database.builder(dataSource).routing(...)");
            }
            verify(routing.dataSourceFor(tenant), databaseTables, null,
                    "database of tenant " + TenantIds.printable(tenant));
        }
    }

    /** Compares {@code model} with {@code schema} (null: the connection's current schema). */
    private static void verify(DataSource source, dev.tenantdao.annotations.internal.schema.SchemaModel model, String schema, String where) {
        java.util.List<String> mismatches;
        String in = where;
        try (Connection connection = source.getConnection()) {
            String name = schema;
            if (name == null) {
                name = currentSchema(connection).orElseThrow(() -> new TenantDaoException(
                        "Database.verifyTenant: the " + where + " has no current schema (current_schema() is null)"));
                in = where + ", schema " + name;
            }
            mismatches = java.util.List.copyOf(new java.util.LinkedHashSet<>(SchemaVerifier.compare(connection, model, name)));
        } catch (SQLException e) {
            throw new DataAccessException("Database.verify", "Reading the catalog of the " + where + " failed", e);
        }
        if (!mismatches.isEmpty()) {
            throw new SchemaMismatchException(in, mismatches);
        }
    }
}
