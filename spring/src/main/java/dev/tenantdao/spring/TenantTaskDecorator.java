package dev.tenantdao.spring;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.util.Optional;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's tenant ({@link TenantContext}, with its vendor or tenant-wide
 * switch) and audit actor ({@link AuditContext})
 * into tasks run on another thread ({@code @Async}, a {@code ThreadPoolTaskExecutor}), and nothing
 * else: a task submitted without a tenant runs without one (its tenanted DAO calls throw
 * {@code NoTenantException}), never with a pooled thread's leftover. Spring Boot applies a single
 * {@code TaskDecorator} bean to its auto-configured executors.
 */
public final class TenantTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        TenantContext.Snapshot scope = TenantContext.capture();
        Optional<String> actor = AuditContext.current();
        if (scope.tenant().isEmpty()) {
            return actor.<Runnable>map(a -> () -> AuditContext.runAs(a, task::run)).orElse(task);
        }
        return actor.<Runnable>map(a -> () -> scope.run(() -> AuditContext.runAs(a, task::run)))
                .orElse(() -> scope.run(task::run));
    }
}
