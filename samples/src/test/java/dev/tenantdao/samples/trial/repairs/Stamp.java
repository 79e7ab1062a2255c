package dev.tenantdao.samples.trial.repairs;

import dev.tenantdao.annotations.Column;
import java.time.Instant;

/** When and by whom: the time falls back to the database's clock. */
public record Stamp(@Column(defaultSql = "now()") Instant at, String by) {}
