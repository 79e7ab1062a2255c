package dev.tenantdao.runtime;

import dev.tenantdao.runtime.internal.TenantScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenantdao.runtime.internal.Conversions;
import dev.tenantdao.runtime.internal.Jdbc;
import dev.tenantdao.runtime.internal.TenantKeys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every exception exposes the facts its message is built from, so callers never parse messages;
 * through the code that throws it where that needs no database (fakes stand in for the driver).
 */
class ExceptionFactsTest {

    private static final TenantScope NOTE = TenantScope.row("Note", false);

    enum Colour { RED }

    /** A value that cannot be serialized, to show that serializing an exception never fails on it. */
    record Opaque(Object value) {}

    /** Fails every conversion, both ways. */
    static final class FailingConverter implements Converter<String, String> {
        @Override
        public String toDatabase(String value) {
            throw new IllegalArgumentException("cannot write " + value);
        }

        @Override
        public String fromDatabase(String value) {
            throw new IllegalArgumentException("cannot read " + value);
        }
    }

    @Test
    void noTenantFromRequireTenant() {
        Database database = new Database(unreachable());
        NoTenantException e = assertThrows(NoTenantException.class, () -> database.requireTenant(NOTE));
        assertEquals("Note", e.entity());
    }

    @Test
    void unknownTenantFromAFixedRouting() {
        TenantRouting routing = TenantRouting.of(Map.of());
        UnknownTenantException e = assertThrows(UnknownTenantException.class, () -> routing.dataSourceFor("initech"));
        assertEquals("initech", e.tenant());
        assertEquals("No database is configured for tenant 'initech'", e.getMessage());
    }

    @Test
    void optimisticLockWithoutTheActualVersion() {
        OptimisticLockException e = new OptimisticLockException("Invoice", 7L, 3L);
        assertEquals("Invoice", e.entity());
        assertEquals(7L, e.id());
        assertEquals(3L, e.expectedVersion());
        assertNull(e.actualVersion());
        assertEquals("Invoice with id 7 was changed since version 3 was read; read it again and retry", e.getMessage());
    }

    @Test
    void optimisticLockWithTheActualVersion() {
        OptimisticLockException e = new OptimisticLockException("Invoice", 7L, 3L, 4L);
        assertEquals("Invoice", e.entity());
        assertEquals(7L, e.id());
        assertEquals(3L, e.expectedVersion());
        assertEquals(4L, e.actualVersion());
        assertEquals("Invoice with id 7 is at version 4, not 3: it was changed since it was read; read it again"
                + " and retry", e.getMessage());
    }

