package com.example.billing;

import dev.tenantdao.annotations.AfterLoad;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Converters;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Listeners;
import dev.tenantdao.annotations.Tenanted;
import java.time.Instant;
import java.util.UUID;

/** Converters (one per field, one for a type) and hooks (the entity's own, and a listener), row-tenanted. */
@Entity
@Tenanted(rowLevelSecurity = false)
@Converters(PlanConverter.class)
@Listeners(SubscriptionListener.class)
public record Subscription(
        @Id(generated = true) UUID id,
        Plan plan,
        @Convert(CentsConverter.class) Cents price,
        @Column(defaultSql = "now()", updatable = false) Instant startedAt) {

    @BeforeInsert
    Subscription trimmed() {
        return this;
    }

    @AfterLoad
    void loaded() {}
}
