package dev.tenantdao.samples.clinic;

import jakarta.data.Order;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.By;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Delete;
import jakarta.data.repository.Find;
import jakarta.data.repository.OrderBy;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The patients of the current clinic. */
@Repository
public interface Patients extends CrudRepository<Patient, Long> {

    Optional<Patient> findByMrn(String mrn);

    boolean existsByMrn(String mrn);

    List<Patient> findByLastNameIgnoreCaseOrderByFirstName(String lastName);

    List<Patient> findByBloodTypeInOrderByMrn(Collection<BloodType> types);

    List<Patient> findByBloodTypeNotInOrderByMrn(List<BloodType> types);

    List<Patient> findByPhone(Phone phone);

    /** IgnoreCase with In: see the report (the case is not ignored). */
    List<Patient> findByLastNameIgnoreCaseInOrderByMrn(List<String> lastNames);

    /** IgnoreCase with Between: see the report (the case is not ignored). */
    List<Patient> findByLastNameIgnoreCaseBetweenOrderByMrn(String from, String to);

    /** An IN list given as a primitive array. */
    List<Patient> findByIdInOrderByMrn(long[] ids);

    /** An IN list given as an array of boxes. */
    List<Patient> findByIdIn(Long[] ids);

    List<Patient> findByPhoneInOrderByMrn(List<Phone> phones);

    List<Patient> findByPhoneNullOrderByMrn();

    List<Patient> findByActiveTrueOrderByMrn();

    long countByActiveFalse();

    int countByBloodType(BloodType bloodType);

    List<Patient> findByBirthDateLessThanEqualOrderByBirthDateDesc(LocalDate date);

    List<Patient> findByLastNameStartsWithOrFirstNameContainsOrderByMrn(String prefix, String part);

    List<Patient> findFirst2ByActiveTrueOrderByBirthDate();

    List<Patient> findByBirthDateNotNullAndBloodTypeNotOrderByMrn(BloodType bloodType);

    /** An array result, ordered by the annotation. */
    @Find
    @OrderBy("mrn")
    Patient[] byBloodType(BloodType bloodType);

    @Find
    Page<Patient> active(boolean active, PageRequest pageRequest, Order<Patient> order);

    @Find
    Stream<Patient> streamByBloodType(@By("bloodType") BloodType type);

    /** A projection by JDQL select. */
    @Query("SELECT mrn, lastName FROM Patient WHERE active = true ORDER BY mrn")
    List<Chart> charts();

    /** A projection by its components. */
    @Find
    @OrderBy("mrn")
    List<Chart> chartsOf(BloodType bloodType);

    /** One attribute, found by a converted one. */
    @Query("SELECT mrn FROM Patient WHERE phone = :phone ORDER BY mrn")
    List<String> mrnsByPhone(Phone phone);

    @Query("WHERE lower(lastName) LIKE :pattern ORDER BY mrn")
    List<Patient> lastNameLike(String pattern);

    @Query("WHERE bloodType = ?1 OR phone = ?2 ORDER BY mrn")
    List<Patient> byTypeOrPhone(BloodType bloodType, Phone phone);

    @Query("WHERE phone IN (:first, :second) ORDER BY mrn")
    List<Patient> byEitherPhone(Phone first, Phone second);

    @Query("SELECT count(this) FROM Patient WHERE bloodType IN (?1, ?2)")
    long countOfTypes(BloodType one, BloodType other);

    @Query("UPDATE Patient SET active = false WHERE birthDate < :cutoff")
    long deactivateBornBefore(LocalDate cutoff);

    @Query("UPDATE Patient SET phone = :phone WHERE mrn = :mrn")
    boolean changePhone(String mrn, Phone phone);

    long deleteByActiveFalse();

    @Delete
    int discharge(@By("mrn") String mrn);

    /** A projection with a converted component. */
    @Find
    @OrderBy("mrn")
    List<PhoneBookEntry> phoneBook(boolean active);

    /** A medical record number and a phone. */
    record PhoneBookEntry(String mrn, Phone phone) {}

    /** A medical record number and a last name. */
    record Chart(String mrn, String lastName) {}
}
