package dev.tenantdao.samples.benefits;

import dev.tenantdao.annotations.Subtype;

/** A monthly allowance, in cents: a direct subtype of {@link Benefit}, beside the level. Table {@code allowance}. */
@Subtype("allowance")
public final class Allowance extends Benefit {

    private long cents;

    public Allowance() {
    }

    public Allowance(String holder, long cents) {
        setHolder(holder);
        this.cents = cents;
    }

    public long getCents() {
        return cents;
    }

    public void setCents(long cents) {
        this.cents = cents;
    }
}
