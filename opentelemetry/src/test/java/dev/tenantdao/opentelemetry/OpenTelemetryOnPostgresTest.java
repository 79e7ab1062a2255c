package dev.tenantdao.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated DAOs on PostgreSQL, as the application role, with the listener registered on the
 * {@code Database}: the spans an in-memory exporter receives for real statements, a unique violation
 * and a shared entity's among them, nested under the application's span.
 */
class OpenTelemetryOnPostgresTest {

    private static final AttributeKey<String> QUERY_TEXT = AttributeKey.stringKey("db.query.text");
    /** Values bound in this test: none may appear in any span. */
    private static final List<String> BOUND_VALUES = List.of("T-100", "secret printer", "T-200", "Q7", "Portugal");

    private static DataSource app;
    private InMemorySpanExporter exporter;
    private OpenTelemetrySdk openTelemetry;

    @BeforeAll
    static void schema() {
        DataSource owner = Postgres.shared().freshSchema("otel_e2e");
        Schema.create(owner, Country.class, Ticket.class);
        app = Postgres.shared().applicationRole("tenantdao_app", "otel_e2e");
    }

    @BeforeEach
    void sdk() {
        exporter = InMemorySpanExporter.create();
        openTelemetry = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
    }

    @AfterEach
    void close() {
        openTelemetry.close();
    }

    @Test
    void eachStatementIsASpanUnderTheApplicationsSpanWithTheStableDatabaseAttributes() {
        Database database = Database.builder(app)
                .statementListener(OpenTelemetryStatementListener.of(openTelemetry))
                .build();
        TicketDao tickets = new TicketDao(database);
        CountryDao countries = new CountryDao(database);

        Span request = openTelemetry.getTracer("the-application").spanBuilder("POST /tickets").startSpan();
        Scope scope = request.makeCurrent();
        try {
            countries.insert(new Country("Q7", "Portugal"));
            TenantContext.runAs("acme", () -> {
                Ticket saved = tickets.insert(Ticket.of("T-100", "secret printer"));
                assertTrue(tickets.findById(saved.id()).isPresent());
                assertThrows(DataAccessException.class, () -> tickets.insert(Ticket.of("T-100", "T-200")));
            });
        } finally {
            scope.close();
            request.end();
        }

        List<SpanData> spans = exporter.getFinishedSpanItems();
        SpanData application = spans.get(spans.size() - 1);
        assertEquals("POST /tickets", application.getName());
        List<SpanData> statements = spans.subList(0, spans.size() - 1);
        assertEquals(List.of("INSERT otel_country", "INSERT otel_ticket", "SELECT otel_ticket", "INSERT otel_ticket"),
                statements.stream().map(SpanData::getName).toList());
        for (SpanData span : statements) {
            assertEquals(SpanKind.CLIENT, span.getKind());
            assertEquals(application.getSpanId(), span.getParentSpanId(), span.getName() + " nests under the request");
            assertEquals(application.getTraceId(), span.getTraceId());
            assertTrue(span.getStartEpochNanos() >= application.getStartEpochNanos()
                    && span.getEndEpochNanos() <= application.getEndEpochNanos(), span.getName() + " within the request");
            String text = span.getAttributes().get(QUERY_TEXT);
            for (String value : BOUND_VALUES) {
                assertFalse(span.getAttributes().asMap().values().stream().anyMatch(v -> v.toString().contains(value)),
                        "bound value " + value + " in " + span.getAttributes());
            }
            assertTrue(text.contains("?"), "placeholders: " + text);
        }

        SpanData shared = statements.get(0);
        Map<AttributeKey<?>, Object> sharedAttributes = shared.getAttributes().asMap();
        assertEquals("postgresql", sharedAttributes.get(AttributeKey.stringKey("db.system.name")));
        assertEquals("INSERT", sharedAttributes.get(AttributeKey.stringKey("db.operation.name")));
        assertEquals("otel_country", sharedAttributes.get(AttributeKey.stringKey("db.collection.name")));
        assertEquals("Country.insert", sharedAttributes.get(AttributeKey.stringKey("tenantdao.operation")));
        assertEquals("shared", sharedAttributes.get(AttributeKey.stringKey("tenantdao.strategy")));
        assertNull(sharedAttributes.get(AttributeKey.stringKey("tenantdao.tenant")), "a shared entity: no tenant");

        SpanData found = statements.get(2);
        Attributes attributes = found.getAttributes();
        assertEquals("SELECT", attributes.get(AttributeKey.stringKey("db.operation.name")));
        assertEquals("otel_ticket", attributes.get(AttributeKey.stringKey("db.collection.name")));
        assertEquals("acme", attributes.get(AttributeKey.stringKey("tenantdao.tenant")));
        assertEquals("Ticket.findById", attributes.get(AttributeKey.stringKey("tenantdao.operation")));
        assertEquals("row", attributes.get(AttributeKey.stringKey("tenantdao.strategy")));
        assertEquals(1L, attributes.get(AttributeKey.longKey("tenantdao.rows")));
        assertEquals(StatusCode.UNSET, found.getStatus().getStatusCode());
        assertNull(attributes.get(AttributeKey.stringKey("error.type")));

        SpanData failed = statements.get(3);
        assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
        assertEquals("23505", failed.getAttributes().get(AttributeKey.stringKey("db.response.status_code")));
        assertEquals("23505", failed.getAttributes().get(AttributeKey.stringKey("error.type")));
        assertEquals("Ticket.insert", failed.getAttributes().get(AttributeKey.stringKey("tenantdao.operation")));
        assertEquals("acme", failed.getAttributes().get(AttributeKey.stringKey("tenantdao.tenant")));
        System.out.println(describe(found, application) + "\n" + describe(failed, application));
    }

    /** A span as the README shows it: name, kind, parent, status, then its attributes sorted by key. */
    private static String describe(SpanData span, SpanData application) {
        StringBuilder out = new StringBuilder(span.getName() + "  kind=" + span.getKind() + "  parent="
                + (span.getParentSpanId().equals(application.getSpanId()) ? "'" + application.getName() + "'" : "?")
                + "  status=" + span.getStatus().getStatusCode() + "\n");
        new java.util.TreeMap<>(span.getAttributes().asMap().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().getKey(), e -> e.getValue())))
                .forEach((key, value) -> out.append("  ").append(key).append(" = ").append(value).append('\n'));
        return out.toString();
    }
}
