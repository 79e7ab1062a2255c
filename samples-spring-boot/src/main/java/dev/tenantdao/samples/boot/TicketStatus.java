package dev.tenantdao.samples.boot;

/** Where a ticket is; stored by name. */
public enum TicketStatus {
    OPEN,
    IN_PROGRESS,
    CLOSED
}
