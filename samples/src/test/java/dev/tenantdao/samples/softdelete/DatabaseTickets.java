package dev.tenantdao.samples.softdelete;

import jakarta.data.repository.By;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;

/** Repository methods of every kind on a soft-deleted entity: each sees, changes and deletes live rows only. */
@Repository
public interface DatabaseTickets {

    Optional<DatabaseTicket> findByNumber(String number);

    List<DatabaseTicket> findBySubjectOrderById(String subject);

    long countBySubject(String subject);

    boolean existsByNumber(String number);

    @Find
    @OrderBy("id")
    List<DatabaseTicket> about(@By("subject") String subject);

    @Query("UPDATE DatabaseTicket SET subject = :subject WHERE number = :number")
    boolean retitle(String number, String subject);

    @Query("UPDATE DatabaseTicket SET subject = :subject WHERE subject = :old")
    long retitleAll(String old, String subject);

    /** A derived bulk delete: a soft delete of every matching live row. */
    long deleteBySubject(String subject);

    @Delete
    int close(@By("number") String number);

    /** JDQL DELETE: an update of the deletion time. */
    @Query("DELETE FROM DatabaseTicket WHERE id > :id")
    long deleteAbove(long id);
}
