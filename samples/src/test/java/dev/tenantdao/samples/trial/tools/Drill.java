package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Subtype;

/** A drill, hammer action or not. Table {@code tl_drill}. */
@Subtype(value = "drill", table = "tl_drill")
public final class Drill extends PowerTool {

    private boolean hammer;

    public Drill() {
    }

    public Drill(String name, String shelf, int watts, boolean hammer) {
        setName(name);
        setShelf(shelf);
        setWatts(watts);
        this.hammer = hammer;
    }

    @BeforeInsert
    void checkChuck() {
        Trail.record("Drill.checkChuck");
    }

    public boolean isHammer() {
        return hammer;
    }

    public void setHammer(boolean hammer) {
        this.hammer = hammer;
    }
}
