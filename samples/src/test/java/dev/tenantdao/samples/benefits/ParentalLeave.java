package dev.tenantdao.samples.benefits;

import dev.tenantdao.annotations.Subtype;

/** Parental leave, for a child. Table {@code parental_leave}. */
@Subtype("parental")
public final class ParentalLeave extends Leave {

    private String child;

    public ParentalLeave() {
    }

    public ParentalLeave(String holder, String child) {
        setHolder(holder);
        this.child = child;
    }

    public String getChild() {
        return child;
    }

    public void setChild(String child) {
        this.child = child;
    }
}
