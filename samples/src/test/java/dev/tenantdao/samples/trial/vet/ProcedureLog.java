package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.runtime.EntityListener;

/** The intermediate level's listener. */
public final class ProcedureLog implements EntityListener<Procedure> {

    @Override
    public Procedure beforeInsert(Procedure procedure) {
        VetTrail.record("ProcedureLog.beforeInsert");
        return procedure;
    }
}
