package dev.tenantdao.samples.payouts;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.common.HookTrail;

/** A subtype's listener: records the inserts, updates and loads of bank payouts only. */
public final class BankTrail implements EntityListener<BankPayout> {

    @Override
    public BankPayout beforeInsert(BankPayout bank) {
        HookTrail.record("BankTrail.beforeInsert");
        return bank;
    }

    @Override
    public void afterInsert(BankPayout bank) {
        HookTrail.record("BankTrail.afterInsert");
    }

    @Override
    public BankPayout beforeUpdate(BankPayout bank) {
        HookTrail.record("BankTrail.beforeUpdate");
        return bank;
    }

    @Override
    public void afterLoad(BankPayout bank) {
        HookTrail.record("BankTrail.afterLoad");
    }
}
