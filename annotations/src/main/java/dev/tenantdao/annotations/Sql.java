package dev.tenantdao.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repository method in PostgreSQL's own SQL: joins, aggregates, window functions, {@code jsonb}
 * operators, CTEs. The processor parses it at compile time and <b>proves it confined to the current
 * tenant</b>, or fails the build: every reference to a row-tenanted table must be constrained in its
 * own query block by {@code <alias>.tenant_id = :tenant} (a condition of its WHERE or of its join's
 * ON, not under an OR or a NOT), or have its tenant column equated with that of a reference that is;
 * an INSERT into a row-tenanted table writes {@code :tenant} into the tenant column. Tables of
 * schema-per-tenant entities are named unqualified; the generated code names them in the tenant's
 * schema.
 *
 * <p>{@code :name} binds the method's parameter of that name (through the converter of an attribute of
 * the repository's entity with the parameter's type, if any); {@code :tenant} is the current tenant,
 * bound by the generated code: a method never takes it. A SELECT returns the entity (its columns
 * selected by name from the statement's result), a record (each component by its column label), a
 * single value, or lists, optionals, arrays and streams of them; an INSERT, UPDATE or DELETE returns
 * {@code void}, {@code int}, {@code long} or {@code boolean} (whether it changed a row).
 *
 * <p><b>Vendors inside tenants.</b> Every reference to the table of a {@link VendorScoped} entity (in
 * any strategy) must also be confined to the current vendor, by the same rules with its vendor column
 * and {@code :vendor}: {@code <alias>.vendor_id = :vendor} in its block, or its vendor column equated
 * with that of a reference that is; an INSERT writes {@code :vendor} into the vendor column, an
 * {@code ON CONFLICT} target names it, an UPDATE never writes it. {@code :vendor} is the current vendor,
 * bound by the generated code (a method never takes it): a method whose SQL uses it needs one, and
 * throws {@code NoVendorException} before any SQL without one, also in a tenant-wide block. A method
 * that reads or changes the rows of every vendor of the tenant declares {@link #tenantWide()} instead.
 *
 * <pre>{@code
 * @Sql("""
 *     SELECT c.name AS customer, sum(i.total) AS total
 *     FROM invoice i JOIN customer c ON c.tenant_id = i.tenant_id AND c.id = i.customer_id
 *     WHERE i.tenant_id = :tenant AND i.status = 'SENT'
 *     GROUP BY c.name ORDER BY total DESC""")
 * List<CustomerTotal> totalsByCustomer();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Sql {
    /** The statement, in PostgreSQL's SQL, with {@code :name} parameters. */
    String value();

    /**
     * Whether the statement reads and changes the rows of every vendor of the current tenant: then
     * its references to {@link VendorScoped} tables need no vendor condition (they still need the
     * tenant's; an UPDATE still never writes the vendor column, and an INSERT into a vendor-scoped
     * table is a compile error: a tenant-wide block names no vendor to write), it must not use {@code :vendor}, it must name a vendor-scoped table, and it runs only
     * inside an explicit tenant-wide block ({@code TenantContext.runTenantWide}): with a current vendor,
     * or with neither, it throws {@code NoVendorException} before any SQL, so a vendor's user never
     * sees another vendor's rows through it.
     *
     * <pre>{@code
     * @Sql(value = """
     *     SELECT o.vendor_id AS vendor, count(*) AS offers FROM offer o
     *     WHERE o.tenant_id = :tenant GROUP BY o.vendor_id""", tenantWide = true)
     * List<VendorCount> offersPerVendor();
     * }</pre>
     */
    boolean tenantWide() default false;
}
