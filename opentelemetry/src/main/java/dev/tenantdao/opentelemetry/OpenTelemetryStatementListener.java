package dev.tenantdao.opentelemetry;

import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One OpenTelemetry span per statement generated DAOs and repositories send, with the stable
 * database semantic conventions:
 *
 * <table>
 *   <caption>Attributes</caption>
 *   <tr><td>{@code db.system.name}</td><td>{@code postgresql}</td></tr>
 *   <tr><td>{@code db.operation.name}</td><td>the SQL command of the statement tenantdao generated
 *       ({@code SELECT}, {@code INSERT}, {@code UPDATE}, {@code DELETE}, ...), the tenant setting
 *       tenantdao sends with it left out; for an audited write, which changes its table in a
 *       {@code WITH}, the command that changes it</td></tr>
 *   <tr><td>{@code db.collection.name}</td><td>the entity's table, from the schema model the processor
 *       wrote ({@code META-INF/tenantdao/schema.json}); the root table of a class hierarchy; unqualified
 *       (a schema-per-tenant table lives in the tenant's schema); absent when no model on the class path
 *       names the entity, or two entities of that simple name exist</td></tr>
 *   <tr><td>{@code db.query.text}</td><td>the statement as sent, with {@code ?} for every value: bind
 *       values are never recorded</td></tr>
 *   <tr><td>{@code db.response.status_code}</td><td>the SQL state, on failure</td></tr>
 *   <tr><td>{@code error.type}</td><td>the SQL state on failure, {@code _OTHER} when the failure has
 *       none</td></tr>
 *   <tr><td>{@code tenantdao.tenant}</td><td>the tenant (absent for a shared entity)</td></tr>
 *   <tr><td>{@code tenantdao.vendor}</td><td>the vendor, for a vendor-scoped entity called inside
 *       {@code TenantContext.runAsVendor} (else absent)</td></tr>
 *   <tr><td>{@code tenantdao.tenant_wide}</td><td>{@code true} for a vendor-scoped entity called
 *       across all vendors of its tenant ({@code TenantContext.runTenantWide}; else absent)</td></tr>
 *   <tr><td>{@code tenantdao.operation}</td><td>the method: {@code Invoice.findById}</td></tr>
 *   <tr><td>{@code tenantdao.strategy}</td><td>{@code row}, {@code schema}, {@code database} or
 *       {@code shared}</td></tr>
 *   <tr><td>{@code tenantdao.rows}</td><td>rows returned or changed, when known</td></tr>
 * </table>
 *
 * <p>The span is a {@link SpanKind#CLIENT} span named {@code {db.operation.name} {db.collection.name}}
 * ({@code SELECT invoice}), or the one of the two known, or {@code postgresql}; its status is
 * {@link StatusCode#ERROR} on failure. The listener is told of a statement once it is over, so the span
 * is started with an explicit timestamp (now minus the statement's duration) and ended at once,
 * parented on the current context: it nests under the application's span of the calling thread.
 *
 * <pre>{@code
 * Database database = Database.builder(dataSource)
 *         .statementListener(OpenTelemetryStatementListener.of(openTelemetry))   // GlobalOpenTelemetry.get(), ...
 *         .build();
 * }</pre>
 */
public final class OpenTelemetryStatementListener implements StatementListener {

    /** The instrumentation scope of the spans. */
    public static final String INSTRUMENTATION_SCOPE = "dev.tenantdao";

    public static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    public static final AttributeKey<String> DB_OPERATION_NAME = AttributeKey.stringKey("db.operation.name");
    public static final AttributeKey<String> DB_COLLECTION_NAME = AttributeKey.stringKey("db.collection.name");
    public static final AttributeKey<String> DB_QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    public static final AttributeKey<String> DB_RESPONSE_STATUS_CODE = AttributeKey.stringKey("db.response.status_code");
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    public static final AttributeKey<String> TENANT = AttributeKey.stringKey("tenantdao.tenant");
    public static final AttributeKey<String> VENDOR = AttributeKey.stringKey("tenantdao.vendor");
    public static final AttributeKey<Boolean> TENANT_WIDE = AttributeKey.booleanKey("tenantdao.tenant_wide");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("tenantdao.operation");
    public static final AttributeKey<String> STRATEGY = AttributeKey.stringKey("tenantdao.strategy");
    public static final AttributeKey<Long> ROWS = AttributeKey.longKey("tenantdao.rows");

    /** {@code db.system.name} of PostgreSQL. */
    public static final String POSTGRESQL = "postgresql";
    /** {@code error.type} of a failure without an SQL state (the conventions' value for "other"). */
    public static final String OTHER_ERROR = "_OTHER";

    private final Tracer tracer;
    private final Function<StatementEvent, String> collectionNames;
    private final Clock clock;

    private OpenTelemetryStatementListener(Builder builder) {
        this.tracer = builder.openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
        this.collectionNames = builder.collectionNames != null ? builder.collectionNames : CollectionNames.load();
        this.clock = builder.clock;
    }

    /** Spans through {@code openTelemetry}'s tracer; tables from the schema models on the class path. */
    public static OpenTelemetryStatementListener of(OpenTelemetry openTelemetry) {
        return builder(openTelemetry).build();
    }

    public static Builder builder(OpenTelemetry openTelemetry) {
        return new Builder(openTelemetry);
    }

    /** How an {@link OpenTelemetryStatementListener} names and times its spans. */
    public static final class Builder {
        private final OpenTelemetry openTelemetry;
        private Function<StatementEvent, String> collectionNames;
        private Clock clock = Clock.systemUTC();

        private Builder(OpenTelemetry openTelemetry) {
            this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
        }

        /**
         * The {@code db.collection.name} of a statement (null: none) instead of the entity's table
         * from the schema models on the class path.
         */
        public Builder collectionNames(Function<StatementEvent, String> collectionNames) {
            this.collectionNames = Objects.requireNonNull(collectionNames, "collectionNames");
            return this;
        }

        /** The clock whose now ends each span (the system's by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public OpenTelemetryStatementListener build() {
            return new OpenTelemetryStatementListener(this);
        }
    }

    @Override
    public void onStatement(StatementEvent event) {
        Instant end = clock.instant();
        Instant start = end.minus(event.duration());
        String operationName = SqlCommand.of(event.sql());
        String collection = collectionNames.apply(event);
        SpanBuilder builder = tracer.spanBuilder(spanName(operationName, collection))
                .setSpanKind(SpanKind.CLIENT)
                .setParent(Context.current())
                .setStartTimestamp(start)
                .setAttribute(DB_SYSTEM_NAME, POSTGRESQL)
                .setAttribute(OPERATION, event.operation())
                .setAttribute(STRATEGY, event.strategy().toLowerCase(Locale.ROOT));
        if (operationName != null) {
            builder.setAttribute(DB_OPERATION_NAME, operationName);
        }
        if (collection != null) {
            builder.setAttribute(DB_COLLECTION_NAME, collection);
        }
        if (event.sql() != null) {
            builder.setAttribute(DB_QUERY_TEXT, event.sql());
        }
        if (event.tenant() != null) {
            builder.setAttribute(TENANT, event.tenant());
        }
        if (event.vendor() != null) {
            builder.setAttribute(VENDOR, event.vendor());
        }
        if (event.tenantWide()) {
            builder.setAttribute(TENANT_WIDE, true);
        }
        if (event.rows() >= 0) {
            builder.setAttribute(ROWS, event.rows());
        }
        if (event.outcome() == StatementEvent.Outcome.FAILURE) {
            if (event.sqlState() != null) {
                builder.setAttribute(DB_RESPONSE_STATUS_CODE, event.sqlState());
            }
            builder.setAttribute(ERROR_TYPE, event.sqlState() != null ? event.sqlState() : OTHER_ERROR);
        }
        Span span = builder.startSpan();
        if (event.outcome() == StatementEvent.Outcome.FAILURE) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end(end);
    }

    /** {@code {db.operation.name} {target}}, else the one known, else {@code {db.system.name}}. */
    static String spanName(String operationName, String collection) {
        if (operationName != null && collection != null) {
            return operationName + " " + collection;
        }
        if (collection != null) {
            return collection;
        }
        return operationName != null ? operationName : POSTGRESQL;
    }
}
