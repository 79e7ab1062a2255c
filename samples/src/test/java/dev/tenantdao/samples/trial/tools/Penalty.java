package dev.tenantdao.samples.trial.tools;

/** A penalty: an intermediate level of {@link Charge} (no value of its own). */
public sealed interface Penalty extends Charge permits LostToolPenalty, BanPenalty {
}
