package dev.tenantdao.samples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.OperatorAccess;
import dev.tenantdao.runtime.OperatorAccessException;
import dev.tenantdao.runtime.Schema;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.runtime.TenantRow;
import dev.tenantdao.samples.claims.AirfareClaim;
import dev.tenantdao.samples.claims.Claim;
import dev.tenantdao.samples.claims.ClaimDao;
import dev.tenantdao.samples.claims.EquipmentClaim;
import dev.tenantdao.samples.claims.MileageClaim;
import dev.tenantdao.samples.claims.MileageClaimDao;
import dev.tenantdao.samples.claims.TravelClaim;
import dev.tenantdao.samples.claims.TravelClaimDao;
import dev.tenantdao.samples.softdelete.Asset;
import dev.tenantdao.samples.softdelete.AssetDao;
import dev.tenantdao.samples.softdelete.Asset_LaptopDao;
import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.RecordingDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The four reads across tenants on the DAOs of a hierarchy's subtypes and intermediate levels: each restricted
 * to its discriminator values, each row read as its subtype, each call logged with the tenants whose rows it
 * returned. On PostgreSQL under row-level security, as roles that are no superuser and own nothing (an
 * operator's login, a member of {@code op_samples_operator}, and the application's). The entities are audited,
 * so each test uses tenants of its own instead of truncating.
 */
class OperatorSubtypeReadsTest {

    private static final String SCHEMA = "operator_subtype_reads";
    private static final String OPERATORS = "op_samples_operator";
    private static final String SUFFIX = "_" + ProcessHandle.current().pid();
    private static final String APP = "ops_app" + SUFFIX;
    private static final String LOGIN = "ops_login" + SUFFIX;
    private static final OperatorAccess SUPPORT = OperatorAccess.of("ann@support", "ticket 19");

    private static DataSource app;
    private static RecordingDataSource operatorLogin;
    private static Database database;
    private static long logSeen;

    @BeforeAll
    static void schema() throws SQLException {
        Postgres server = Postgres.shared();
        DataSource admin = server.freshSchema(SCHEMA);
        Schema.create(admin, Asset.class, Claim.class);
        app = server.applicationRole(APP, SCHEMA);
        DataSource login = server.applicationRole(LOGIN, SCHEMA);
        execute(admin, "GRANT " + OPERATORS + " TO " + LOGIN);
        operatorLogin = new RecordingDataSource(login);
        database = Database.builder(app).operatorDataSource(operatorLogin).build();
    }

    @AfterAll
    static void drop() throws SQLException {
        Postgres.shared().dropSchema(SCHEMA);
        for (String role : List.of(APP, LOGIN)) {
            execute(Postgres.shared().dataSource(), "DO $$ BEGIN IF EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role
                    + "') THEN EXECUTE 'DROP OWNED BY " + role + "'; EXECUTE 'DROP ROLE " + role + "'; END IF; END $$");
        }
    }

    @BeforeEach
    void logSoFar() throws SQLException {
        log();
    }

    @Test
    void aSubtypesDaoReadsEveryTenantsRowsOfItsSubtypeOnly() throws SQLException {
        // Asset: joined, audited, soft-deleted, ids assigned (laptop 1 in both tenants)
        AssetDao assets = new AssetDao(database);
        Asset_LaptopDao laptops = new Asset_LaptopDao(database);
        TenantContext.runAs("sub-acme", () -> {
            assets.insert(new Asset.Laptop(1, "ann", "x1"));
            assets.insert(new Asset.Phone(2, "bob", "555"));
            assets.insert(new Asset.Laptop(4, "cid", "x2"));
            assets.deleteById(4);
        });
        TenantContext.runAs("sub-globex", () -> {
            assets.insert(new Asset.Laptop(1, "dee", "z9"));
            assets.insert(new Asset.Laptop(3, "eve", "z8"));
            assets.insert(new Asset.Phone(5, "fay", "777"));
        });
        List<List<String>> read = database.asOperator(SUPPORT, tx -> List.of(
                laptops(laptops.findAllAcrossTenants(10, 0)),
                laptops(laptops.findAllAcrossTenantsAfter(null, 0, 2)),
                laptops(laptops.findAllAcrossTenantsAfter("sub-globex", 1, 2)),
                laptops(laptops.findByIdAcrossTenants(1)),
                laptops(laptops.findByIdAcrossTenants(2)),
                counts(laptops.countAcrossTenants())));
        assertEquals(List.of(
                        List.of("sub-acme:1:ann:x1", "sub-globex:1:dee:z9", "sub-globex:3:eve:z8"),
                        List.of("sub-acme:1:ann:x1", "sub-globex:1:dee:z9"),
                        List.of("sub-globex:3:eve:z8"),
                        List.of("sub-acme:1:ann:x1", "sub-globex:1:dee:z9"),
                        List.of(),
                        List.of("sub-acme=1", "sub-globex=2")),
                read, "laptops only (phone 2 is not one), each joined to its own tenant's laptop row, the deleted one in none");
        assertEquals(List.of(
                        "ann@support|ticket 19|Laptop.findAllAcrossTenants|{sub-acme,sub-globex}|3",
                        "ann@support|ticket 19|Laptop.findAllAcrossTenants|{sub-acme,sub-globex}|2",
                        "ann@support|ticket 19|Laptop.findAllAcrossTenantsAfter|{sub-globex}|1",
                        "ann@support|ticket 19|Laptop.findByIdAcrossTenants|{sub-acme,sub-globex}|2",
                        "ann@support|ticket 19|Laptop.findByIdAcrossTenants|{}|0",
                        "ann@support|ticket 19|Laptop.countAcrossTenants|{sub-acme,sub-globex}|2"),
                log(), "the first keyset page (null) is the offset page's");
        assertRefusedOutsideAnOperatorBlock(List.of(() -> laptops.findAllAcrossTenants(10, 0),
                () -> laptops.findAllAcrossTenantsAfter("sub-acme", 1, 10), () -> laptops.findByIdAcrossTenants(1),
                laptops::countAcrossTenants));
        assertNoRowOnTheApplicationsLogin(constant(Asset_LaptopDao.class, "FIND_ALL_ACROSS_TENANTS"), "sub-acme", 100, 0L);
    }

