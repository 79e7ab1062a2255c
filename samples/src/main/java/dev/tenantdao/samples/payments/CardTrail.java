package dev.tenantdao.samples.payments;

import dev.tenantdao.runtime.EntityListener;
import dev.tenantdao.samples.common.HookTrail;

/** A subtype's listener: records the inserts and loads of card payments only. */
public final class CardTrail implements EntityListener<CardPayment> {

    @Override
    public CardPayment beforeInsert(CardPayment card) {
        HookTrail.record("CardTrail.beforeInsert");
        return card;
    }

    @Override
    public void afterInsert(CardPayment card) {
        HookTrail.record("CardTrail.afterInsert");
    }

    @Override
    public void afterLoad(CardPayment card) {
        HookTrail.record("CardTrail.afterLoad");
    }
}
