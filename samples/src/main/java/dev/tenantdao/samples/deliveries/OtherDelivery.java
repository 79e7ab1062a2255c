package dev.tenantdao.samples.deliveries;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/**
 * The fallback: a delivery of a method no other subtype claims (or one written as {@code other}),
 * with a note in its own table {@code other_delivery}. A row of an unknown method has no row there
 * (its note is null) until it is updated through {@code OtherDeliveryDao}. {@code method} is the
 * value the row was loaded with, read-only.
 */
@Subtype(value = "other", fallback = true)
public final class OtherDelivery extends Delivery {

    @Column(name = "method", insertable = false)
    private String method;
    private String note;

    public OtherDelivery() {
    }

    public OtherDelivery(String address, String note) {
        setAddress(address);
        this.note = note;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