    @Test
    void aLevelsDaoReadsTheRowsOfItsSubtypesEachAsItsSubtypeAndASubtypeBelowItItsOwn() throws SQLException {
        // Claim: joined, audited, generated ids; TravelClaim a level with a table of its own, above MileageClaim
        // and AbroadClaim (itself a level above AirfareClaim); EquipmentClaim beside it
        ClaimDao claims = new ClaimDao(database);
        TravelClaimDao travel = new TravelClaimDao(database);
        MileageClaimDao mileage = new MileageClaimDao(database);
        long drive = TenantContext.callAs("lvl-acme", () -> claims.insert(new MileageClaim("ann", "Lyon", 420))).getId();
        TenantContext.runAs("lvl-acme", () -> claims.insert(new EquipmentClaim("bob", "laptop")));
        long flight = TenantContext.callAs("lvl-globex", () -> claims.insert(new AirfareClaim("cid", "Oslo", "NO", "SAS")))
                .getId();
        TenantContext.runAs("lvl-globex", () -> claims.insert(new MileageClaim("dee", "Rome", 1500)));
        List<List<String>> read = database.asOperator(SUPPORT, tx -> List.of(
                claims(travel.findAllAcrossTenants(10, 0)),
                claims(travel.findAllAcrossTenantsAfter("lvl-acme", drive, 10)),
                claims(travel.findByIdAcrossTenants(flight)),
                counts(travel.countAcrossTenants()),
                claims(mileage.findAllAcrossTenants(10, 0)),
                claims(mileage.findByIdAcrossTenants(flight)),
                counts(mileage.countAcrossTenants())));
        assertEquals(List.of(
                        List.of("lvl-acme:Mileage(ann, Lyon, 420)", "lvl-globex:Airfare(cid, Oslo, NO, SAS)",
                                "lvl-globex:Mileage(dee, Rome, 1500)"),
                        List.of("lvl-globex:Airfare(cid, Oslo, NO, SAS)", "lvl-globex:Mileage(dee, Rome, 1500)"),
                        List.of("lvl-globex:Airfare(cid, Oslo, NO, SAS)"),
                        List.of("lvl-acme=1", "lvl-globex=2"),
                        List.of("lvl-acme:Mileage(ann, Lyon, 420)", "lvl-globex:Mileage(dee, Rome, 1500)"),
                        List.of(),
                        List.of("lvl-acme=1", "lvl-globex=1")),
                read, "the level's rows each as its subtype, the equipment claim in none; the subtype's its own");
        assertEquals(List.of(
                        "ann@support|ticket 19|TravelClaim.findAllAcrossTenants|{lvl-acme,lvl-globex}|3",
                        "ann@support|ticket 19|TravelClaim.findAllAcrossTenantsAfter|{lvl-globex}|2",
                        "ann@support|ticket 19|TravelClaim.findByIdAcrossTenants|{lvl-globex}|1",
                        "ann@support|ticket 19|TravelClaim.countAcrossTenants|{lvl-acme,lvl-globex}|2",
                        "ann@support|ticket 19|MileageClaim.findAllAcrossTenants|{lvl-acme,lvl-globex}|2",
                        "ann@support|ticket 19|MileageClaim.findByIdAcrossTenants|{}|0",
                        "ann@support|ticket 19|MileageClaim.countAcrossTenants|{lvl-acme,lvl-globex}|2"),
                log());
        assertRefusedOutsideAnOperatorBlock(List.of(() -> travel.findAllAcrossTenants(10, 0),
                () -> travel.findAllAcrossTenantsAfter("lvl-acme", drive, 10), () -> travel.findByIdAcrossTenants(flight),
                travel::countAcrossTenants, () -> mileage.findAllAcrossTenants(10, 0), mileage::countAcrossTenants));
        assertNoRowOnTheApplicationsLogin(constant(TravelClaimDao.class, "FIND_ALL_ACROSS_TENANTS"), "lvl-acme", 100, 0L);
        assertNoRowOnTheApplicationsLogin(constant(MileageClaimDao.class, "COUNT_ACROSS_TENANTS"), "lvl-acme");
    }

