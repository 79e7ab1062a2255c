package dev.tenantdao.samples.trial.vet;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Listeners;

/** An intermediate level: treatments done in the theatre. */
@Listeners(ProcedureLog.class)
public sealed interface Procedure extends Treatment permits Surgery, Dental {

    @BeforeInsert
    default Procedure procedureBeforeInsert() {
        VetTrail.record("Procedure.beforeInsert");
        return this;
    }
}
