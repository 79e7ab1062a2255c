package dev.tenantdao.spring.boot.actuate;

import dev.tenantdao.runtime.TenantCosts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.jspecify.annotations.Nullable;

/**
 * The actuator endpoint {@code tenantdao-tenants} ({@code GET /actuator/tenantdao-tenants?top=10}):
 * the per-tenant cost report of {@link TenantCosts}, the tenants that sent the most statements, took
 * the most time and read or changed the most rows in its window. Times in milliseconds.
 */
@Endpoint(id = "tenantdao-tenants")
public class TenantCostsEndpoint {

    /** How many tenants each ranking lists when the request does not say. */
    public static final int DEFAULT_TOP = 10;

    private final TenantCosts costs;

    public TenantCostsEndpoint(TenantCosts costs) {
        this.costs = Objects.requireNonNull(costs, "costs");
    }

    @ReadOperation
    public Map<String, Object> tenants(@Nullable Integer top) {
        TenantCosts.Report report = costs.report(top == null ? DEFAULT_TOP : top);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.from().toString());
        body.put("to", report.to().toString());
        body.put("byStatements", rows(report.byStatements()));
        body.put("byTime", rows(report.byTime()));
        body.put("byRows", rows(report.byRows()));
        body.put("others", row(report.others()));
        return body;
    }

    private static List<Map<String, Object>> rows(List<TenantCosts.TenantCost> costs) {
        return costs.stream().map(TenantCostsEndpoint::row).toList();
    }

    private static Map<String, Object> row(TenantCosts.TenantCost cost) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("tenant", cost.tenant());
        row.put("statements", cost.statements());
        row.put("timeMillis", cost.time().toNanos() / 1e6);
        row.put("rows", cost.rows());
        return row;
    }
}
