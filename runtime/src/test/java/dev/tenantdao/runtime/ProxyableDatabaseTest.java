package dev.tenantdao.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.internal.DaoSupport;
import dev.tenantdao.runtime.internal.TenantScope;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Database} can be proxied by a container (CDI's client proxy of an {@code @ApplicationScoped}
 * producer): not final, no final public method, a protected no-argument constructor; generated code
 * given a proxy works on the instance it stands for, and a stray instance of the no-argument
 * constructor fails with a message before any SQL.
 */
class ProxyableDatabaseTest {

    private static RecordingDataSource dataSource;
    private static Database real;

    @BeforeAll
    static void schema() {
        dataSource = new RecordingDataSource(Postgres.shared().freshSchema("runtime_proxyable"));
        real = new Database(dataSource);
    }

    /** What a container's client proxy does: every non-private method forwarded to the real instance. */
    static final class ClientProxy extends Database {
        @Override
        protected Database self() {
            return real.self();
        }

        @Override
        public Optional<String> currentTenant() {
            return real.currentTenant();
        }

        @Override
        public <T, X extends Exception> T inTransaction(TransactionCallback<T, X> work) throws X {
            return real.inTransaction(work);
        }
    }

    @Test
    void proxyableAsCdiRequires() throws Exception {
        assertFalse(Modifier.isFinal(Database.class.getModifiers()));
        for (Method method : Database.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
                assertFalse(Modifier.isFinal(method.getModifiers()), method.toString());
            }
        }
        assertTrue(Modifier.isProtected(Database.class.getDeclaredConstructor().getModifiers()));
    }

    @Test
    void generatedCodeGivenAProxyWorksOnTheRealDatabase() {
        DaoSupport support = new DaoSupport(new ClientProxy(), TenantScope.row("Note", true));
        dataSource.reset();
        String seen = TenantContext.callAs("acme", () -> Calls.withConnection(support, support.requireTenant(), "Note.test",
                null, (connection, observed) -> {
                    try (ResultSet rows = connection.createStatement().executeQuery("SELECT current_schema()")) {
                        rows.next();
                        return rows.getString(1);
                    }
                }));
        assertEquals("runtime_proxyable", seen, "a connection of the real database's data source");
        assertEquals(1, dataSource.connectionCount());
        assertThrows(NoTenantException.class, support::requireTenant);
        assertEquals(1, dataSource.connectionCount());
    }

    @Test
    void aDatabaseOfTheNoArgumentConstructorThatForwardsNothingFailsWhereTheDaoIsBuilt() {
        dataSource.reset();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DaoSupport(new Database() {}, TenantScope.row("Note", true)));
        assertEquals("This Database was made by its no-argument constructor, which is for the proxies of"
                + " dependency-injection containers only, and it does not forward self() to a Database made with a"
                + " DataSource: build one with new Database(dataSource) or Database.builder(dataSource)", e.getMessage());
        assertEquals(0, dataSource.connectionCount());
    }
}
