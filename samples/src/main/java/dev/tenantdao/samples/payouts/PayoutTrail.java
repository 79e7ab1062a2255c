package dev.tenantdao.samples.payouts;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.common.HookTrail;

/** The root's listener: records the inserts, updates and loads of every kind of payout. */
public final class PayoutTrail implements EntityListener<Payout> {

    @Override
    public Payout beforeInsert(Payout payout) {
        HookTrail.record("PayoutTrail.beforeInsert");
        return payout;
    }

    @Override
    public void afterInsert(Payout payout) {
        HookTrail.record("PayoutTrail.afterInsert");
    }

    @Override
    public Payout beforeUpdate(Payout payout) {
        HookTrail.record("PayoutTrail.beforeUpdate");
        return payout;
    }

    @Override
    public void afterLoad(Payout payout) {
        HookTrail.record("PayoutTrail.afterLoad");
    }
}
