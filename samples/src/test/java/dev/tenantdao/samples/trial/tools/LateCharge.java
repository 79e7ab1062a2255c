package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Subtype;

/** A fee per day late; its hook caps it at 30 days. */
@Subtype("late")
public record LateCharge(long id, long memberId, Money amount, int daysLate) implements Charge {

    @BeforeInsert
    LateCharge capped() {
        Trail.record("LateCharge.capped");
        return daysLate > 30 ? new LateCharge(id, memberId, amount, 30) : this;
    }
}
