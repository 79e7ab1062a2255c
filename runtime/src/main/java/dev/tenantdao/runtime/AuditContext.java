package dev.tenantdao.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes the changes of the current thread, recorded in the history rows of audited entities
 * ({@code actor}, nullable). Set it around a request or a job, like the tenant:
 *
 * <pre>{@code
 * AuditContext.runAs("alice@acme", () -> invoices.update(invoice));
 * TenantContext.runAs("acme", "alice@acme", () -> invoices.update(invoice));   // tenant and actor together
 * }</pre>
 *
 * <p>Inside {@link Database#asOperator} the actor is the operator's ({@link OperatorAccess#actor()}),
 * whatever blocks inside it set: history names who changed the row.
 */
public final class AuditContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The actor of the operator block running on this thread ({@link Database#asOperator}), or null. */
    private static final ThreadLocal<String> OPERATOR = new ThreadLocal<>();

    private AuditContext() {}

    /** The actor of the innermost active block on this thread (an operator block's, inside one), or empty. */
    public static Optional<String> current() {
        return Optional.ofNullable(actor());
    }

    /** The actor, or null: what generated code writes into history rows. */
    public static String actor() {
        String operator = OPERATOR.get();
        return operator != null ? operator : CURRENT.get();
    }

    /**
     * Calls {@code work} with {@code actor}, an operator's, as the actor of every change it makes,
     * which no {@link #runAs} inside it replaces: for {@link Database#asOperator}, the one caller.
     */
    static <T, X extends Exception> T callAsOperator(String actor, TenantContext.TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(actor, "actor");
        OPERATOR.set(actor);
        try {
            return work.call();
        } finally {
            OPERATOR.remove();
        }
    }

    /** Runs {@code work} with {@code actor} as the actor, then restores the previous one. */
    public static <X extends Exception> void runAs(String actor, TenantContext.TenantRunnable<X> work) throws X {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** Calls {@code work} with {@code actor} as the actor and returns its result. */
    public static <T, X extends Exception> T callAs(String actor, TenantContext.TenantCallable<T, X> work) throws X {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(work, "work");
        String previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
