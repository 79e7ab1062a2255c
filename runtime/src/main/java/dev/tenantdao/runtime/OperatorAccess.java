package dev.tenantdao.runtime;

import java.util.Objects;

/**
 * Who works across tenants, and why: what {@link Database#asOperator} requires before it runs anything,
 * and what it writes into the access log with every call. Read-only unless {@link #allowingWrites()}.
 *
 * <pre>{@code
 * OperatorAccess access = OperatorAccess.of("ann@support", "ticket 4711: invoice totals look wrong");
 * database.asOperator(access, tx -> TenantContext.callAs("acme", () -> invoices.findAll(50, 0)));
 * }</pre>
 */
public final class OperatorAccess {

    private final String actor;
    private final String reason;
    private final boolean writes;

    private OperatorAccess(String actor, String reason, boolean writes) {
        this.actor = actor;
        this.reason = reason;
        this.writes = writes;
    }

    /**
     * Read-only access by {@code actor} (a person or a job) for {@code reason}.
     *
     * @throws IllegalArgumentException when either is null or blank: an operator call always says who and why
     */
    public static OperatorAccess of(String actor, String reason) {
        return new OperatorAccess(required(actor, "actor"), required(reason, "reason"), false);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("OperatorAccess needs a " + what + " (who works across tenants, and why),"
                    + " found " + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    /** The same access, opened for writes: DAO writes under a given tenant run, and are logged as writes. */
    public OperatorAccess allowingWrites() {
        return new OperatorAccess(actor, reason, true);
    }

    public String actor() {
        return actor;
    }

    public String reason() {
        return reason;
    }

    /** Whether writes are open. */
    public boolean writes() {
        return writes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OperatorAccess that && actor.equals(that.actor) && reason.equals(that.reason)
                && writes == that.writes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(actor, reason, writes);
    }

    @Override
    public String toString() {
        return "OperatorAccess[actor=" + actor + ", reason=" + reason + (writes ? ", writes" : ", read-only") + "]";
    }
}
