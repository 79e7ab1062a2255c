package dev.tenantdao.samples.boot;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.References;

/** A comment on a ticket of the same tenant; its insert hook trims the text. */
@Entity
public record TicketComment(
        @Id(generated = true) Long id,
        @References(Ticket.class) long ticketId,
        @Column(nullable = false) String author,
        @Column(nullable = false) String body) {

    public static TicketComment of(long ticketId, String author, String body) {
        return new TicketComment(null, ticketId, author, body);
    }

    @BeforeInsert
    TicketComment trimmed() {
        return new TicketComment(id, ticketId, author, body == null ? null : body.strip());
    }
}
