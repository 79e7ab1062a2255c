package dev.tenantdao.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmarks' smoke mode, part of {@code mvn verify}: no timing, only that every benchmark still runs and its
 * contenders still do the same work, so a benchmark cannot rot unnoticed between timed runs. One {@link Fixture}
 * (smaller than a timed run's: {@code bench.tenants} and {@code bench.rows} in the pom, its own schema
 * {@code bench.schema}), in this JVM, no JMH fork:
 *
 * <ol>
 *   <li>{@link RepositoryBenchmark#checkContendersAgree}'s checks, first, on data no benchmark has changed (they
 *       require that);
 *   <li>{@link CrudCheck} for every operation of {@link CrudBenchmark} (what its {@code checkContendersAgree} runs
 *       before a timed run of one operation);
 *   <li>every {@code @Benchmark} method once: it returns a row, a non-empty page, a positive count or {@code true};
 *       and the methods run are exactly the benchmarks JMH's annotation processor listed.
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BenchmarksSmokeTest {

    private Fixture fixture;

    @BeforeAll
    void buildFixture() {
        fixture = new Fixture();
        fixture.setUp();
    }

    @AfterAll
    void closeFixture() {
        if (fixture != null) {
            fixture.removeInserted();
            fixture.tearDown();
        }
    }

    @Test
    @Order(1)
    void repositoryContendersAgree() throws SQLException {
        RepositoryBenchmark.checkAll(fixture);
        RepositoryBenchmark.resetHistory(fixture);
    }

    static Set<String> crudOperations() {
        return CrudCheck.operations();
    }

    @Order(2)
    @ParameterizedTest
    @MethodSource("crudOperations")
    void crudContendersAgree(String operation) {
        CrudCheck.check(fixture, operation);
    }

    /**
     * ReadBackBenchmark's contenders insert the same rows: the hand-written unnest insert returns as many ids, in
     * input order, as the DAO's insertAll rows, which are what the table holds (issue 20).
     */
    @Test
    @Order(2)
    void theReadBackContendersAgree() throws Exception {
        ReadBackBenchmark benchmark = new ReadBackBenchmark();
        long[] ids = benchmark.insertAll1000_jdbc(fixture);
        assertEquals(fixture.thousand.size(), ids.length);
        assertTrue(Arrays.equals(ids, Arrays.stream(ids).sorted().toArray()), "ids in input order");
        assertEquals(fixture.thousand.size(), benchmark.insertAll1000_jdbcBatch(fixture).length);
        List<Item> inserted = benchmark.insertAll1000_dao(fixture);
        for (int i = 0; i < inserted.size(); i++) {
            Item item = inserted.get(i);
            assertEquals(fixture.thousand.get(i).name(), item.name());
            Item stored = dev.tenantdao.runtime.TenantContext.callAs(Fixture.INSERT_TENANT,
                    () -> fixture.items.findById(item.id())).orElseThrow();
            assertEquals(stored, item, "insertAll returns the rows as stored");
        }
        SecuredItem secured = benchmark.insert_daoWithRls(fixture);
        assertEquals(dev.tenantdao.runtime.TenantContext.callAs(Fixture.INSERT_TENANT,
                () -> fixture.securedItems.findById(secured.id())).orElseThrow(), secured);
        benchmark.removeInserted(fixture);
    }

    @Test
    @Order(3)
    void everyBenchmarkRunsOnce() throws Exception {
        Set<String> ran = new TreeSet<>();
        for (Object benchmark : List.of(new CrudBenchmark(), new RepositoryBenchmark(), new ReadBackBenchmark())) {
            List<Method> methods = Arrays.stream(benchmark.getClass().getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList();
            for (Method method : methods) {
                String name = benchmark.getClass().getSimpleName() + "." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, fixture);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(didSomething(result), name + " returned " + result);
                if (method.getName().startsWith("auditedBulkUpdate1000_")) {
                    RepositoryBenchmark.resetHistory(fixture);
                }
                ran.add(benchmark.getClass().getName() + "." + method.getName());
            }
            fixture.removeInserted();
        }
        // the vendor scope's benchmarks, on their own state (its set-up checks that the contenders agree)
        VendorBenchmark.Vendors vendors = new VendorBenchmark.Vendors();
        vendors.schema = "benchmarks_vendors_smoke";
        vendors.setUp();
        try {
            VendorBenchmark benchmark = new VendorBenchmark();
            for (Method method : Arrays.stream(VendorBenchmark.class.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList()) {
                String name = "VendorBenchmark." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, vendors);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(didSomething(result), name + " returned " + result);
                ran.add(VendorBenchmark.class.getName() + "." + method.getName());
            }
        } finally {
            vendors.tearDown();
        }
        // the soft-delete benchmarks, on their own state (its set-up checks that the contenders agree)
        SoftDeleteBenchmark.Tables softTables = new SoftDeleteBenchmark.Tables();
        softTables.schema = "benchmarks_soft_delete_smoke";
        softTables.setUp();
        try {
            SoftDeleteBenchmark benchmark = new SoftDeleteBenchmark();
            for (Method method : Arrays.stream(SoftDeleteBenchmark.class.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList()) {
                String name = "SoftDeleteBenchmark." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, softTables);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(didSomething(result), name + " returned " + result);
                ran.add(SoftDeleteBenchmark.class.getName() + "." + method.getName());
            }
        } finally {
            softTables.tearDown();
        }
        // the as-of benchmarks, on their own state (its set-up checks that the contenders agree)
        AsOfBenchmark.Tables asOfTables = new AsOfBenchmark.Tables();
        asOfTables.schema = "benchmarks_as_of_smoke";
        asOfTables.setUp();
        try {
            AsOfBenchmark benchmark = new AsOfBenchmark();
            for (Method method : Arrays.stream(AsOfBenchmark.class.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList()) {
                String name = "AsOfBenchmark." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, asOfTables);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(didSomething(result), name + " returned " + result);
                ran.add(AsOfBenchmark.class.getName() + "." + method.getName());
            }
        } finally {
            asOfTables.tearDown();
        }
        // the concurrency benchmarks, on their own state (a pool of 2, as for -t 2; its set-up checks the contenders)
        ConcurrencyBenchmark.Rows rows = new ConcurrencyBenchmark.Rows();
        rows.schema = "benchmarks_concurrency_smoke";
        rows.setUp(2);
        try {
            ConcurrencyBenchmark benchmark = new ConcurrencyBenchmark();
            for (Method method : Arrays.stream(ConcurrencyBenchmark.class.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList()) {
                String name = "ConcurrencyBenchmark." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, rows);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(result != null && (!(result instanceof Collection<?> c) || !c.isEmpty())
                        && (!(result instanceof Optional<?> o) || o.isPresent()), name + " returned " + result);
                ran.add(ConcurrencyBenchmark.class.getName() + "." + method.getName());
            }
            rows.removeInserted();
        } finally {
            rows.tearDown();
        }
        // the row strategy at scale, on small sizes (its set-up checks that the contenders agree)
        ScaleBenchmark.Scale scale = new ScaleBenchmark.Scale();
        scale.smallTenants = 3;
        scale.largeTenants = 12;
        scale.rows = 60;
        try {
            scale.setUp();
            ScaleBenchmark benchmark = new ScaleBenchmark();
            for (Method method : Arrays.stream(ScaleBenchmark.class.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .toList()) {
                String name = "ScaleBenchmark." + method.getName();
                Object result;
                try {
                    result = method.invoke(benchmark, scale);
                } catch (InvocationTargetException e) {
                    throw new AssertionError(name + " failed", e.getCause());
                }
                assertTrue(didSomething(result), name + " returned " + result);
                ran.add(ScaleBenchmark.class.getName() + "." + method.getName());
            }
        } finally {
            scale.tearDown();
            for (int tenants : List.of(scale.smallTenants, scale.largeTenants)) {
                dev.tenantdao.testkit.Postgres.shared().dropSchema(ScaleBenchmark.schema(tenants, scale.rows));
            }
        }
        assertEquals(jmhBenchmarks(), ran, "the methods run are not the benchmarks JMH lists");
        assertTrue(ran.size() > 40, "only " + ran.size() + " benchmarks");
    }

    /** A row, a non-empty page, a positive count or id, or {@code true}. */
    private static boolean didSomething(Object result) {
        if (result instanceof Optional<?> optional) {
            return optional.isPresent();
        }
        if (result instanceof Collection<?> rows) {
            return !rows.isEmpty();
        }
        if (result instanceof Number number) {
            return number.longValue() > 0;
        }
        if (result instanceof Boolean changed) {
            return changed;
        }
        if (result instanceof long[] ids) {
            return ids.length > 0 && Arrays.stream(ids).allMatch(id -> id > 0);
        }
        return result != null;
    }

    /** What {@code META-INF/BenchmarkList} (written by JMH's annotation processor) lists. */
    private static Set<String> jmhBenchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        return BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of())
                .stream()
                .map(BenchmarkListEntry::getUsername)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
