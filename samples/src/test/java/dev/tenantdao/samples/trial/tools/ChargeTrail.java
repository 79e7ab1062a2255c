package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.runtime.EntityListener;

/** The root's listener: records every charge written and read. */
public final class ChargeTrail implements EntityListener<Charge> {

    @Override
    public Charge beforeInsert(Charge entity) {
        Trail.record("ChargeTrail.beforeInsert");
        return entity;
    }

    @Override
    public void afterInsert(Charge entity) {
        Trail.record("ChargeTrail.afterInsert");
    }

    @Override
    public void afterLoad(Charge entity) {
        Trail.record("ChargeTrail.afterLoad");
    }
}
