package dev.tenantdao.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementEvent.Outcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener fed events directly, as the runtime calls it: the spans an in-memory exporter receives. */
class OpenTelemetryStatementListenerTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456789Z");
    private static final String FIND_BY_ID = "SELECT set_config('tenantdao.tenant', ?, true); "
            + "SELECT id, number, total FROM invoice WHERE tenant_id = ? AND id = ?";

    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk sdk;
    private OpenTelemetryStatementListener listener;

    @BeforeEach
    void sdk() {
        exporter = InMemorySpanExporter.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
        listener = OpenTelemetryStatementListener.builder(sdk)
                .collectionNames(new CollectionNames(Map.of("Invoice", "invoice", "Currency", "currency")))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void close() {
        sdk.close();
    }

    private SpanData only() {
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(1, spans.size(), spans.toString());
        return spans.get(0);
    }

    @Test
    void aSuccessfulStatementIsAClientSpanWithTheStableDatabaseAttributesAndItsOwnTiming() {
        listener.onStatement(new StatementEvent("Invoice.findById", "Invoice", "acme", "ROW", FIND_BY_ID,
                Duration.ofMillis(42), 1, Outcome.SUCCESS, null));

        SpanData span = only();
        assertEquals("SELECT invoice", span.getName());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(StatusCode.UNSET, span.getStatus().getStatusCode());
        assertEquals(OpenTelemetryStatementListener.INSTRUMENTATION_SCOPE, span.getInstrumentationScopeInfo().getName());
        assertEquals(Attributes.builder()
                .put("db.system.name", "postgresql")
                .put("db.operation.name", "SELECT")
                .put("db.collection.name", "invoice")
                .put("db.query.text", FIND_BY_ID)
                .put("tenantdao.tenant", "acme")
                .put("tenantdao.operation", "Invoice.findById")
                .put("tenantdao.strategy", "row")
                .put("tenantdao.rows", 1L)
                .build().asMap(), span.getAttributes().asMap(), "exactly these, nothing else");
        assertEquals(TimeUnit.SECONDS.toNanos(NOW.getEpochSecond()) + NOW.getNano(), span.getEndEpochNanos(),
                "ended when the listener heard of it");
        assertEquals(Duration.ofMillis(42).toNanos(), span.getEndEpochNanos() - span.getStartEpochNanos(),
                "started the statement's duration earlier");
        assertFalse(span.getParentSpanContext().isValid(), "no current span: a root span");
    }

    @Test
    void aFailureCarriesTheSqlStateAsStatusCodeAndErrorType() {
        String insert = "SELECT set_config('tenantdao.tenant', ?, false); INSERT INTO invoice (tenant_id, number) "
                + "VALUES (?, ?) RETURNING id; SELECT set_config('tenantdao.tenant', '', false)";
        listener.onStatement(new StatementEvent("Invoice.insert", "Invoice", "acme", "ROW", insert, Duration.ofMillis(3),
                -1, Outcome.FAILURE, "23505"));

        SpanData span = only();
        assertEquals("INSERT invoice", span.getName());
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
        Attributes attributes = span.getAttributes();
        assertEquals("23505", attributes.get(AttributeKey.stringKey("db.response.status_code")));
        assertEquals("23505", attributes.get(AttributeKey.stringKey("error.type")));
        assertEquals("INSERT", attributes.get(AttributeKey.stringKey("db.operation.name")));
        assertNull(attributes.get(AttributeKey.longKey("tenantdao.rows")), "rows unknown");
        assertEquals(9, attributes.size(), "system, command, table, text, tenant, operation, strategy, state, type: "
                + attributes);
    }

    @Test
    void aFailureWithoutSqlStateIsErrorTypeOther() {
        listener.onStatement(new StatementEvent("Invoice.count", "Invoice", "acme", "ROW",
                "SELECT count(*) FROM invoice", Duration.ofMillis(1), -1, Outcome.FAILURE, null));
        SpanData span = only();
        assertEquals("_OTHER", span.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertNull(span.getAttributes().get(AttributeKey.stringKey("db.response.status_code")));
        assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
    }

    @Test
    void aSharedEntitysSpanHasNoTenant() {
        listener.onStatement(new StatementEvent("Currency.findAll", "Currency", null, "SHARED",
                "SELECT code, name FROM currency ORDER BY code", Duration.ofMillis(2), 3, Outcome.SUCCESS, null));
        SpanData span = only();
        assertEquals("SELECT currency", span.getName());
        assertNull(span.getAttributes().get(AttributeKey.stringKey("tenantdao.tenant")));
        assertEquals("shared", span.getAttributes().get(AttributeKey.stringKey("tenantdao.strategy")));
    }

    @Test
    void aVendorScopedStatementNamesItsVendorOrThatItWasTenantWide() {
        listener.onStatement(new StatementEvent("Product.findById", "Product", "acme", "ROW",
                "SELECT id FROM product WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id) AND id = ?",
                Duration.ofMillis(1), 1, Outcome.SUCCESS, null, "north", false));
        listener.onStatement(new StatementEvent("Product.count", "Product", "acme", "ROW",
                "SELECT count(*) FROM product WHERE tenant_id = ? AND vendor_id = COALESCE(?, vendor_id)",
                Duration.ofMillis(1), 1, Outcome.SUCCESS, null, null, true));
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(2, spans.size());
        assertEquals("north", spans.get(0).getAttributes().get(AttributeKey.stringKey("tenantdao.vendor")));
        assertNull(spans.get(0).getAttributes().get(AttributeKey.booleanKey("tenantdao.tenant_wide")));
        assertNull(spans.get(1).getAttributes().get(AttributeKey.stringKey("tenantdao.vendor")));
        assertEquals(Boolean.TRUE, spans.get(1).getAttributes().get(AttributeKey.booleanKey("tenantdao.tenant_wide")));
        assertEquals("acme", spans.get(1).getAttributes().get(AttributeKey.stringKey("tenantdao.tenant")));
    }

    @Test
    void theSpanNestsUnderTheApplicationsCurrentSpan() {
        Span parent = sdk.getTracer("the-application").spanBuilder("GET /invoices/{id}").startSpan();
        Scope scope = parent.makeCurrent();
        try {
            listener.onStatement(new StatementEvent("Invoice.findById", "Invoice", "acme", "ROW", FIND_BY_ID,
                    Duration.ofMillis(1), 1, Outcome.SUCCESS, null));
        } finally {
            scope.close();
            parent.end();
        }
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals(2, spans.size());
        SpanData statement = spans.get(0);
        SpanContext application = parent.getSpanContext();
        assertEquals("SELECT invoice", statement.getName());
        assertEquals(application.getSpanId(), statement.getParentSpanId());
        assertEquals(application.getTraceId(), statement.getTraceId());
    }

    @Test
    void withoutATableTheSpanIsNamedByTheCommandAndWithoutEitherByTheSystem() {
        listener.onStatement(new StatementEvent("Unknown.run", "Unknown", "acme", "ROW",
                "UPDATE elsewhere SET x = ? WHERE tenant_id = ?", Duration.ofMillis(1), 2, Outcome.SUCCESS, null));
        listener.onStatement(new StatementEvent("Unknown.run", "Unknown", "acme", "ROW",
                "", Duration.ofMillis(1), 2, Outcome.SUCCESS, null));
        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertEquals("UPDATE", spans.get(0).getName());
        assertNull(spans.get(0).getAttributes().get(AttributeKey.stringKey("db.collection.name")));
        assertEquals("postgresql", spans.get(1).getName());
        assertNull(spans.get(1).getAttributes().get(AttributeKey.stringKey("db.operation.name")));
    }

    @Test
    void theCommandSkipsTheTenantSettingQuotesCommentsAndCommonTableExpressions() {
        assertEquals("SELECT", SqlCommand.of(FIND_BY_ID));
        assertEquals("DELETE", SqlCommand.of("SELECT set_config('tenantdao.tenant', ?, false); delete from invoice"
                + " where tenant_id = ?; SELECT set_config('tenantdao.tenant', '', false)"));
        assertEquals("UPDATE", SqlCommand.of("  /* a comment; with a semicolon */ UPDATE invoice SET number = ';'"));
        assertEquals("INSERT", SqlCommand.of("WITH moved AS (SELECT id FROM a WHERE x = ?)"
                + " INSERT INTO c SELECT id FROM moved"));
        // an audited write: the change in the first expression, its history in the next, the rows selected last
        assertEquals("UPDATE", SqlCommand.of("SELECT set_config('tenantdao.tenant', ?, true); WITH changed AS"
                + " (UPDATE a SET x = ? WHERE tenant_id = ? RETURNING *), history AS (INSERT INTO a_history"
                + " SELECT tenant_id, id, x, 'UPDATE' FROM changed) SELECT id, x FROM changed"));
        assertEquals("INSERT", SqlCommand.of("WITH input AS (SELECT u.*, nextval((SELECT 1)) AS k FROM unnest(?::text[])"
                + " AS u(c1)), changed AS (INSERT INTO a (id, x) SELECT k, c1 FROM input RETURNING *) SELECT id FROM changed"));
        assertEquals("SELECT", SqlCommand.of("WITH locked AS (SELECT id FROM a FOR UPDATE) SELECT id FROM locked"));
        assertEquals("INSERT", SqlCommand.of("INSERT INTO a (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET x = 1"));
        assertEquals("SELECT", SqlCommand.of("-- first line\nselect 1"));
        assertNull(SqlCommand.of(null));
        assertNull(SqlCommand.of("SELECT set_config('tenantdao.tenant', ?, true)"));
    }

    @Test
    void theSchemaModelsOnTheClassPathNameEachEntitysTable() {
        // the entities compiled in this module's tests (their model is in target/test-classes)
        Map<String, String> tables = CollectionNames.load().tables();
        assertEquals("otel_ticket", tables.get("Ticket"));
        assertEquals("otel_country", tables.get("Country"));
        assertFalse(tables.containsValue("otel_ticket_history"), "history tables are no entity's collection");
    }
}
