package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.annotations.Subtype;
import java.time.LocalDate;

/** No borrowing until a date (and a fine). */
@Subtype("ban")
public record BanPenalty(long id, long memberId, Money amount, LocalDate bannedUntil) implements Penalty {}
