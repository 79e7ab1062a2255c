package dev.tenantdao.samples.invoicing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.NoTenantException;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.samples.TestSchemas;
import dev.tenantdao.samples.keys.Project;
import dev.tenantdao.samples.keys.ProjectDao;
import dev.tenantdao.samples.keys.Ticket;
import dev.tenantdao.samples.keys.TicketDao;
import dev.tenantdao.testkit.RecordingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every public method of every generated tenanted DAO, found by reflection (not hand-picked),
 * throws {@link NoTenantException} when there is no current tenant, and takes no connection: no
 * SQL can have been sent, so no query ever runs over all tenants.
 */
class NoTenantTest {

    private static RecordingDataSource dataSource;
    private static Database database;

    @BeforeAll
    static void schema() {
        dataSource = TestSchemas.invoicing("no_tenant", Project.class, Ticket.class);
        database = new Database(dataSource);
    }

    @TestFactory
    Stream<DynamicTest> everyPublicMethodThrowsBeforeSql() {
        List<Object> daos = List.of(new InvoiceDao(database), new CustomerDao(database), new InvoiceLineDao(database),
                new ProjectDao(database), new TicketDao(database));
        List<DynamicTest> tests = new ArrayList<>();
        for (Object dao : daos) {
            Method[] methods = dao.getClass().getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::toString));
            for (Method method : methods) {
                if (!Modifier.isPublic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(dao.getClass().getSimpleName() + "." + method.getName()
                        + Arrays.toString(method.getParameterTypes()), () -> assertThrowsBeforeSql(dao, method)));
            }
        }
        assertEquals(5 * 10 + 1 + 6 + 2 * 4, tests.size(), "10 public methods per DAO, InvoiceLineDao.upsert, the 6"
                + " history queries of InvoiceDao and the 4 reads across tenants of ProjectDao and TicketDao (test sources,"
                + " compiled with -Atenantdao.operatorRole): " + tests);
        return tests.stream();
    }

    private static void assertThrowsBeforeSql(Object dao, Method method) throws IllegalAccessException {
        dataSource.reset();
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(NoTenantTest::sample).toArray();
        try {
            method.invoke(dao, arguments);
            throw new AssertionError(method + " returned without a tenant");
        } catch (InvocationTargetException e) {
            // a read of every tenant's rows needs no tenant: it is refused outside an operator's block instead
            Class<? extends RuntimeException> expected = method.getName().contains("AcrossTenants")
                    ? OperatorAccessException.class : NoTenantException.class;
            assertInstanceOf(expected, e.getCause(), () -> method + " threw " + e.getCause());
        }
        assertEquals(0, dataSource.connectionCount(), () -> method + " took a connection");
        assertTrue(dataSource.statements().isEmpty(), () -> method + " sent " + dataSource.statements());
        assertFalse(database.currentTenant().isPresent());
    }

    /** A plausible, non-null argument of {@code type}, so only the missing tenant can fail the call. */
    private static Object sample(Class<?> type) {
        if (type == Invoice.class) {
            return new Invoice(1L, 1, "X", InvoiceStatus.DRAFT, "EUR", BigDecimal.ONE, null, null);
        } else if (type == Customer.class) {
            Customer customer = new Customer("x", null);
            customer.setId(1L);
            return customer;
        } else if (type == InvoiceLine.class) {
            return InvoiceLine.of(1, 1, "x", 1, BigDecimal.ONE);
        } else if (type == Project.class) {
            return new Project(UUID.randomUUID(), null, "x");
        } else if (type == Ticket.class) {
            return new Ticket(1L, "x");
        } else if (type == String.class) {
            return "acme";
        } else if (type == List.class) {
            return List.of();
        } else if (type == Long.class || type == long.class) {
            return 1L;
        } else if (type == int.class) {
            return 10;
        } else if (type == UUID.class) {
            return UUID.randomUUID();
        } else if (type == java.time.Instant.class) {
            return java.time.Instant.now();
        }
        throw new AssertionError("no sample for " + type);
    }
}