    @Test
    void conversionFailureWriting() {
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.toDatabase(
                new FailingConverter(), "x", "Product", "attributes", "attributes", 42L));
        assertEquals(ConversionException.Direction.WRITING, e.direction());
        assertEquals(FailingConverter.class.getName(), e.converter());
        assertEquals("Product", e.entity());
        assertEquals("attributes", e.field());
        assertEquals("attributes", e.column());
        assertEquals(42L, e.id());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("FailingConverter failed writing Product.attributes (column attributes, id 42): cannot write x",
                e.getMessage());
    }

    @Test
    void conversionFailureReadingWithoutAnId() {
        ConversionException e = assertThrows(ConversionException.class, () -> Conversions.fromDatabase(
                new FailingConverter(), "y", "Product", "price", "price_cents", null));
        assertEquals(ConversionException.Direction.READING, e.direction());
        assertEquals(FailingConverter.class.getName(), e.converter());
        assertEquals("Product", e.entity());
        assertEquals("price", e.field());
        assertEquals("price_cents", e.column());
        assertNull(e.id());
        assertEquals("FailingConverter failed reading Product.price (column price_cents): cannot read y",
                e.getMessage());
    }

    @Test
    void conversionMessageOnly() {
        ConversionException e = new ConversionException("failed", null);
        assertNull(e.direction());
        assertNull(e.converter());
        assertNull(e.entity());
        assertNull(e.field());
        assertNull(e.column());
        assertNull(e.id());
    }

    @Test
    void mappingNullIntoAPrimitive() {
        ResultSet nulls = resultSet(null);
        MappingException e = assertThrows(MappingException.class, () -> Jdbc.getLong(nulls, 1, "Sample", "count"));
        assertEquals("Sample", e.entity());
        assertEquals("count", e.column());
        assertEquals("Column count of Sample is NULL, but its field is a primitive long; make the field a box or the"
                + " column NOT NULL", e.getMessage());
        MappingException flag = assertThrows(MappingException.class, () -> Jdbc.getBoolean(nulls, 1, "Sample", "flag"));
        assertEquals("flag", flag.column());
        assertEquals("Sample", flag.entity());
    }

    @Test
    void mappingAnUnknownEnumConstant() {
        MappingException e = assertThrows(MappingException.class,
                () -> Jdbc.getEnum(resultSet("BLUE"), 1, Colour::valueOf, "Sample", "colour"));
        assertEquals("Sample", e.entity());
        assertEquals("colour", e.column());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertEquals("Column colour of Sample holds 'BLUE', which is not a constant of the field's enum",
                e.getMessage());
    }

    @Test
    void mappingMessageOnly() {
        assertNull(new MappingException("m").entity());
        assertNull(new MappingException("m").column());
        assertNull(new MappingException("m", new RuntimeException()).entity());
        assertNull(new MappingException("m", new RuntimeException()).column());
    }

    @Test
    void unknownSubtypeIsAMappingExceptionWithItsFacts() {
        UnknownSubtypeException e = new UnknownSubtypeException("Payment", "payment", "kind", "crypto", 9L);
        assertEquals("Payment", e.entity());
        assertEquals("payment", e.table());
        assertEquals("kind", e.column());
        assertEquals("crypto", e.value());
        assertEquals(9L, e.id());
        MappingException mapping = e;
        assertEquals("Payment", mapping.entity());
        assertEquals("kind", mapping.column());
        assertEquals("Unknown Payment subtype in table payment: kind = 'crypto' names no subtype of Payment"
                + " (row id = 9)", e.getMessage());
        assertNull(new UnknownSubtypeException("Payment", "payment", "kind", null, 9L).value());
    }

    @Test
    void rowNotFound() {
        RowNotFoundException e = new RowNotFoundException("Invoice", -5L);
        assertEquals("Invoice", e.entity());
        assertEquals(-5L, e.id());
    }

    @Test
    void mismatchWhenAnEntityCarriesAnotherTenant() {
        UUID current = UUID.randomUUID();
        UUID carried = UUID.randomUUID();
        TenantKeys.requireCurrent("Customer", current, current);
        TenantKeys.requireCurrent("Customer", current, null);
        TenantMismatchException e = assertThrows(TenantMismatchException.class,
                () -> TenantKeys.requireCurrent("Customer", current, carried));
        assertEquals(current.toString(), e.boundTenant());
        assertEquals(carried.toString(), e.requestedTenant());
        assertEquals("Customer", e.entity());
        assertEquals("The Customer belongs to tenant '" + carried + "', but the current tenant is '" + current
                + "'; a DAO never writes another tenant's rows", e.getMessage());
    }

    @Test
    void mismatchWhenTheTenantChangesInsideATransactionBlock() {
        Database database = new Database(unreachable());
        TenantMismatchException e = assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("a",
                () -> database.useTransaction(tx -> TenantContext.runAs("b", () -> database.useTransaction(inner -> {
                })))));
        assertEquals("a", e.boundTenant());
        assertEquals("b", e.requestedTenant());
        assertNull(e.entity(), "a transaction block names no entity");
        assertEquals("The current tenant changed inside a transaction bound to tenant 'a' (now 'b'); a transaction"
                + " belongs to one tenant", e.getMessage());
    }

    @Test
    void mismatchWhenADaoCallAsksForAnotherTenant() {
        Database database = new Database(unreachable());
        TenantMismatchException e = assertThrows(TenantMismatchException.class, () -> TenantContext.runAs("a",
                () -> database.useTransaction(tx -> Calls.withConnection(database, NOTE, "b", "Note.insert", null, (c, observed) -> null))));
        assertEquals("a", e.boundTenant());
        assertEquals("b", e.requestedTenant());
        assertEquals("Note", e.entity());
    }

    @Test
    void mismatchWhenATransactionWouldSpanTwoDatabases() {
        Database database = Database.builder(fake(null)).routing(tenant -> fake(null)).build();
        TenantMismatchException e = assertThrows(TenantMismatchException.class, () -> database.useTransaction(tx -> {
            Calls.withConnection(database, TenantScope.shared("Country"), null, "Country.findAll", null, (c, observed) -> null);
            Calls.withConnection(database, TenantScope.database("Document"), "acme", "Document.insert", null, (c, observed) -> null);
        }));
        assertEquals("acme", e.boundTenant());
        assertEquals("acme", e.requestedTenant());
        assertEquals("Document", e.entity());
        assertEquals("A transaction works on one database; Document is in another database than the work already"
                + " done in this transaction", e.getMessage());
    }

    @Test
    void mismatchMessageOnly() {
        TenantMismatchException e = new TenantMismatchException("m");
        assertNull(e.boundTenant());
        assertNull(e.requestedTenant());
        assertNull(e.entity());
    }

    @Test
    void invalidTenantIdsGiveTheRawId() {
        String withNul = "ac\u0000me";
        InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> TenantIds.check(withNul));
        assertEquals(withNul, e.tenant(), "as given, not escaped as in the message");
        assertNull(e.schema());
        assertEquals("Tenant id 'ac\\u0000me' contains a control character", e.getMessage());

        String tooLong = "x".repeat(TenantIds.MAX_LENGTH + 1);
        assertEquals(tooLong, assertThrows(InvalidTenantException.class, () -> TenantIds.check(tooLong)).tenant());

        Database resolving = new Database(unreachable(), () -> Optional.of(" acme"));
        InvalidTenantException resolved = assertThrows(InvalidTenantException.class,
                () -> resolving.requireTenant(NOTE));
        assertEquals(" acme", resolved.tenant());
        assertNull(resolved.schema());
        assertEquals("Tenant id ' acme' starts or ends with white space", resolved.getMessage());
    }

    @Test
    void invalidTenantForTheTenantColumnsType() {
        InvalidTenantException uuid = assertThrows(InvalidTenantException.class, () -> TenantKeys.uuid("acme"));
        assertEquals("acme", uuid.tenant());
        assertNull(uuid.schema());
        assertInstanceOf(IllegalArgumentException.class, uuid.getCause());

        InvalidTenantException bigint = assertThrows(InvalidTenantException.class, () -> TenantKeys.bigint("acme"));
        assertEquals("acme", bigint.tenant());
        assertNull(bigint.schema());

        InvalidTenantException none = assertThrows(InvalidTenantException.class, () -> TenantKeys.bigint(null));
        assertNull(none.tenant());
    }

    @Test
    void invalidTenantForItsSchemaGivesTheSchema() {
        Database upperCase = Database.builder(unreachable()).schemaMapping(tenant -> "T_" + tenant).build();
        InvalidTenantException e = assertThrows(InvalidTenantException.class, () -> upperCase.schemaOf("acme"));
        assertEquals("acme", e.tenant());
        assertEquals("T_acme", e.schema());
        assertEquals("Tenant id 'acme' maps to schema name 'T_acme', which is not a lower-case SQL identifier of at"
                + " most 63 characters", e.getMessage());

        Database system = Database.builder(unreachable()).schemaMapping(tenant -> "pg_" + tenant).build();
        InvalidTenantException pg = assertThrows(InvalidTenantException.class, () -> system.schemaOf("acme"));
        assertEquals("acme", pg.tenant());
        assertEquals("pg_acme", pg.schema());

        Database shared = Database.builder(unreachable()).sharedSchema("app").schemaMapping(tenant -> "app").build();
        InvalidTenantException app = assertThrows(InvalidTenantException.class, () -> shared.schemaOf("acme"));
        assertEquals("acme", app.tenant());
        assertEquals("app", app.schema());

        Database nulls = Database.builder(unreachable()).schemaMapping(tenant -> null).build();
        InvalidTenantException none = assertThrows(InvalidTenantException.class, () -> nulls.schemaOf("acme"));
        assertEquals("acme", none.tenant());
        assertNull(none.schema());
    }

    @Test
    void invalidTenantMessageOnly() {
        InvalidTenantException e = new InvalidTenantException("m", null);
        assertNull(e.tenant());
        assertNull(e.schema());
    }

    @Test
    void dataAccessNamesTheOperation() {
        SQLException driver = new SQLException("duplicate key", "23505");
        Database database = new Database(fake(null));
        DataAccessException e = assertThrows(DataAccessException.class,
                () -> Calls.withConnection(database, NOTE, "acme", "Note.insert", null, (c, observed) -> {
                    throw driver;
                }));
        assertEquals("Note.insert", e.operation());
        assertEquals("23505", e.sqlState());
        assertSame(driver, e.getCause());
        assertEquals("Note.insert failed: duplicate key", e.getMessage());

        DataAccessException atomically = assertThrows(DataAccessException.class,
                () -> Calls.atomically(database, NOTE, null, "Note.insertAll", null, (c, observed) -> {
                    throw driver;
                }));
        assertEquals("Note.insertAll", atomically.operation());
        assertEquals("Note.insertAll failed: duplicate key", atomically.getMessage());
    }

    @Test
    void dataAccessOfTheRuntimesOwnWork() {
        DataAccessException schemaCreate = assertThrows(DataAccessException.class,
                () -> Schema.create(unreachable()));
        assertEquals("Schema.create", schemaCreate.operation());
        assertEquals("08001", schemaCreate.sqlState());
        assertEquals("Cannot create the tables: no database here", schemaCreate.getMessage());

        Database lookup = Database.builder(unreachable()).build();
        DataAccessException shared = assertThrows(DataAccessException.class, () -> lookup.schemaOf("acme"));
        assertEquals("Database.schemaOf", shared.operation());

        Database database = new Database(unreachable());
        DataAccessException begin = assertThrows(DataAccessException.class,
                () -> database.useTransaction(Transaction::connection));
        assertEquals("Transaction.connection", begin.operation());
        assertEquals("Cannot begin a transaction: no database here", begin.getMessage());

        Database failingCommit = new Database(fake("commit"));
        DataAccessException commit = assertThrows(DataAccessException.class,
                () -> failingCommit.useTransaction(Transaction::connection));
        assertEquals("Transaction.commit", commit.operation());
        assertEquals("Commit failed: commit refused", commit.getMessage());
    }

    @Test
    void dataAccessMessageOnly() {
        DataAccessException e = new DataAccessException("Something failed", new SQLException("why", "42P01"));
        assertNull(e.operation());
        assertEquals("42P01", e.sqlState());
        assertEquals("Something failed: why", e.getMessage());
    }

    @Test
    void objectValuedFactsDoNotStopSerialization() throws Exception {
        Opaque id = new Opaque(new Object());
        OptimisticLockException lock = roundTrip(new OptimisticLockException("Invoice", id, id, id));
        assertEquals("Invoice", lock.entity());
        assertNull(lock.id());
        ConversionException conversion = roundTrip(new ConversionException(
                ConversionException.Direction.READING, FailingConverter.class, "Product", "price", "price", id, null));
        assertEquals("price", conversion.field());
        assertEquals(ConversionException.Direction.READING, conversion.direction());
        assertNull(conversion.id());
        UnknownSubtypeException subtype = roundTrip(new UnknownSubtypeException("P", "p", "kind", "x", id));
        assertEquals("kind", subtype.column());
        InvalidTenantException invalid = roundTrip(new InvalidTenantException("acme", "T_acme", "m", null));
        assertEquals("T_acme", invalid.schema());
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T roundTrip(T exception) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(exception);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    /** A data source whose every connection attempt fails (SQLSTATE 08001). */
    private static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> throw new SQLException("no database here", "08001");
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> null;
                });
    }

    /**
     * A data source of connections that do nothing (methods return null, false or 0), except that
     * {@code failing} (a method name, or null) throws.
     */
    private static DataSource fake(String failing) {
        Connection connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals(failing)) {
                        throw new SQLException(failing + " refused", "40001");
                    }
                    return defaultValue(method.getReturnType());
                });
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection;
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> null;
                });
    }

    /** A one-column result whose every getter reads {@code value} (null: SQL NULL). */
    private static ResultSet resultSet(String value) {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getString" -> value;
                    case "wasNull" -> value == null;
                    default -> defaultValue(method.getReturnType());
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == float.class) {
            return 0.0f;
        }
        return null;
    }
}
