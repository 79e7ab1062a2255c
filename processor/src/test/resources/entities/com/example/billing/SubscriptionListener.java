package com.example.billing;

import dev.tenantdao.runtime.EntityListener;

/** Sees every subscription written and read. */
public class SubscriptionListener implements EntityListener<Subscription> {
    @Override
    public Subscription beforeUpdate(Subscription subscription) {
        return subscription;
    }

    @Override
    public void afterInsert(Subscription subscription) {}
}
