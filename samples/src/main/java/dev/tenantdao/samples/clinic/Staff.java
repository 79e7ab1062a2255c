package dev.tenantdao.samples.clinic;

import jakarta.data.Limit;
import jakarta.data.Sort;
import jakarta.data.page.Page;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Find;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The staff of the current clinic, in its schema. */
@Repository
public interface Staff extends CrudRepository<StaffMember, String> {

    List<StaffMember> findByRoleOrderByBadge(StaffRole role);

    List<StaffMember> findByRoleInOrderByBadge(List<StaffRole> roles);

    List<StaffMember> findByOnCallTrueOrderByBadge();

    long countByRole(StaffRole role);

    boolean existsByNameIgnoreCase(String name);

    Optional<StaffMember> findByPager(Phone pager);

    List<StaffMember> findByPagerInOrderByBadge(List<Phone> pagers);

    List<StaffMember> findByNameContainsIgnoreCaseOrderByBadge(String part);

    List<StaffMember> findBySinceGreaterThanEqualOrderBySinceAscBadgeDesc(LocalDate since);

    @Find
    Page<StaffMember> byRole(StaffRole role, PageRequest pageRequest);

    @Find
    Stream<StaffMember> streamByOnCall(boolean onCall);

    @Find
    List<StaffMember> all(Limit limit, Sort<StaffMember> sort);

    @Query("SELECT badge, name FROM StaffMember WHERE role = :role ORDER BY badge")
    List<Badge> badges(StaffRole role);

    @Query("SELECT name FROM StaffMember WHERE onCall = true ORDER BY name")
    List<String> namesOnCall();

    @Query("UPDATE StaffMember SET onCall = :onCall WHERE role = :role")
    long setOnCall(StaffRole role, boolean onCall);

    @Query("UPDATE StaffMember SET role = StaffRole.PHYSICIAN WHERE badge = :badge")
    boolean promote(String badge);

    long deleteByRole(StaffRole role);

    @Query("DELETE FROM StaffMember WHERE since < :before")
    long retireBefore(LocalDate before);

    /** A badge and a name. */
    record Badge(String badge, String name) {}
}
