package dev.tenantdao.flyway;

import java.time.Duration;

/**
 * What a run did for one tenant: its schema or database migrated from {@code fromVersion} to
 * {@code toVersion} ({@code migrationsRun} migrations), already up to date, or failed and left at
 * {@code fromVersion} (each migration runs in a transaction of its own: PostgreSQL undoes a failed
 * one whole), with the error.
 */
public record TenantOutcome(String tenant, Status status, String fromVersion, String toVersion, int migrationsRun,
        Duration duration, String error) {

    public enum Status { MIGRATED, UP_TO_DATE, FAILED }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
