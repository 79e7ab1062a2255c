package dev.tenantdao.samples.embedded;

import dev.tenantdao.annotations.Embedded;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.util.Objects;

/** A mutable class with setters: writes fill the instance passed, its embedded values included. */
@Entity
@Tenanted
public class Quotation {
    @Id(generated = true)
    private Long id;
    private String customer;
    @Embedded
    private Money total;
    @Embedded
    private Size sheet;
    @Version
    private int version;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCustomer() {
        return customer;
    }

    public void setCustomer(String customer) {
        this.customer = customer;
    }

    public Money getTotal() {
        return total;
    }

    public void setTotal(Money total) {
        this.total = total;
    }

    public Size getSheet() {
        return sheet;
    }

    public void setSheet(Size sheet) {
        this.sheet = sheet;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Quotation q && Objects.equals(id, q.id) && Objects.equals(customer, q.customer)
                && Objects.equals(total, q.total) && Objects.equals(sheet, q.sheet) && version == q.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, customer, total, sheet, version);
    }
}
