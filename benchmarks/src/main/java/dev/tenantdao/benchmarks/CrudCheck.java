package dev.tenantdao.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * The check that every contender of a {@link CrudBenchmark} operation does the same work: each {@code
 * <operation>_<contender>} method (found by reflection, so a new contender is checked too) runs once with
 * {@link CrudBenchmark#checking} on (the same tenant and row for all), and the check throws unless
 *
 * <ul>
 *   <li>reads ({@code findById}, {@code page50}, {@code polymorphicPage50}) return what hand-written JDBC returns
 *       (Hibernate's entities and the row-level-security entity compared as the same values), rows of the tenant
 *       only;
 *   <li>one-row writes ({@code update}, {@code upsert}, {@code auditedUpdate}) each change exactly the picked row to
 *       the contender's own quantity and report one row (audited: and add exactly one history or Envers audit row
 *       with it);
 *   <li>inserts ({@code insert}, {@code insert1000}) each add exactly their rows, with the values given, to the
 *       insert tenant (emptied afterwards).
 * </ul>
 *
 * An operation without a check here fails: add one when adding an operation.
 */
final class CrudCheck {

    private CrudCheck() {}

    /** The operations of {@link CrudBenchmark}, from its method names. */
    static Set<String> operations() {
        Set<String> operations = new java.util.TreeSet<>();
        for (Method m : CrudBenchmark.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                operations.add(m.getName().substring(0, m.getName().indexOf('_')));
            }
        }
        return operations;
    }

    static void check(Fixture f, String operation) {
        Map<String, Method> contenders = new LinkedHashMap<>();
        for (Method m : CrudBenchmark.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Benchmark.class) && m.getName().startsWith(operation + "_")) {
                contenders.put(m.getName().substring(operation.length() + 1), m);
            }
        }
        require(contenders.containsKey("jdbc"), operation + " has no jdbc contender to compare with");
        // jdbc first: the reference
        Map<String, Method> ordered = new LinkedHashMap<>();
        ordered.put("jdbc", contenders.remove("jdbc"));
        new java.util.TreeMap<>(contenders).forEach(ordered::put);
        CrudBenchmark benchmark = new CrudBenchmark();
        CrudBenchmark.checking = true;
        try {
            switch (operation) {
                case "findById", "page50", "polymorphicPage50" -> checkReads(f, operation, benchmark, ordered);
                case "update", "upsert", "auditedUpdate" -> checkRowWrites(f, operation, benchmark, ordered);
                case "insert", "insert1000" -> checkInserts(f, operation, benchmark, ordered);
                default -> throw new IllegalStateException("CrudCheck has no check for operation " + operation);
            }
        } finally {
            CrudBenchmark.checking = false;
            f.removeInserted();
        }
    }

    // ---- reads -----------------------------------------------------------------------------------------------

    private static void checkReads(Fixture f, String operation, CrudBenchmark benchmark, Map<String, Method> contenders) {
        int t = CrudBenchmark.CHECK_TENANT;
        Object expected = normalize(run(benchmark, contenders.get("jdbc"), f));
        switch (operation) {
            case "findById" -> require(expected instanceof Item i && i.id() == f.ids[t][CrudBenchmark.CHECK_ROW],
                    "jdbc findById read " + expected);
            case "page50" -> requirePage(expected, f.ids[t], f.ids[t][CrudBenchmark.CHECK_ROW], "jdbc page50");
            default -> requirePage(expected, f.paymentIds[t], f.paymentIds[t][CrudBenchmark.CHECK_ROW],
                    "jdbc polymorphicPage50");
        }
        for (Map.Entry<String, Method> contender : contenders.entrySet()) {
            Object actual = normalize(run(benchmark, contender.getValue(), f));
            Object reference = expected;
            if (operation.equals("findById") && contender.getKey().equals("daoWithRls")) {
                // its own table (secured_item): compare with that row read by hand
                reference = onlyRow(items(f, "SELECT id, name, price, quantity FROM secured_item"
                        + " WHERE tenant_id = ? AND id = ?", Fixture.tenant(t), f.securedIds[t][CrudBenchmark.CHECK_ROW]));
            }
            require(Objects.equals(reference, actual), operation + "_" + contender.getKey() + " read " + actual
                    + ", hand-written JDBC " + reference);
        }
    }

    /** 50 rows of the tenant (ids from {@code tenantIds}), in id order, after {@code after}. */
    private static void requirePage(Object page, long[] tenantIds, long after, String what) {
        require(page instanceof List<?> l && l.size() == 50, what + " read " + page);
        Set<Long> tenants = new HashSet<>();
        for (long id : tenantIds) {
            tenants.add(id);
        }
        long previous = after;
        for (Object row : (List<?>) page) {
            long id = row instanceof Item i ? i.id() : ((Payment) row).id();
            require(id > previous && tenants.contains(id), what + " read row " + row + " (not the tenant's next)");
            previous = id;
        }
    }

    // ---- one-row writes ----------------------------------------------------------------------------------------

    private static void checkRowWrites(Fixture f, String operation, CrudBenchmark benchmark,
            Map<String, Method> contenders) {
        int t = CrudBenchmark.CHECK_TENANT;
        String tenant = Fixture.tenant(t);
        int c = 0;
        for (Map.Entry<String, Method> contender : contenders.entrySet()) {
            String name = operation + "_" + contender.getKey();
            // a quantity no random pick writes, distinct per contender
            int quantity = -1 - c++;
            CrudBenchmark.checkQuantity = quantity;
            switch (operation) {
                case "update", "auditedUpdate" -> {
                    boolean audited = operation.equals("auditedUpdate");
                    String table = audited ? "audited_item" : "item";
                    long id = (audited ? f.auditedIds : f.ids)[t][CrudBenchmark.CHECK_ROW];
                    long history = audited ? historyRows(f, id, quantity) : 0;
                    Object result = normalize(run(benchmark, contender.getValue(), f));
                    require(Objects.equals(result, 1) || Objects.equals(result, 1L)
                                    || result instanceof Item i && i.id() == id && i.quantity() == quantity,
                            name + " returned " + result);
                    Item row = onlyRow(items(f, "SELECT id, name, price, quantity FROM " + table
                            + " WHERE tenant_id = ? AND id = ?", tenant, id));
                    require(row.equals(new Item(id, "updated", new BigDecimal("10.5"), quantity)),
                            name + " left the row at " + row);
                    require(count(f, "SELECT count(*) FROM " + table + " WHERE quantity = " + quantity) == 1,
                            name + " changed other rows");
                    if (audited) {
                        require(historyRows(f, id, quantity) == history + 1, name + " did not write one history row");
                    }
                }
                default -> {
                    String sku = Fixture.sku(CrudBenchmark.CHECK_ROW);
                    long id = count(f, "SELECT id FROM stock WHERE tenant_id = '" + tenant + "' AND sku = '" + sku + "'");
                    Object result = normalize(run(benchmark, contender.getValue(), f));
                    require(result.equals(new Stock(id, sku, quantity)), name + " returned " + result);
                    require(count(f, "SELECT count(*) FROM stock WHERE tenant_id = '" + tenant + "' AND sku = '" + sku
                            + "' AND quantity = " + quantity) == 1, name + " did not write the quantity");
                    require(count(f, "SELECT count(*) FROM stock WHERE quantity = " + quantity) == 1,
                            name + " changed other rows");
                    require(count(f, "SELECT count(*) FROM stock WHERE tenant_id = '" + tenant + "'") == Fixture.ROWS,
                            name + " added a row");
                }
            }
        }
    }

    /** History rows of audited item {@code id} at {@code quantity}: tenantdao's history table or Envers' audit table. */
    private static long historyRows(Fixture f, long id, int quantity) {
        return count(f, "SELECT (SELECT count(*) FROM audited_item_history WHERE id = " + id + " AND quantity = "
                + quantity + " AND history_operation = 'UPDATE') + (SELECT count(*) FROM audited_item_aud WHERE id = "
                + id + " AND quantity = " + quantity + ")");
    }

    // ---- inserts -----------------------------------------------------------------------------------------------

    private static void checkInserts(Fixture f, String operation, CrudBenchmark benchmark,
            Map<String, Method> contenders) {
        List<Item> given = operation.equals("insert") ? List.of(new Item(null, "new", new BigDecimal("1"), 1))
                : f.thousand.stream().map(i -> new Item(null, i.name(), i.price().stripTrailingZeros(), i.quantity()))
                        .toList();
        Set<Long> seen = new HashSet<>();
        for (Map.Entry<String, Method> contender : contenders.entrySet()) {
            String name = operation + "_" + contender.getKey();
            long last = count(f, "SELECT coalesce(max(id), 0) FROM item");
            Object result = normalize(run(benchmark, contender.getValue(), f));
            List<Item> added = items(f, "SELECT id, name, price, quantity FROM item WHERE id > ? ORDER BY id", last);
            require(added.stream().map(i -> new Item(null, i.name(), i.price(), i.quantity())).toList().equals(given),
                    name + " added " + added.size() + " rows, not the " + given.size() + " given");
            require(count(f, "SELECT count(*) FROM item WHERE id > " + last + " AND tenant_id = '"
                    + Fixture.INSERT_TENANT + "'") == given.size(), name + " inserted for another tenant");
            List<Long> ids = added.stream().map(Item::id).toList();
            for (Long id : ids) {
                require(seen.add(id), name + " reused id " + id);
            }
            // what each returns: the new id, the new rows, or the number of rows
            boolean agrees = result instanceof Number n && (n.longValue() == ids.get(0) && ids.size() == 1
                    || n.longValue() == given.size() && ids.size() > 1)
                    || result instanceof Item i && List.of(i.id()).equals(ids)
                    || result instanceof List<?> l && l.stream().map(r -> ((Item) r).id()).toList().equals(ids);
            require(agrees, name + " returned " + (result instanceof List<?> l ? l.size() + " rows" : result));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    /** The contender's result as the plain records JDBC's contender returns (prices without trailing zeros). */
    static Object normalize(Object result) {
        if (result instanceof Optional<?> optional) {
            return optional.map(CrudCheck::normalize).orElse(null);
        }
        if (result instanceof List<?> list) {
            List<Object> rows = new ArrayList<>(list.size());
            list.forEach(row -> rows.add(normalize(row)));
            return rows;
        }
        if (result instanceof Item i) {
            return new Item(i.id(), i.name(), i.price().stripTrailingZeros(), i.quantity());
        }
        if (result instanceof SecuredItem i) {
            return new Item(i.id(), i.name(), i.price().stripTrailingZeros(), i.quantity());
        }
        if (result instanceof AuditedItem i) {
            return new Item(i.id(), i.name(), i.price().stripTrailingZeros(), i.quantity());
        }
        if (result instanceof HibernateItemColumns h) {
            return new Item(h.id, h.name, h.price.stripTrailingZeros(), h.quantity);
        }
        if (result instanceof HibernateStock s) {
            return new Stock(s.id, s.sku, s.quantity);
        }
        if (result instanceof Payment.Card p) {
            return new Payment.Card(p.id(), p.amount().stripTrailingZeros(), p.last4());
        }
        if (result instanceof Payment.Transfer p) {
            return new Payment.Transfer(p.id(), p.amount().stripTrailingZeros(), p.iban());
        }
        if (result instanceof Payment.Voucher p) {
            return new Payment.Voucher(p.id(), p.amount().stripTrailingZeros(), p.code());
        }
        if (result instanceof HibernatePayment.Card p) {
            return new Payment.Card(p.id, p.amount.stripTrailingZeros(), p.last4);
        }
        if (result instanceof HibernatePayment.Transfer p) {
            return new Payment.Transfer(p.id, p.amount.stripTrailingZeros(), p.iban);
        }
        if (result instanceof HibernatePayment.Voucher p) {
            return new Payment.Voucher(p.id, p.amount.stripTrailingZeros(), p.code);
        }
        return result;
    }

    private static Object run(CrudBenchmark benchmark, Method method, Fixture f) {
        try {
            return method.invoke(benchmark, f);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Item> items(Fixture f, String sql, Object... parameters) {
        try (Connection c = f.pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                s.setObject(p + 1, parameters[p]);
            }
            List<Item> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Item(r.getLong(1), r.getString(2), r.getBigDecimal(3).stripTrailingZeros(), r.getInt(4)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Item onlyRow(List<Item> rows) {
        require(rows.size() == 1, "expected one row, read " + rows);
        return rows.get(0);
    }

    private static long count(Fixture f, String sql) {
        return f.ids(sql)[0];
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("contenders disagree: " + failure);
        }
    }
}
