package dev.tenantdao.samples.boot;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** A ticket's comments, oldest first. */
@Repository
public interface Comments extends DataRepository<TicketComment, Long> {

    List<TicketComment> findByTicketIdOrderById(long ticketId);
}
