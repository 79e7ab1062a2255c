package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Subtype;

/** A charge of a kind this version does not know, or a plain one ("other"). */
@Subtype(value = "other", fallback = true)
public record OtherCharge(long id, long memberId, Money amount,
                          @Column(name = "kind", insertable = false) String kind) implements Charge {}
