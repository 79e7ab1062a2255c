package dev.tenantdao.flyway;

import java.time.Duration;
import java.util.List;

/** Every tenant's outcome of one {@link TenantMigrations#migrateTenants} run, in the order given. */
public record TenantMigrationReport(List<TenantOutcome> outcomes, Duration duration) {

    public TenantMigrationReport {
        outcomes = List.copyOf(outcomes);
    }

    public List<TenantOutcome> failed() {
        return outcomes.stream().filter(TenantOutcome::failed).toList();
    }

    public boolean succeeded() {
        return failed().isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(outcomes.size() + " tenants in " + duration.toMillis() + " ms, "
                + failed().size() + " failed");
        for (TenantOutcome outcome : failed()) {
            text.append("\n  ").append(outcome.tenant()).append(" (left at version ").append(outcome.fromVersion())
                    .append("): ").append(outcome.error());
        }
        return text.toString();
    }
}
