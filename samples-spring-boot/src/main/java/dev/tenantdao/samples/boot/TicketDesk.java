package dev.tenantdao.samples.boot;

import dev.tenantdao.runtime.RowNotFoundException;
import dev.tenantdao.runtime.TenantContext;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's business transactions: the repository, the DAO and the application's own SQL
 * ({@code JdbcTemplate}) in one Spring transaction, committed or rolled back together.
 */
@Service
public class TicketDesk {

    /** A ticket to import with its first comments. */
    public record NewTicket(String title, String assignee, List<String> comments) {}

    private final Tickets tickets;
    private final TicketCommentDao comments;
    private final JdbcTemplate jdbc;

    public TicketDesk(Tickets tickets, TicketCommentDao comments, JdbcTemplate jdbc) {
        this.tickets = tickets;
        this.comments = comments;
        this.jdbc = jdbc;
    }

    /**
     * Imports tickets with their comments, all or nothing: each ticket (an audited insert), its
     * comments (one {@code insertAll}, through their insert hook) and a row of the desk's own activity
     * log written with {@code JdbcTemplate}. A title the tenant already has fails the import with a
     * duplicate key, and Spring's rollback undoes everything before it, history included.
     */
    @Transactional
    public List<Ticket> importTickets(String author, List<NewTicket> incoming) {
        String tenant = TenantContext.current().orElseThrow();
        return incoming.stream().map(n -> {
            Ticket ticket = tickets.insert(Ticket.open(n.title(), n.assignee()));
            comments.insertAll(n.comments().stream().map(body -> TicketComment.of(ticket.id(), author, body)).toList());
            jdbc.update("INSERT INTO desk_activity (tenant_id, ticket_id, what) VALUES (?, ?, ?)",
                    tenant, ticket.id(), "imported by " + author);
            return ticket;
        }).toList();
    }

    /** The activity log of a ticket, read with the application's own SQL (row-level security applies). */
    @Transactional(readOnly = true)
    public List<String> activity(long ticketId) {
        // the transaction's first tenantdao call also sets the tenant on its connection, for the SQL below
        tickets.findById(ticketId).orElseThrow(() -> new RowNotFoundException("Ticket", ticketId));
        return jdbc.queryForList("SELECT what FROM desk_activity WHERE ticket_id = ? ORDER BY at, what", String.class,
                ticketId);
    }
}
