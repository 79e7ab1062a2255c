package dev.tenantdao.samples.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenantdao.testkit.Postgres;
import dev.tenantdao.testkit.TenantProofCorpus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statement the tenant proof accepts ({@link TenantProofCorpus}), run on PostgreSQL: what it
 * returns and changes for one tenant must not depend on any other tenant's rows. Each run fills the
 * tables with random rows of three tenants (the same ids in each), runs the statement for one, then
 * rewrites every other tenant's rows at random (values changed, rows added and removed) and runs it
 * again: the result must be the same, and a write must have left the other tenants' rows as they were.
 * Once as a superuser, where no policy applies (the proof is what is tested), once as an application
 * role under row-level security (the proof and the policy agree).
 */
class ProvenNativeSqlTest {

    private static final String SCHEMA = "proven_sql";
    private static final List<String> TENANTS = List.of("acme", "globex", "initech");
    private static DataSource admin;
    private static DataSource app;

    @BeforeAll
    static void schema() throws SQLException {
        admin = Postgres.shared().freshSchema(SCHEMA);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE ids START 1000");
            s.execute("CREATE TABLE customer (tenant_id text NOT NULL, id bigint NOT NULL, name text, vip boolean,"
                    + " blocked boolean, parent_id bigint, PRIMARY KEY (tenant_id, id))");
            s.execute("CREATE TABLE invoice (tenant_id text NOT NULL, id bigint NOT NULL DEFAULT nextval('ids'),"
                    + " customer_id bigint,"
                    + " number text, status text, total numeric, currency text, data jsonb,"
                    + " PRIMARY KEY (tenant_id, id))");
            s.execute("CREATE TABLE invoice_line (tenant_id text NOT NULL, id bigint NOT NULL, invoice_id bigint,"
                    + " amount numeric, PRIMARY KEY (tenant_id, id))");
            s.execute("CREATE TABLE payment (tenant_id text NOT NULL, id bigint NOT NULL, invoice_id bigint,"
                    + " amount numeric, PRIMARY KEY (tenant_id, id))");
            s.execute("CREATE TABLE currency (code text PRIMARY KEY)");
            s.execute("CREATE TABLE ledger_entry (id bigint, amount numeric, invoice_id bigint)");
            for (String table : List.of("customer", "invoice", "invoice_line", "payment")) {
                s.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
                s.execute("CREATE POLICY tenant ON " + table + " USING (tenant_id = NULLIF(current_setting("
                        + "'tenantdao.tenant', true), '')) WITH CHECK (tenant_id = NULLIF(current_setting("
                        + "'tenantdao.tenant', true), ''))");
            }
        }
        app = Postgres.shared().applicationRole("tenantdao_proven", SCHEMA);
    }

    static Stream<Arguments> proven() {
        List<Arguments> all = new ArrayList<>();
        for (TenantProofCorpus.Statement statement : TenantProofCorpus.statements()) {
            // (a statement of the time it runs, now(), gives another result each run, whoever's rows there are)
            if (statement.proven() && !statement.sql().contains("now()")) {
                all.add(Arguments.of(statement.section(), statement.sql(), false));
                all.add(Arguments.of(statement.section(), statement.sql(), true));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "[{index}] rls={2} {1}")
    @MethodSource("proven")
    void anotherTenantsRowsNeverChangeTheResult(String section, String sql, boolean rowLevelSecurity)
            throws SQLException {
        long seed = sql.hashCode();
        String tenant = TENANTS.get(new Random(seed).nextInt(TENANTS.size()));
        DataSource source = rowLevelSecurity ? app : admin;
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            restartIds();
            fill(c, tenantRows(seed));
            String others = snapshot(c, tenant, false);
            List<String> first = run(c, sql, tenant);
            assertEquals(others, snapshot(c, tenant, false), "a write changed another tenant's rows: " + sql);
            String mine = snapshot(c, tenant, true);
            c.rollback();

            restartIds();
            fill(c, tenantRows(seed));                      // the same rows of every tenant, as before
            scramble(c, tenant, new Random(~seed));         // then every other tenant's rows rewritten
            List<String> second = run(c, sql, tenant);
            assertEquals(first, second, "the result depends on another tenant's rows: " + sql);
            assertEquals(mine, snapshot(c, tenant, true), "the tenant's rows ended differently: " + sql);
            c.rollback();
        }
    }

    /** The random source of the rows of a run: the same for both runs of a statement. */
    private static Random tenantRows(long seed) {
        Random random = new Random(seed);
        random.nextInt(TENANTS.size());
        return random;
    }

    /** Ids the database chooses start again at 1000 (a sequence does not roll back). */
    private static void restartIds() throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT setval('ids', 1000, false)");
        }
    }

    /** The statement for {@code tenant}: its parameters bound, under the tenant's setting; its rows or count. */
    private static List<String> run(Connection c, String sql, String tenant) throws SQLException {
        try (PreparedStatement setting = c.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
            setting.setString(1, tenant);
            setting.execute();
        }
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                int end = sql.indexOf('\'', i + 1);
                text.append(sql, i, end + 1);
                i = end;
            } else if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                text.append("::");
                i++;
            } else if (ch == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                text.append('?');
                i = end - 1;
            } else {
                text.append(ch);
            }
        }
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(text.toString())) {
            for (int i = 0; i < names.size(); i++) {
                switch (names.get(i)) {
                    case "tenant" -> statement.setString(i + 1, tenant);
                    case "status" -> statement.setString(i + 1, "SENT");
                    case "number" -> statement.setString(i + 1, "N-1");
                    case "id" -> statement.setLong(i + 1, 3);
                    case "total" -> statement.setBigDecimal(i + 1, java.math.BigDecimal.TEN);
                    default -> statement.setString(i + 1, "x");
                }
            }
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append(rows.getString(i)).append('|');
                        }
                        result.add(row.toString());
                    }
                }
            } else {
                result.add("count " + statement.getUpdateCount());
            }
        }
        result.sort(null);      // a statement without ORDER BY promises no order
        return result;
    }

    /** Random rows of every tenant, the same ids in each (a predicate that forgot the tenant would meet them). */
    private static void fill(Connection c, Random random) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT set_config('tenantdao.tenant', '', true)");
            for (String table : List.of("invoice_line", "payment", "invoice", "customer", "currency", "ledger_entry")) {
                s.execute("DELETE FROM " + table);      // under row-level security with no tenant: deletes nothing
            }
        }
        for (String tenant : TENANTS) {
            try (PreparedStatement setting = c.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                setting.setString(1, tenant);
                setting.execute();
            }
            try (Statement s = c.createStatement()) {
                for (String table : List.of("invoice_line", "payment", "invoice", "customer")) {
                    s.execute("DELETE FROM " + table + " WHERE tenant_id = '" + tenant + "'");
                }
            }
            insertRows(c, tenant, random, 0);
        }
    }

    private static void insertRows(Connection c, String tenant, Random random, long idOffset) throws SQLException {
        try (PreparedStatement customer = c.prepareStatement("INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement invoice = c.prepareStatement("INSERT INTO invoice VALUES (?, ?, ?, ?, ?, ?, ?,"
                        + " ?::jsonb)");
                PreparedStatement line = c.prepareStatement("INSERT INTO invoice_line VALUES (?, ?, ?, ?)");
                PreparedStatement payment = c.prepareStatement("INSERT INTO payment VALUES (?, ?, ?, ?)")) {
            for (long id = 1 + idOffset; id <= 6 + idOffset; id++) {
                customer.setString(1, tenant);
                customer.setLong(2, id);
                customer.setString(3, "c" + random.nextInt(3));
                customer.setBoolean(4, random.nextBoolean());
                customer.setBoolean(5, random.nextBoolean());
                if (id > 1 + idOffset && random.nextBoolean()) {
                    customer.setLong(6, 1 + idOffset + random.nextInt((int) (id - 1 - idOffset)));
                } else {
                    customer.setNull(6, java.sql.Types.BIGINT);
                }
                customer.executeUpdate();
                invoice.setString(1, tenant);
                invoice.setLong(2, id);
                invoice.setLong(3, 1 + random.nextInt(6));
                invoice.setString(4, "N-" + random.nextInt(4));
                invoice.setString(5, List.of("DRAFT", "SENT", "PAID", "VOID").get(random.nextInt(4)));
                invoice.setBigDecimal(6, java.math.BigDecimal.valueOf(random.nextInt(100)));
                invoice.setString(7, random.nextBoolean() ? "EUR" : "USD");
                invoice.setString(8, "{\"a\":" + random.nextInt(2) + ",\"name\":\"n" + id + "\"}");
                invoice.executeUpdate();
                line.setString(1, tenant);
                line.setLong(2, id);
                line.setLong(3, 1 + random.nextInt(6));
                line.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(50)));
                line.executeUpdate();
                payment.setString(1, tenant);
                payment.setLong(2, id);
                payment.setLong(3, 1 + random.nextInt(6));
                payment.setBigDecimal(4, java.math.BigDecimal.valueOf(random.nextInt(50)));
                payment.executeUpdate();
            }
        }
    }

    /** Rewrites every tenant's rows but {@code tenant}'s: values changed, some removed, more added. */
    private static void scramble(Connection c, String tenant, Random random) throws SQLException {
        for (String other : TENANTS) {
            if (other.equals(tenant)) {
                continue;
            }
            try (PreparedStatement setting = c.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                setting.setString(1, other);
                setting.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE invoice SET status = 'SENT', total = total + 1000, number = 'N-1', customer_id = 1"
                        + " WHERE tenant_id = '" + other + "'");
                s.execute("UPDATE customer SET vip = NOT coalesce(vip, false), blocked = true, parent_id = NULL"
                        + " WHERE tenant_id = '" + other + "'");
                s.execute("DELETE FROM payment WHERE tenant_id = '" + other + "' AND id % 2 = 0");
            }
            insertRows(c, other, random, 100);
        }
    }

    /** Every row of {@code tenant} ({@code mine}) or of every other tenant, as text in a stable order. */
    private static String snapshot(Connection c, String tenant, boolean mine) throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String other : TENANTS) {
            if (other.equals(tenant) != mine) {
                continue;
            }
            try (PreparedStatement setting = c.prepareStatement("SELECT set_config('tenantdao.tenant', ?, true)")) {
                setting.setString(1, other);
                setting.execute();
            }
            for (String table : List.of("customer", "invoice", "invoice_line", "payment")) {
                try (Statement s = c.createStatement();
                        ResultSet rows = s.executeQuery("SELECT * FROM " + table + " WHERE tenant_id = '" + other
                                + "' ORDER BY id")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rows.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        assertTrue(mine || all.length() > 0, "the other tenants have rows");
        return all.toString();
    }
}
