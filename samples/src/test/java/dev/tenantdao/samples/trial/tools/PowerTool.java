package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Subtype;

/** A tool with a motor: an intermediate level with a column of its own, in table {@code tl_power_tool}. */
@Subtype(table = "tl_power_tool")
public abstract sealed class PowerTool extends Tool permits Drill, Saw {

    private int watts;

    @BeforeInsert
    void checkWatts() {
        Trail.record("PowerTool.checkWatts");
    }

    public int getWatts() {
        return watts;
    }

    public void setWatts(int watts) {
        this.watts = watts;
    }
}
