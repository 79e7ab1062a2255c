package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Subtype;

/** The price of a tool never returned. */
@Subtype("lost")
public record LostToolPenalty(long id, long memberId, Money amount, String toolCode) implements Penalty {}
