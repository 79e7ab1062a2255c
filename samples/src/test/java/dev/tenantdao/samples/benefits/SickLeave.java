package dev.tenantdao.samples.benefits;

import dev.tenantdao.annotations.Subtype;

/** Sick leave, for a number of days. Table {@code sick_leave}. */
@Subtype("sick")
public final class SickLeave extends Leave {

    private int days;

    public SickLeave() {
    }

    public SickLeave(String holder, int days) {
        setHolder(holder);
        this.days = days;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }
}
