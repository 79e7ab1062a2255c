package dev.tenantdao.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * One statement (or one batch) a generated DAO or repository method sent, as a
 * {@link StatementListener} sees it when it is over.
 *
 * @param operation the method, as {@code Entity.method} or {@code Repository.method} ({@code Invoice.findById},
 *     {@code Invoices.findOverdue})
 * @param entity the entity's simple name
 * @param tenant the tenant it ran for; null for a shared entity
 * @param strategy how the entity is tenanted: {@code ROW}, {@code SCHEMA}, {@code DATABASE}, or {@code SHARED}
 * @param sql the statement's text, with {@code ?} for every value (never the values)
 * @param duration from before the statement was prepared to after its results were read
 * @param rows rows returned or changed; -1 when not known (a failure, a stream closed before its last row)
 * @param outcome success or failure
 * @param sqlState the SQL state of a failure reported by the database, else null
 * @param vendor the vendor it ran for, for a {@code @VendorScoped} entity inside
 *     {@code TenantContext.runAsVendor}; else null
 * @param tenantWide whether it ran for a vendor-scoped entity across all vendors of the tenant,
 *     inside {@code TenantContext.runTenantWide}
 */
public record StatementEvent(String operation, String entity, String tenant, String strategy, String sql, Duration duration,
        long rows, Outcome outcome, String sqlState, String vendor, boolean tenantWide) {

    /** A statement of an entity that is not vendor-scoped. */
    public StatementEvent(String operation, String entity, String tenant, String strategy, String sql, Duration duration,
            long rows, Outcome outcome, String sqlState) {
        this(operation, entity, tenant, strategy, sql, duration, rows, outcome, sqlState, null, false);
    }

    public enum Outcome { SUCCESS, FAILURE }

    public StatementEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
