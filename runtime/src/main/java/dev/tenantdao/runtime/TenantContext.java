package dev.tenantdao.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The tenant of the current thread. Run a block as a tenant; nested blocks restore the outer
 * tenant when they end, also when they throw. A tenant id is 1 to 128 characters without control
 * characters or surrounding white space; any other is rejected with {@link InvalidTenantException}.
 *
 * <pre>{@code
 * TenantContext.runAs("acme", () -> invoices.insert(invoice));
 * long n = TenantContext.callAs("acme", invoices::count);
 * TenantContext.runAs("acme", "alice@acme", () -> contracts.update(contract));   // with the AuditContext actor
 * }</pre>
 */
public final class TenantContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    /** The tenant of the innermost active block on this thread, or empty outside any block. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs {@code work} as {@code tenant}, then restores the previous tenant (or none). */
    public static <X extends Exception> void runAs(String tenant, TenantRunnable<X> work) throws X {
        Objects.requireNonNull(work, "work");
        String previous = enter(tenant);
        try {
            work.run();
        } finally {
            restore(previous);
        }
    }

    /** Calls {@code work} as {@code tenant} and returns its result, then restores the previous tenant. */
    public static <T, X extends Exception> T callAs(String tenant, TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(work, "work");
        String previous = enter(tenant);
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

    private static String enter(String tenant) {
        TenantIds.check(tenant);
        String previous = CURRENT.get();
        CURRENT.set(tenant);
        return previous;
    }

    private static void restore(String previous) {
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
