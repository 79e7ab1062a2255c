package dev.tenantdao.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-tenant cost report, the "noisy neighbour" view: a {@link StatementListener} that adds up,
 * per tenant, the statements sent, the time they took and the rows they returned or changed, and
 * ranks the tenants by each.
 *
 * <pre>{@code
 * TenantCosts costs = TenantCosts.builder().window(Duration.ofMinutes(5)).build();
 * Database database = Database.builder(dataSource).statementListener(costs).build();
 * ...
 * TenantCosts.Report report = costs.report(10);   // the 10 costliest tenants of the last 5 minutes
 * }</pre>
 *
 * <p><b>Window.</b> A sliding window made of {@code slices} tumbling slices (default: 5 minutes in 5
 * slices of a minute): a report covers the slice in progress and the ones before it that are still in
 * the window, so it spans between {@code window - window/slices} and {@code window}; a statement
 * counts in the slice in which it ended. Older slices are dropped as new ones begin.
 *
 * <p><b>Bounded memory.</b> Each slice tracks at most {@code maxTenants} tenants, the first ones it
 * sees; the statements of any further tenant in that slice add up in the report's {@code others}.
 * Memory is therefore at most {@code slices × maxTenants} counters, whatever the number of tenants.
 *
 * <p>Statements on shared entities (no tenant) are not counted. Thread-safe: listeners are called on
 * the threads of the calls, and counting takes no lock.
 */
public final class TenantCosts implements StatementListener {

    /** What the tenants are ranked by. */
    public enum Measure { STATEMENTS, TIME, ROWS }

    /**
     * One tenant's cost in the window.
     *
     * @param rows rows returned or changed, as far as known (a statement that reported -1 adds none)
     */
    public record TenantCost(String tenant, long statements, Duration time, long rows) {}

    /**
     * The costliest tenants in the window [{@code from}, {@code to}), by each measure, each list
     * highest first (ties by tenant id); {@code others} adds up the tenants a slice had no room for.
     */
    public record Report(Instant from, Instant to, List<TenantCost> byStatements, List<TenantCost> byTime,
            List<TenantCost> byRows, TenantCost others) {}

    /** The tenant id under which {@link Report#others} is reported. */
    public static final String OTHERS = "(others)";

    private final Clock clock;
    private final long sliceMillis;
    private final int slices;
    private final int maxTenants;
    private final AtomicReferenceArray<Slice> ring;

    private TenantCosts(Builder builder) {
        this.clock = builder.clock;
        this.slices = builder.slices;
        this.sliceMillis = Math.max(1, builder.window.toMillis() / builder.slices);
        this.maxTenants = builder.maxTenants;
        this.ring = new AtomicReferenceArray<>(slices);
    }

    /** A report over 5 minutes, in slices of a minute, of at most 1000 tenants a slice. */
    public static TenantCosts create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onStatement(StatementEvent event) {
        if (event.tenant() == null) {
            return;
        }
        Slice slice = current();
        Counters counters = slice.tenants.get(event.tenant());
        if (counters == null) {
            // room counts the tenants taken in (a race may spend two places on one tenant: never more than the bound)
            counters = slice.room.get() < maxTenants && slice.room.getAndIncrement() < maxTenants
                    ? slice.tenants.computeIfAbsent(event.tenant(), t -> new Counters())
                    : slice.others;
        }
        counters.add(event);
    }

    /** The slice the clock is in now, begun when the first statement of its time ends. */
    private Slice current() {
        long index = clock.millis() / sliceMillis;
        int at = (int) Math.floorMod(index, (long) slices);
        while (true) {
            Slice slice = ring.get(at);
            if (slice != null && slice.index >= index) {
                return slice;
            }
            Slice fresh = new Slice(index);
            if (ring.compareAndSet(at, slice, fresh)) {
                return fresh;
            }
        }
    }

    /** The {@code top} costliest tenants of the window, by statements, time and rows. */
    public Report report(int top) {
        if (top < 0) {
            throw new IllegalArgumentException("top must not be negative: " + top);
        }
        long now = clock.millis() / sliceMillis;
        long first = now - slices + 1;
        Map<String, long[]> totals = new HashMap<>();
        long[] others = new long[3];
        for (int i = 0; i < slices; i++) {
            Slice slice = ring.get(i);
            if (slice == null || slice.index < first || slice.index > now) {
                continue;
            }
            slice.tenants.forEach((tenant, counters) -> counters.addTo(totals.computeIfAbsent(tenant, t -> new long[3])));
            slice.others.addTo(others);
        }
        List<TenantCost> all = new ArrayList<>(totals.size());
        totals.forEach((tenant, sums) -> all.add(cost(tenant, sums)));
        return new Report(Instant.ofEpochMilli(first * sliceMillis), Instant.ofEpochMilli((now + 1) * sliceMillis),
                ranked(all, Comparator.comparingLong(TenantCost::statements), top),
                ranked(all, Comparator.comparing(TenantCost::time), top),
                ranked(all, Comparator.comparingLong(TenantCost::rows), top),
                cost(OTHERS, others));
    }

    /** The {@code top} costliest tenants of the window by {@code measure}, highest first. */
    public List<TenantCost> top(int top, Measure measure) {
        Report report = report(top);
        return switch (measure) {
            case STATEMENTS -> report.byStatements();
            case TIME -> report.byTime();
            case ROWS -> report.byRows();
        };
    }

    private static TenantCost cost(String tenant, long[] sums) {
        return new TenantCost(tenant, sums[0], Duration.ofNanos(sums[1]), sums[2]);
    }

    private static List<TenantCost> ranked(List<TenantCost> all, Comparator<TenantCost> by, int top) {
        return all.stream()
                .sorted(by.reversed().thenComparing(TenantCost::tenant))
                .limit(top)
                .toList();
    }

    /** One slice of the window: its tenants' counters, at most {@code maxTenants} of them. */
    private static final class Slice {
        final long index;
        final ConcurrentHashMap<String, Counters> tenants = new ConcurrentHashMap<>();
        final AtomicInteger room = new AtomicInteger();
        final Counters others = new Counters();

        Slice(long index) {
            this.index = index;
        }
    }

    private static final class Counters {
        final LongAdder statements = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder rows = new LongAdder();

        void add(StatementEvent event) {
            statements.increment();
            nanos.add(event.duration().toNanos());
            if (event.rows() > 0) {
                rows.add(event.rows());
            }
        }

        void addTo(long[] sums) {
            sums[0] += statements.sum();
            sums[1] += nanos.sum();
            sums[2] += rows.sum();
        }
    }

    /** Configures {@link TenantCosts}. */
    public static final class Builder {
        private Duration window = Duration.ofMinutes(5);
        private int slices = 5;
        private int maxTenants = 1000;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** How far back a report looks. Default: 5 minutes. */
        public Builder window(Duration window) {
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive: " + window);
            }
            this.window = window;
            return this;
        }

        /** In how many slices the window slides. Default: 5. */
        public Builder slices(int slices) {
            if (slices < 1) {
                throw new IllegalArgumentException("slices must be at least 1: " + slices);
            }
            this.slices = slices;
            return this;
        }

        /** How many tenants each slice tracks; the others add up as {@link #OTHERS}. Default: 1000. */
        public Builder maxTenants(int maxTenants) {
            if (maxTenants < 1) {
                throw new IllegalArgumentException("maxTenants must be at least 1: " + maxTenants);
            }
            this.maxTenants = maxTenants;
            return this;
        }

        /** The clock slices are cut by. Default: the system clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public TenantCosts build() {
            return new TenantCosts(this);
        }
    }
}
