package dev.tenantdao.samples.payments;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.common.HookTrail;

/** The root's listener: records the inserts and loads of every kind of payment. */
public final class PaymentTrail implements EntityListener<Payment> {

    @Override
    public Payment beforeInsert(Payment payment) {
        HookTrail.record("PaymentTrail.beforeInsert");
        return payment;
    }

    @Override
    public void afterInsert(Payment payment) {
        HookTrail.record("PaymentTrail.afterInsert");
    }

    @Override
    public void afterLoad(Payment payment) {
        HookTrail.record("PaymentTrail.afterLoad");
    }
}