    // ---------------------------------------------------------------------------------------------

    private static List<String> laptops(List<TenantRow<Asset.Laptop>> rows) {
        return rows.stream().map(row -> row.tenant() + ":" + row.entity().id() + ":" + row.entity().owner() + ":"
                + row.entity().model()).toList();
    }

    private static List<String> claims(List<? extends TenantRow<? extends TravelClaim>> rows) {
        return rows.stream().map(row -> row.tenant() + ":" + (row.entity() instanceof MileageClaim m
                ? "Mileage(" + m.getClaimant() + ", " + m.getDestination() + ", " + m.getKm() + ")"
                : row.entity() instanceof AirfareClaim a
                        ? "Airfare(" + a.getClaimant() + ", " + a.getDestination() + ", " + a.getCountry() + ", "
                                + a.getAirline() + ")"
                        : "?" + row.entity())).toList();
    }

    private static List<String> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    /** Each read throws {@code OperatorAccessException} outside {@code asOperator}, with a tenant or not; nothing sent. */
    private static void assertRefusedOutsideAnOperatorBlock(List<Supplier<?>> reads) throws SQLException {
        operatorLogin.reset();
        for (Supplier<?> read : reads) {
            for (boolean withTenant : List.of(false, true)) {
                OperatorAccessException refused = assertThrows(OperatorAccessException.class,
                        () -> {
                            if (withTenant) {
                                TenantContext.callAs("sub-acme", read::get);
                            } else {
                                read.get();
                            }
                        });
                assertTrue(refused.getMessage().contains("reads every tenant's rows: call it inside Database.asOperator"),
                        refused.getMessage());
            }
        }
        assertEquals(0, operatorLogin.connectionCount(), "nothing sent");
        assertEquals(List.of(), log());
    }

    /** A generated DAO's SQL constant (package-private, in another package). */
    private static String constant(Class<?> dao, String name) {
        try {
            java.lang.reflect.Field field = dao.getDeclaredField(name);
            field.setAccessible(true);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(dao.getSimpleName() + "." + name, e);
        }
    }

    /** The statement run on the application's login: no row without a tenant, that tenant's rows only with one. */
    private static void assertNoRowOnTheApplicationsLogin(String sql, String tenantWithRows, Object... parameters)
            throws SQLException {
        try (Connection connection = app.getConnection()) {
            connection.setAutoCommit(false);
            for (String tenant : List.of("", tenantWithRows)) {
                try (PreparedStatement set = connection.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                    set.setString(1, tenant);
                    set.execute();
                }
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    for (int i = 0; i < parameters.length; i++) {
                        s.setObject(i + 1, parameters[i]);
                    }
                    try (ResultSet rows = s.executeQuery()) {
                        int count = 0;
                        while (rows.next()) {
                            count++;
                            assertEquals(tenantWithRows, rows.getString("tenantdao_row_tenant"),
                                    "a tenant set: that tenant's rows only");
                        }
                        if (tenant.isEmpty()) {
                            assertEquals(0, count, "no tenant: the application's login sees no row of " + sql);
                        } else {
                            assertTrue(count > 0, "the tenant's own rows: " + sql);
                        }
                    }
                }
            }
            connection.rollback();
        }
    }

    /**
     * The rows of the access log written since the last look, oldest first, one line a row:
     * actor|reason|operation|tenants|rows (each read-only, none failed).
     */
    private static List<String> log() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = operatorLogin.getConnection(); PreparedStatement s = c.prepareStatement("SELECT actor, reason,"
                + " operation, tenants, row_count, writes, failure, rolled_back, id FROM tenantdao_operator_access"
                + " WHERE id > ? ORDER BY id")) {
            s.setLong(1, logSeen);
            ResultSet rows = s.executeQuery();
            while (rows.next()) {
                logSeen = rows.getLong(9);
                Array tenants = rows.getArray(4);
                assertFalse(rows.getBoolean(6), "read-only");
                assertEquals(null, rows.getString(7), "no failure");
                assertFalse(rows.getBoolean(8), "not rolled back");
                lines.add(String.join("|", rows.getString(1), rows.getString(2), rows.getString(3),
                        "{" + String.join(",", (String[]) tenants.getArray()) + "}", String.valueOf(rows.getLong(5))));
            }
        }
        operatorLogin.reset();
        return lines;
    }

    private static void execute(DataSource role, String... statements) throws SQLException {
        try (Connection c = role.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
