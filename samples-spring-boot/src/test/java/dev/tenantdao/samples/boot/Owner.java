package dev.tenantdao.samples.boot;

import dev.tenantdao.testkit.Postgres;
import org.springframework.jdbc.core.JdbcTemplate;

/** What is in a test's schema, read as the owner (no row-level security applies to the check itself). */
final class Owner {

    private final JdbcTemplate jdbc;

    Owner(String schema) {
        this.jdbc = new JdbcTemplate(Postgres.shared().freshSchemaDataSource(schema));
    }

    /** The rows of {@code table} that belong to {@code tenant}. */
    long rows(String table, String tenant) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", Long.class, tenant);
        return n == null ? -1 : n;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }
}
