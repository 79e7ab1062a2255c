package dev.tenantdao.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant of the current thread and, for {@link dev.tenantdao.annotations.VendorScoped}
 * entities, its vendor. Run a block as a tenant; nested blocks restore the outer tenant (and
 * vendor) when they end, also when they throw. A tenant or vendor id is 1 to 128 characters
 * without control characters or surrounding white space; any other is rejected with
 * {@link InvalidTenantException}.
 *
 * <pre>{@code
 * TenantContext.runAs("acme", () -> invoices.insert(invoice));
 * long n = TenantContext.callAs("acme", invoices::count);
 * TenantContext.runAs("acme", "alice@acme", () -> contracts.update(contract));   // with the AuditContext actor
 * TenantContext.runAsVendor("acme", "north-store", () -> products.insert(product));   // one vendor's rows
 * TenantContext.callTenantWide("acme", () -> products.findAll(50, 0));               // every vendor of acme
 * }</pre>
 *
 * <p>Vendor-scoped entities need a vendor ({@link #runAsVendor}) or an explicit tenant-wide block
 * ({@link #runTenantWide}); a plain {@link #runAs} block has neither, so their DAOs refuse it with
 * {@link NoVendorException} before any SQL, also when it is nested inside a vendor's block (a new
 * tenant block never inherits a vendor). Entities that are not vendor-scoped ignore the vendor.
 */
public final class TenantContext {

    /**
     * The scope of a block: a tenant, and optionally one of its vendors or the explicit tenant-wide
     * switch (never both).
     */
    private record Scope(String tenant, String vendor, boolean tenantWide) {}

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** The tenant of the innermost active block on this thread, or empty outside any block. */
    public static Optional<String> current() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.of(scope.tenant());
    }

    /** The vendor of the innermost active block ({@link #runAsVendor}), or empty (no block, a tenant's or a tenant-wide one). */
    public static Optional<String> currentVendor() {
        Scope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.ofNullable(scope.vendor());
    }

    /** Whether the innermost active block is an explicit tenant-wide one ({@link #runTenantWide}). */
    public static boolean isTenantWide() {
        Scope scope = CURRENT.get();
        return scope != null && scope.tenantWide();
    }

    /**
     * The current thread's scope (tenant, vendor, tenant-wide switch, or none), to run work with
     * on another thread: what executors' decorators carry into their tasks.
     */
    public static Snapshot capture() {
        return new Snapshot(CURRENT.get());
    }

    /** A scope captured by {@link #capture()}: runs work in it, then restores the thread's own. */
    public static final class Snapshot {
        private final Scope scope;

        private Snapshot(Scope scope) {
            this.scope = scope;
        }

        /** The captured tenant, or empty when none was current. */
        public Optional<String> tenant() {
            return scope == null ? Optional.empty() : Optional.of(scope.tenant());
        }

        /** The captured vendor, or empty. */
        public Optional<String> vendor() {
            return scope == null ? Optional.empty() : Optional.ofNullable(scope.vendor());
        }

        /** Whether the captured scope is an explicit tenant-wide block. */
        public boolean tenantWide() {
            return scope != null && scope.tenantWide();
        }

        /**
         * Runs {@code work} in the captured scope (in none, when none was current: never with the
         * thread's own leftover), then restores the thread's previous scope.
         */
        public <X extends Exception> void run(TenantRunnable<X> work) throws X {
            Objects.requireNonNull(work, "work");
            Scope previous = CURRENT.get();
            if (scope == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(scope);
            }
            try {
                work.run();
            } finally {
                restore(previous);
            }
        }
    }

    /** Whether a block is active on this thread (the resolver is not asked then, not even for a vendor). */
    static boolean inBlock() {
        return CURRENT.get() != null;
    }

    /** Runs {@code work} as {@code vendor} of {@code tenant}, then restores the previous scope (or none). */
    public static <X extends Exception> void runAsVendor(String tenant, String vendor, TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        callAsVendor(tenant, vendor, () -> {
            work.run();
            return null;
        });
    }

    /** Calls {@code work} as {@code vendor} of {@code tenant} and returns its result, then restores the previous scope. */
    public static <T, X extends Exception> T callAsVendor(String tenant, String vendor, TenantCallable<T, X> work)
            throws X {
        Objects.requireNonNull(work, "work");
        TenantIds.check(tenant);
        checkVendor(vendor);
        return call(new Scope(tenant, vendor, false), work);
    }

    /**
     * Runs {@code work} as {@code vendor} of {@code tenant} with {@code actor} as the {@link AuditContext}
     * actor (one block instead of two nested ones), then restores the previous scope and actor.
     */
    public static <X extends Exception> void runAsVendor(String tenant, String vendor, String actor,
            TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        callAsVendor(tenant, vendor, actor, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #runAsVendor(String, String, String, TenantRunnable)} returning {@code work}'s result. */
    public static <T, X extends Exception> T callAsVendor(String tenant, String vendor, String actor,
            TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(work, "work");
        return callAsVendor(tenant, vendor, () -> AuditContext.callAs(actor, work));
    }

    /**
     * Runs {@code work} as {@code tenant} acting across all of its vendors: vendor-scoped DAOs read,
     * update and delete the rows of every vendor of the tenant (never another tenant's) and insert
     * none (an insert needs its vendor). Logged as tenant-wide by {@link StatementLog}.
     */
    public static <X extends Exception> void runTenantWide(String tenant, TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        callTenantWide(tenant, () -> {
            work.run();
            return null;
        });
    }

    /** {@link #runTenantWide} returning {@code work}'s result. */
    public static <T, X extends Exception> T callTenantWide(String tenant, TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        TenantIds.check(tenant);
        return call(new Scope(tenant, null, true), work);
    }

    private static void checkVendor(String vendor) {
        if (vendor == null) {
            throw new NullPointerException("vendor");
        }
        try {
            TenantIds.check(vendor);
        } catch (InvalidTenantException e) {
            throw new InvalidTenantException(vendor, null, "Vendor id" + e.getMessage().substring("Tenant id".length()),
                    null);
        }
    }

    private static <T, X extends Exception> T call(Scope scope, TenantCallable<T, X> work) throws X {
        Scope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    /** Runs {@code work} as {@code tenant}, then restores the previous tenant (or none). */
    public static <X extends Exception> void runAs(String tenant, TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        Scope previous = enter(tenant);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** Calls {@code work} as {@code tenant} and returns its result, then restores the previous tenant. */
    public static <T, X extends Exception> T callAs(String tenant, TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        Scope previous = enter(tenant);
        try {
            return work.call();
        } finally {
            restore(previous);
        }
    }

    /**
     * Runs {@code work} as {@code tenant} with {@code actor} as the {@link AuditContext} actor (one
     * block instead of two nested ones), then restores the previous tenant and actor (or none),
     * also when it throws. Both are checked before either is set.
     */
    public static <X extends Exception> void runAs(String tenant, String actor, TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        callAs(tenant, actor, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Calls {@code work} as {@code tenant} with {@code actor} as the {@link AuditContext} actor and
     * returns its result, then restores the previous tenant and actor, also when it throws.
     */
    public static <T, X extends Exception> T callAs(String tenant, String actor, TenantCallable<T, X> work)
            throws X {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(work, "work");
        return callAs(tenant, () -> AuditContext.callAs(actor, work));
    }

    private static Scope enter(String tenant) {
        TenantIds.check(tenant);
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(tenant, null, false));
        return previous;
    }

    private static void restore(Scope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A block of work run as a tenant. */
    @FunctionalInterface
    public interface TenantRunnable<X extends Exception> {
        void run() throws X;
    }

    /** A block of work run as a tenant that returns a value. */
    @FunctionalInterface
    public interface TenantCallable<T, X extends Exception> {
        T call() throws X;
    }
}
