package dev.tenantdao.samples.marketplace;

import dev.tenantdao.runtime.Database;
import dev.tenantdao.runtime.TenantContext;
import dev.tenantdao.samples.common.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's view of its marketplace: every vendor's figures at once. Its methods take the
 * operator (the tenant) and read inside {@link TenantContext#callTenantWide}, the one explicit
 * switch that lets vendor-scoped DAOs see every vendor of a tenant, and never another tenant's.
 * Nothing here can insert a product or an order: a tenant-wide block inserts no vendor-scoped row.
 */
public final class MarketplaceDashboard {

    private static final int PAGE = 500;

    private final VendorDao vendors;
    private final ProductDao products;
    private final SalesOrderDao orders;

    public MarketplaceDashboard(Database database) {
        this.vendors = new VendorDao(database);
        this.products = new ProductDao(database);
        this.orders = new SalesOrderDao(database);
    }

    /** One vendor's sales: its orders and what they add up to. */
    public record VendorRevenue(String vendorId, String vendorName, long orders, Money revenue) {}

    /**
     * The revenue of every vendor of {@code operator}, those without orders included (with zero), the
     * highest first, then by vendor id.
     */
    public List<VendorRevenue> revenuePerVendor(String operator) {
        return TenantContext.callTenantWide(operator, () -> {
            Map<String, String> names = new LinkedHashMap<>();
            for (Vendor vendor : allVendors()) {
                names.put(vendor.id(), vendor.name());
            }
            Map<String, long[]> counts = new LinkedHashMap<>();
            Map<String, Money> revenue = new LinkedHashMap<>();
            for (SalesOrder order : allOrders()) {
                counts.computeIfAbsent(order.vendor(), v -> new long[1])[0]++;
                revenue.merge(order.vendor(), order.total(), Money::plus);
            }
            List<VendorRevenue> result = new ArrayList<>();
            for (String vendor : union(names.keySet(), revenue.keySet())) {
                result.add(new VendorRevenue(vendor, names.getOrDefault(vendor, "(unknown vendor)"),
                        counts.getOrDefault(vendor, new long[1])[0], revenue.getOrDefault(vendor, Money.ZERO)));
            }
            result.sort(Comparator.comparing(VendorRevenue::revenue).reversed().thenComparing(VendorRevenue::vendorId));
            return result;
        });
    }

    /** Every product of every vendor of {@code operator}, by vendor, then SKU. */
    public List<Product> catalog(String operator) {
        return TenantContext.callTenantWide(operator, () -> {
            List<Product> all = new ArrayList<>();
            for (List<Product> page = products.findAllAfter(null, PAGE); !page.isEmpty();
                    page = products.findAllAfter(page.get(page.size() - 1).id(), PAGE)) {
                all.addAll(page);
            }
            all.sort(Comparator.comparing(Product::vendor).thenComparing(Product::sku));
            return all;
        });
    }

    private List<Vendor> allVendors() {
        List<Vendor> all = new ArrayList<>();
        for (List<Vendor> page = vendors.findAllAfter(null, PAGE); !page.isEmpty();
                page = vendors.findAllAfter(page.get(page.size() - 1).id(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    private List<SalesOrder> allOrders() {
        List<SalesOrder> all = new ArrayList<>();
        for (List<SalesOrder> page = orders.findAllAfter(null, PAGE); !page.isEmpty();
                page = orders.findAllAfter(page.get(page.size() - 1).id(), PAGE)) {
            all.addAll(page);
        }
        return all;
    }

    private static List<String> union(Iterable<String> first, Iterable<String> second) {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return new ArrayList<>(all);
    }
}
