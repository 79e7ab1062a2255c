package dev.tenantdao.spring;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.util.Optional;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the submitting thread's tenant ({@link TenantContext}), with its vendor or tenant-wide
 * switch when it has one, and audit actor ({@link AuditContext}) into tasks run on another thread ({@code @Async}, a {@code ThreadPoolTaskExecutor}), and nothing
 * else: a task submitted without a tenant runs without one (its tenanted DAO calls throw
 * {@code NoTenantException}), never with a pooled thread's leftover. Spring Boot applies a single
 * {@code TaskDecorator} bean to its auto-configured executors.
 */
public final class TenantTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        Optional<String> tenant = TenantContext.current();
        Optional<String> actor = AuditContext.current();
        if (tenant.isEmpty()) {
            return actor.<Runnable>map(a -> () -> AuditContext.runAs(a, task::run)).orElse(task);
        }
        Runnable withActor = actor.<Runnable>map(a -> () -> AuditContext.runAs(a, task::run)).orElse(task);
        Optional<String> vendor = TenantContext.currentVendor();
        if (vendor.isPresent()) {
            return () -> TenantContext.runAsVendor(tenant.get(), vendor.get(), withActor::run);
        }
        if (TenantContext.isTenantWide()) {
            return () -> TenantContext.runTenantWide(tenant.get(), withActor::run);
        }
        return () -> TenantContext.runAs(tenant.get(), withActor::run);
    }
}
