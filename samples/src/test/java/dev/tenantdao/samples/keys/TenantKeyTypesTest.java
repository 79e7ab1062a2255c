package dev.tenantdao.samples.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.InvalidTenantException;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import dev.tenantdao.runtime.Schema;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** uuid and bigint tenant columns, a database-generated UUID id, and tenant ids of the wrong shape. */
class TenantKeyTypesTest {

    private static RecordingDataSource dataSource;
    private static ProjectDao projects;
    private static TicketDao tickets;

    @BeforeAll
    static void schema() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("tenant_key_types"));
        Schema.create(dataSource, Project.class, Ticket.class);
        Database database = new Database(dataSource);
        projects = new ProjectDao(database);
        tickets = new TicketDao(database);
    }

    @Test
    void uuidTenantColumnAndGeneratedUuidId() {
        String org = UUID.randomUUID().toString();
        Project inserted = TenantContext.callAs(org, () -> projects.insert(new Project(null, null, "Apollo")));
        assertNotNull(inserted.id());
        assertEquals(UUID.fromString(org), inserted.organizationId());
        assertEquals(Optional.of(inserted), TenantContext.callAs(org, () -> projects.findById(inserted.id())));
        assertEquals(Optional.empty(),
                TenantContext.callAs(UUID.randomUUID().toString(), () -> projects.findById(inserted.id())));
    }

    @Test
    void bigintTenantColumn() {
        Ticket ticket = TenantContext.callAs("42", () -> tickets.insert(new Ticket(null, "Printer on fire")));
        assertEquals(List.of(ticket), TenantContext.callAs("42", () -> tickets.findAll(10, 0)));
        assertEquals(0, TenantContext.callAs("43", tickets::count));
    }

    @Test
    void tenantIdOfTheWrongShapeIsRejectedBeforeSql() {
        dataSource.reset();
        InvalidTenantException notUuid = assertThrows(InvalidTenantException.class,
                () -> TenantContext.callAs("acme", projects::count));
        assertTrue(notUuid.getMessage().contains("'acme' is not a UUID"), notUuid.getMessage());
        assertThrows(InvalidTenantException.class, () -> TenantContext.callAs("acme", tickets::count));
        assertEquals(0, dataSource.connectionCount());
    }

    @Test
    void rowLevelSecurityCanBeTurnedOff() {
        assertTrue(Schema.ddl(Project.class).contains("FORCE ROW LEVEL SECURITY"));
        // (the test sources are compiled with -Atenantdao.operatorRole: the operators' access log has row-level security)
        assertTrue(Schema.ddl(Ticket.class).lines().noneMatch(line -> line.contains("ROW LEVEL SECURITY")
                && !line.contains("tenantdao_operator_access")), Schema.ddl(Ticket.class));
        dataSource.reset();
        TenantContext.callAs("7", tickets::count);
        assertEquals(List.of(TicketDao.COUNT), dataSource.statements(), "no set_config, no transaction of its own");
        dataSource.reset();
        TenantContext.callAs(UUID.randomUUID().toString(), projects::count);
        assertEquals(List.of(dev.tenantdao.runtime.internal.Jdbc.forSession(ProjectDao.COUNT)), dataSource.statements(),
                "the tenant setting travels with the statement (outside a transaction, for the session, cleared after)");
        assertTrue(ProjectDao.COUNT.startsWith("SELECT set_config('tenantdao.tenant', ?, true); SELECT count(*)"),
                ProjectDao.COUNT);
    }
}
