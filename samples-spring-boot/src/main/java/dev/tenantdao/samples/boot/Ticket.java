package dev.tenantdao.samples.boot;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Version;

/**
 * A ticket: audited (every change writes a row of {@code ticket_history} in the same statement), with
 * an optimistic-locking version, and a title unique within its tenant.
 */
@Entity
@Audited
public record Ticket(
        @Id(generated = true) Long id,
        @Column(unique = true, nullable = false) String title,
        @Column(nullable = false) TicketStatus status,
        String assignee,
        @Version long version) {

    /** A new open ticket, before the database gives it an id. */
    public static Ticket open(String title, String assignee) {
        return new Ticket(null, title, TicketStatus.OPEN, assignee, 0);
    }
}
