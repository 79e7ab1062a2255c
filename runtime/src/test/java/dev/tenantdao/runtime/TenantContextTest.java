package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class TenantContextTest {

    @Test
    void noTenantOutsideABlock() {
        assertEquals(Optional.empty(), TenantContext.current());
    }

    @Test
    void nestedBlocksRestoreTheOuterTenant() {
        TenantContext.runAs("outer", () -> {
            assertEquals(Optional.of("outer"), TenantContext.current());
            String inner = TenantContext.callAs("inner", () -> TenantContext.current().orElseThrow());
            assertEquals("inner", inner);
            assertEquals(Optional.of("outer"), TenantContext.current());
        });
        assertEquals(Optional.empty(), TenantContext.current());
    }

    @Test
    void tenantIsRestoredWhenTheBlockThrows() {
        IOException failure = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> TenantContext.runAs("outer", () ->
                TenantContext.runAs("inner", () -> {
                    throw failure;
                })));
        assertEquals(failure, thrown, "checked exceptions pass through unchanged");
        assertEquals(Optional.empty(), TenantContext.current());
    }

    @Test
    void blankOrNullTenantIsRejected() {
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs(" ", () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs("a\u0000b", () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs("x".repeat(129), () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs(" acme", () -> { }));
        // "t1\uD83D" and "t1\uDFFF" would both reach PostgreSQL as "t1?": one tenant for two ids
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs("t1\uD83D", () -> { }));
        assertThrows(InvalidTenantException.class, () -> TenantContext.runAs("t1\uDFFF", () -> { }));
        TenantContext.runAs("t1\uD83D\uDE80", () -> { });       // a paired surrogate (an emoji) is fine
        assertThrows(NullPointerException.class, () -> TenantContext.runAs(null, () -> { }));
    }

    @Test
    void explicitBlockWinsOverTheResolver() {
        Database database = new Database(unusedDataSource(), () -> Optional.of("from-request"));
        assertEquals(Optional.of("from-request"), database.currentTenant());
        assertEquals("from-request", database.requireTenant(TenantScope.row("Invoice", true)));
        assertEquals(Optional.of("admin-job"), TenantContext.callAs("admin-job", database::currentTenant));
    }

    @Test
    void missingTenantNamesTheEntity() {
        Database database = new Database(unusedDataSource());
        NoTenantException e = assertThrows(NoTenantException.class, () -> database.requireTenant(TenantScope.row("Invoice", true)));
        assertEquals("No current tenant for tenanted entity Invoice: run the call inside"
                + " TenantContext.runAs(tenant, ...) or configure a TenantResolver", e.getMessage());
        Database blankResolver = new Database(unusedDataSource(), () -> Optional.of(""));
        assertThrows(InvalidTenantException.class,
                () -> blankResolver.requireTenant(TenantScope.row("Invoice", true)));
    }

    @Test
    void tenantAndActorInOneBlock() {
        String seen = TenantContext.callAs("acme", "alice@acme",
                () -> TenantContext.current().orElseThrow() + "/" + AuditContext.actor());
        assertEquals("acme/alice@acme", seen);
        TenantContext.runAs("globex", "bob@globex", () -> {
            assertEquals(Optional.of("globex"), TenantContext.current());
            assertEquals(Optional.of("bob@globex"), AuditContext.current());
        });
        assertEquals(Optional.empty(), TenantContext.current());
        assertEquals(Optional.empty(), AuditContext.current());
    }

    @Test
    void nestedTenantAndActorBlocksRestoreBothOuterValues() {
        TenantContext.runAs("outer", "olga", () -> {
            TenantContext.runAs("inner", "ivan", () -> {
                assertEquals(Optional.of("inner"), TenantContext.current());
                assertEquals(Optional.of("ivan"), AuditContext.current());
                TenantContext.runAs("acme", () -> assertEquals(Optional.of("ivan"), AuditContext.current(),
                        "a tenant-only block keeps the actor"));
                AuditContext.runAs("alice", () -> assertEquals(Optional.of("inner"), TenantContext.current(),
                        "an actor-only block keeps the tenant"));
            });
            assertEquals(Optional.of("outer"), TenantContext.current());
            assertEquals(Optional.of("olga"), AuditContext.current());
        });
        assertEquals(Optional.empty(), TenantContext.current());
        assertEquals(Optional.empty(), AuditContext.current());
    }

    @Test
    void tenantAndActorAreRestoredWhenTheBlockThrows() {
        IOException failure = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> TenantContext.runAs("outer", "olga", () ->
                TenantContext.callAs("inner", "ivan", () -> {
                    throw failure;
                })));
        assertEquals(failure, thrown, "checked exceptions pass through unchanged");
        assertEquals(Optional.empty(), TenantContext.current());
        assertEquals(Optional.empty(), AuditContext.current());
        TenantContext.runAs("outer", "olga", () -> {
            assertThrows(IllegalStateException.class, () -> TenantContext.runAs("inner", "ivan", () -> {
                throw new IllegalStateException("unchecked");
            }));
            assertEquals(Optional.of("outer"), TenantContext.current());
            assertEquals(Optional.of("olga"), AuditContext.current());
        });
    }

    @Test
    void anInvalidTenantOrANullActorChangesNothing() {
        AuditContext.runAs("olga", () -> {
            assertThrows(InvalidTenantException.class, () -> TenantContext.runAs(" ", "ivan", () -> {
                throw new AssertionError("must not run");
            }));
            assertEquals(Optional.of("olga"), AuditContext.current());
        });
        TenantContext.runAs("outer", () -> {
            assertThrows(NullPointerException.class, () -> TenantContext.callAs("inner", null, () -> {
                throw new AssertionError("must not run");
            }));
            assertEquals(Optional.of("outer"), TenantContext.current());
        });
        assertEquals(Optional.empty(), AuditContext.current());
    }

    private static DataSource unusedDataSource() {
        return new org.postgresql.ds.PGSimpleDataSource();
    }
}
