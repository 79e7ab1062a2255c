package dev.tenantdao.samples.boot;

import dev.tenantdao.runtime.DataAccessException;
import dev.tenantdao.runtime.RowNotFoundException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desk's HTTP API. Every handler runs as the request's tenant (the {@code X-Tenant-Id} header,
 * taken by tenantdao's filter); tenantdao's exceptions become problem details (a missing row 404, a
 * stale version 409) through tenantdao's auto-configured advice.
 */
@RestController
@RequestMapping("/tickets")
public class TicketController {

    /** What a client sends to open a ticket. */
    public record OpenTicket(String title, String assignee) {}

    /** What a client sends to comment. */
    public record NewComment(String author, String body) {}

    private final Tickets tickets;
    private final TicketDao ticketDao;
    private final TicketCommentDao commentDao;
    private final Comments comments;
    private final TicketDesk desk;

    public TicketController(Tickets tickets, TicketDao ticketDao, TicketCommentDao commentDao, Comments comments,
            TicketDesk desk) {
        this.tickets = tickets;
        this.ticketDao = ticketDao;
        this.commentDao = commentDao;
        this.comments = comments;
        this.desk = desk;
    }

    @GetMapping
    public List<Ticket> list(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) String assignee) {
        if (assignee != null) {
            return tickets.findByAssigneeOrderById(assignee);
        }
        return status == null ? tickets.all() : tickets.withStatus(status);
    }

    @GetMapping("/{id}")
    public Ticket get(@PathVariable long id) {
        return ticketDao.findById(id).orElseThrow(() -> new RowNotFoundException("Ticket", id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Ticket open(@RequestBody OpenTicket open) {
        return tickets.insert(Ticket.open(open.title(), open.assignee()));
    }

    /** Updates a ticket at the version the client read: a stale version is a 409. */
    @PutMapping("/{id}")
    public Ticket update(@PathVariable long id, @RequestBody Ticket ticket) {
        return ticketDao.update(new Ticket(id, ticket.title(), ticket.status(), ticket.assignee(), ticket.version()));
    }

    @PostMapping("/close")
    public long closeAllOf(@RequestParam String assignee) {
        return tickets.closeAllOf(assignee);
    }

    @GetMapping("/{id}/comments")
    public List<TicketComment> comments(@PathVariable long id) {
        return comments.findByTicketIdOrderById(id);
    }

    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    public TicketComment comment(@PathVariable long id, @RequestBody NewComment comment) {
        return commentDao.insert(TicketComment.of(id, comment.author(), comment.body()));
    }

    @PostMapping("/import")
    @ResponseStatus(HttpStatus.CREATED)
    public List<Ticket> importTickets(@RequestParam String author, @RequestBody List<TicketDesk.NewTicket> incoming) {
        return desk.importTickets(author, incoming);
    }

    @GetMapping("/{id}/activity")
    public List<String> activity(@PathVariable long id) {
        return desk.activity(id);
    }

    /**
     * The application's own handler, for what tenantdao's advice leaves alone: a title the tenant already
     * has (a unique violation, SQL state 23505) is a 409; any other database failure stays a 500.
     */
    @ExceptionHandler(DataAccessException.class)
    public ProblemDetail databaseFailure(DataAccessException e) {
        if ("23505".equals(e.sqlState())) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "A ticket with that title exists");
        }
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The database failed");
    }
}
