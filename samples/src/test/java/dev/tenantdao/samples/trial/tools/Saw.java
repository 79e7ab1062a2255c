package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Subtype;

/** A circular or jig saw. Table {@code tl_saw}. */
@Subtype(value = "saw", table = "tl_saw")
public final class Saw extends PowerTool {

    private int bladeMm;

    public Saw() {
    }

    public Saw(String name, String shelf, int watts, int bladeMm) {
        setName(name);
        setShelf(shelf);
        setWatts(watts);
        this.bladeMm = bladeMm;
    }

    public int getBladeMm() {
        return bladeMm;
    }

    public void setBladeMm(int bladeMm) {
        this.bladeMm = bladeMm;
    }
}
