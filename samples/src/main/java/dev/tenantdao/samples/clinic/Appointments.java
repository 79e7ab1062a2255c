package dev.tenantdao.samples.clinic;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Insert;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The appointments of the current clinic. */
@Repository
public interface Appointments extends BasicRepository<Appointment, Long> {

    @Insert
    Appointment book(Appointment appointment);

    /** Many bookings in one statement. (A List<Appointment> parameter and result does not compile: see the report.) */
    @Insert
    Appointment[] bookAll(Appointment[] appointments);

    @Find
    @OrderBy("startsAt")
    List<Appointment> forPatient(long patientId);

    List<Appointment> findByStatusAndStartsAtBetweenOrderByStartsAt(AppointmentStatus status, LocalDateTime from,
            LocalDateTime to);

    long countByStatus(AppointmentStatus status);

    boolean existsByPatientIdAndStatus(long patientId, AppointmentStatus status);

    List<Appointment> findByLengthGreaterThanOrderByStartsAt(Duration minimum);

    List<Appointment> findByLengthInOrderByStartsAt(List<Duration> lengths);

    List<Appointment> findByRoomOrderByStartsAt(Room room);

    List<Appointment> findByRoomInOrderByStartsAt(Set<Room> rooms);

    List<Appointment> findByRoomNullOrderByStartsAt();

    /** Cancels, in one audited statement, every appointment in {@code status} starting before {@code before}. */
    @Query("UPDATE Appointment SET status = AppointmentStatus.CANCELLED WHERE status = :status AND startsAt < :before")
    long cancelBefore(AppointmentStatus status, LocalDateTime before);

    @Query("UPDATE Appointment SET room = :room WHERE startsAt >= :from AND startsAt < :to")
    int moveTo(Room room, LocalDateTime from, LocalDateTime to);

    @Query("UPDATE Appointment SET length = length + :extra WHERE id = :id")
    boolean extend(long id, Duration extra);

    long deleteByStatus(AppointmentStatus status);

    @Query("DELETE FROM Appointment WHERE status = ?1 AND startsAt < ?2")
    int purge(AppointmentStatus status, LocalDateTime before);

    @Find
    Page<Appointment> byStatus(AppointmentStatus status, PageRequest pageRequest);

    @Query("WHERE status = :status")
    Page<Appointment> pageByStatus(AppointmentStatus status, PageRequest pageRequest, Order<Appointment> order);

    @Query("SELECT startsAt, status FROM Appointment WHERE patientId = :patientId ORDER BY startsAt")
    List<Slot> slots(long patientId);

    /** One converted attribute. */
    @Query("SELECT length FROM Appointment WHERE patientId = :patientId ORDER BY startsAt")
    List<Duration> lengths(long patientId);

    @Find
    Stream<Appointment> streamByStatus(AppointmentStatus status);

    @Find
    List<Appointment> upcoming(long patientId, Limit limit, Sort<Appointment> sort);

    /** When and in which state. */
    record Slot(LocalDateTime startsAt, AppointmentStatus status) {}
}
