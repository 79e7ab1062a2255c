package dev.tenantdao.samples.notices;

import jakarta.data.page.CursoredPage;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import jakarta.data.repository.Update;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Messages (email and text) only: a repository of {@link Message}, an intermediate level of the
 * single-table hierarchy {@link Notice}. Its queries read the level's rows ({@code channel IN
 * ('email', 'sms')}), each as its subtype; its writes go to the concrete subtype's DAO.
 */
@Repository
public interface Messages extends CrudRepository<Message, Long> {

    @Find
    @OrderBy("id")
    List<Message> toRecipient(String recipient);

    List<Message> findByBodyOrderByIdDesc(String body);

    Optional<Message> findFirstByRecipientStartsWithOrderById(String prefix);

    @Query("WHERE body = :body AND recipient <> :excluded ORDER BY recipient")
    Page<Message> withBody(String body, String excluded, PageRequest pageRequest);

    @Query("WHERE body = :body ORDER BY id DESC")
    CursoredPage<Message> newestWithBody(String body, PageRequest pageRequest);

    @Query("SELECT count(this) FROM Message WHERE body = :body")
    long countWithBody(String body);

    long countByRecipient(String recipient);

    boolean existsByRecipient(String recipient);

    @OrderBy("id")
    @Find
    Stream<Message> streamAll();

    @Insert
    List<Message> add(List<Message> messages);

    @Update
    Message change(Message message);

    @Delete
    void remove(Message message);

    CursoredPage<Message> findAllAsOf(Instant at, PageRequest pageRequest);
}
