package dev.tenantdao.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenantdao.runtime.AuditContext;
import dev.tenantdao.runtime.TenantContext;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A task (as Spring's executors decorate it) runs with the tenant and actor of the thread that submitted it, and with nothing left over. */
class TenantTaskDecoratorTest {

    private static final TenantTaskDecorator DECORATOR = new TenantTaskDecorator();
    private static ExecutorService executor;

    @BeforeAll
    static void executor() {
        executor = Executors.newSingleThreadExecutor();     // one thread: a leftover from an earlier task would show
    }

    @AfterAll
    static void shutdown() {
        executor.shutdown();
    }

    private static String seen() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        executor.execute(DECORATOR.decorate(
                () -> seen.complete(TenantContext.current().orElse("-") + "/" + AuditContext.current().orElse("-"))));
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSubmittersTenantAndActorAndNothingElse() throws Exception {
        assertEquals("acme/alice", TenantContext.callAs("acme", "alice", TenantTaskDecoratorTest::seen));
        assertEquals("globex/-", TenantContext.callAs("globex", TenantTaskDecoratorTest::seen));
        assertEquals("-/bob", AuditContext.callAs("bob", TenantTaskDecoratorTest::seen));
        assertEquals("-/-", seen(), "the pooled thread keeps nothing of earlier tasks");
        assertEquals(Optional.empty(), TenantContext.current());
    }

    private static String scope() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        executor.execute(DECORATOR.decorate(() -> seen.complete(TenantContext.current().orElse("-") + "/"
                + TenantContext.currentVendor().orElse("-") + "/" + TenantContext.isTenantWide() + "/"
                + AuditContext.current().orElse("-"))));
        return seen.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSubmittersVendorOrTenantWideSwitchToo() throws Exception {
        assertEquals("acme/north/false/-", TenantContext.callAsVendor("acme", "north", TenantTaskDecoratorTest::scope));
        assertEquals("acme/north/false/alice", TenantContext.callAsVendor("acme", "north",
                () -> AuditContext.callAs("alice", TenantTaskDecoratorTest::scope)));
        assertEquals("acme/-/true/-", TenantContext.callTenantWide("acme", TenantTaskDecoratorTest::scope));
        assertEquals("acme/-/false/-", TenantContext.callAsVendor("acme", "north",
                () -> TenantContext.callAs("acme", TenantTaskDecoratorTest::scope)), "a plain tenant block has no vendor");
        assertEquals("-/-/false/-", scope(), "the pooled thread keeps nothing of earlier tasks");
    }
}
