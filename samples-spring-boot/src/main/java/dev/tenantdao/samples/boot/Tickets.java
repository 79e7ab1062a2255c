package dev.tenantdao.samples.boot;

import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** What the desk asks of its tickets; tenantdao implements it at compile time (TicketsImpl). */
@Repository
public interface Tickets extends CrudRepository<Ticket, Long> {

    @Query("ORDER BY id")
    List<Ticket> all();

    @Find
    @OrderBy("id")
    List<Ticket> withStatus(TicketStatus status);

    List<Ticket> findByAssigneeOrderById(String assignee);

    long countByStatus(TicketStatus status);

    /** Closes every ticket of an assignee in one audited statement (a history row per ticket it changed). */
    @Query("UPDATE Ticket SET status = TicketStatus.CLOSED WHERE assignee = :assignee AND status <> TicketStatus.CLOSED")
    long closeAllOf(String assignee);
}
