package dev.tenantdao.micrometer;

import dev.tenantdao.runtime.StatementEvent;
import dev.tenantdao.runtime.StatementListener;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records every statement generated DAOs and repositories send into a Micrometer
 * {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@code tenantdao.statements}, a {@link Timer} tagged {@code operation}
 *       ({@code Invoice.findById}), {@code entity}, {@code strategy} ({@code row}, {@code schema},
 *       {@code database}, {@code shared}) and {@code outcome} ({@code success}, {@code failure});
 *   <li>{@code tenantdao.statements.rows}, a {@link DistributionSummary} of the rows each statement
 *       returned or changed, tagged {@code operation} and {@code entity} (statements whose rows are
 *       not known, failures and streams, are not in it);
 *   <li>only when {@link Builder#tenantTags(int)} switches it on: {@code tenantdao.tenant.statements},
 *       a timer tagged {@code tenant} and {@code outcome}, and {@code tenantdao.tenant.rows}, a summary
 *       tagged {@code tenant}: which tenant sends the statements, takes the time, reads the rows.
 * </ul>
 *
 * <p><b>Why the tenant has meters of its own, and a bound.</b> Every distinct tag value is a time
 * series the monitoring system stores and queries. Operations and outcomes are fixed by the code (a
 * few hundred series); tenants grow with the business, and one series per tenant and operation
 * would multiply the two. So the tenant is a tag only on the per-tenant meters (tenants ×
 * outcomes), and only the first {@code maxTenants} distinct tenants this listener sees get a tag
 * value of their own; every later one is recorded as {@value #OTHER_TENANTS} (a tenant actually named
 * {@code other} is counted with them). The bound holds for the life of the listener: a tenant keeps
 * its tag once it has one, and the series never exceed {@code maxTenants + 1} per outcome. Statements
 * of shared (non-tenanted) entities run for no tenant and are not in the per-tenant meters.
 *
 * <pre>{@code
 * MeterRegistry registry = ...;                      // Spring Boot's, Prometheus', a SimpleMeterRegistry
 * Database database = Database.builder(dataSource)
 *         .statementListener(MicrometerStatementListener.builder(registry).tenantTags(100).build())
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe; meters are looked up once per distinct tag set and cached, so a statement costs
 * two map look-ups and the recording itself.
 */
public final class MicrometerStatementListener implements StatementListener {

    /** The timer of every statement. */
    public static final String STATEMENTS = "tenantdao.statements";
    /** The rows per statement. */
    public static final String ROWS = "tenantdao.statements.rows";
    /** The timer per tenant (only with {@link Builder#tenantTags(int)}). */
    public static final String TENANT_STATEMENTS = "tenantdao.tenant.statements";
    /** The rows per tenant (only with {@link Builder#tenantTags(int)}). */
    public static final String TENANT_ROWS = "tenantdao.tenant.rows";
    /** The tag value of every tenant beyond the bound. */
    public static final String OTHER_TENANTS = "other";

    private final MeterRegistry registry;
    private final int maxTenants;
    private final boolean rows;
    private final Set<String> taggedTenants = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<StatementKey, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<RowsKey, DistributionSummary> summaries = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantKey, Timer> tenantTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DistributionSummary> tenantSummaries = new ConcurrentHashMap<>();

    private MicrometerStatementListener(Builder builder) {
        this.registry = builder.registry;
        this.maxTenants = builder.maxTenants;
        this.rows = builder.rows;
    }

    /** A listener recording into {@code registry}, without tenant tags and with the rows summaries. */
    public static MicrometerStatementListener of(MeterRegistry registry) {
        return builder(registry).build();
    }

    public static Builder builder(MeterRegistry registry) {
        return new Builder(registry);
    }

    /** How a {@link MicrometerStatementListener} records. */
    public static final class Builder {
        private final MeterRegistry registry;
        private int maxTenants;
        private boolean rows = true;

        private Builder(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Records the per-tenant meters, with a tag value of its own for at most {@code maxTenants}
         * distinct tenants (the first seen) and {@value MicrometerStatementListener#OTHER_TENANTS} for
         * the rest; 0, the default, records no per-tenant meter.
         */
        public Builder tenantTags(int maxTenants) {
            if (maxTenants < 0) {
                throw new IllegalArgumentException("maxTenants must be 0 (no tenant tags) or more: " + maxTenants);
            }
            this.maxTenants = maxTenants;
            return this;
        }

        /** Whether to record the rows summaries ({@code true} by default). */
        public Builder rows(boolean rows) {
            this.rows = rows;
            return this;
        }

        public MicrometerStatementListener build() {
            return new MicrometerStatementListener(this);
        }
    }

    private record StatementKey(String operation, String entity, String strategy, StatementEvent.Outcome outcome) {}

    private record RowsKey(String operation, String entity) {}

    private record TenantKey(String tenant, StatementEvent.Outcome outcome) {}

    @Override
    public void onStatement(StatementEvent event) {
        StatementKey key = new StatementKey(event.operation(), event.entity(), event.strategy(), event.outcome());
        timers.computeIfAbsent(key, this::timer).record(event.duration());
        boolean rowsKnown = rows && event.rows() >= 0;
        if (rowsKnown) {
            summaries.computeIfAbsent(new RowsKey(event.operation(), event.entity()), this::summary).record(event.rows());
        }
        if (maxTenants > 0 && event.tenant() != null) {
            String tenant = tenantTag(event.tenant());
            tenantTimers.computeIfAbsent(new TenantKey(tenant, event.outcome()), this::tenantTimer).record(event.duration());
            if (rowsKnown) {
                tenantSummaries.computeIfAbsent(tenant, this::tenantSummary).record(event.rows());
            }
        }
    }

    /** The tenants with a tag value of their own, at most {@code maxTenants}. */
    public Set<String> taggedTenants() {
        return Set.copyOf(taggedTenants);
    }

    /** {@code tenant}'s tag value: its own while fewer than the bound have one, else {@value #OTHER_TENANTS}. */
    private String tenantTag(String tenant) {
        if (taggedTenants.contains(tenant)) {
            return tenant;
        }
        synchronized (taggedTenants) {
            if (taggedTenants.contains(tenant)) {
                return tenant;
            }
            if (taggedTenants.size() < maxTenants) {
                taggedTenants.add(tenant);
                return tenant;
            }
        }
        return OTHER_TENANTS;
    }

    private Timer timer(StatementKey key) {
        return Timer.builder(STATEMENTS)
                .description("Statements sent by tenantdao's generated DAOs and repositories")
                .tag("operation", key.operation())
                .tag("entity", key.entity())
                .tag("strategy", key.strategy().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome(key.outcome()))
                .register(registry);
    }

    private DistributionSummary summary(RowsKey key) {
        return DistributionSummary.builder(ROWS)
                .description("Rows returned or changed per statement")
                .baseUnit("rows")
                .tag("operation", key.operation())
                .tag("entity", key.entity())
                .register(registry);
    }

    private Timer tenantTimer(TenantKey key) {
        return Timer.builder(TENANT_STATEMENTS)
                .description("Statements sent for each tenant (at most " + maxTenants + " tenants tagged, the rest '"
                        + OTHER_TENANTS + "')")
                .tag("tenant", key.tenant())
                .tag("outcome", outcome(key.outcome()))
                .register(registry);
    }

    private DistributionSummary tenantSummary(String tenant) {
        return DistributionSummary.builder(TENANT_ROWS)
                .description("Rows returned or changed per statement, for each tenant")
                .baseUnit("rows")
                .tag("tenant", tenant)
                .register(registry);
    }

    private static String outcome(StatementEvent.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
