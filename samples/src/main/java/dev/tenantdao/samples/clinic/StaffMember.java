package dev.tenantdao.samples.clinic;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.time.LocalDate;

/**
 * A member of a clinic's staff, in the clinic's own schema ({@code Tenanted.Strategy.SCHEMA}), keyed by
 * badge; the role is a PostgreSQL enum type, the pager a converted {@link Phone}.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
public record StaffMember(
        @Id String badge,
        @Column(nullable = false) String name,
        @Column(type = "staff_role", nullable = false) StaffRole role,
        @Convert(PhoneConverter.class) Phone pager,
        LocalDate since,
        boolean onCall) {

    public StaffMember withOnCall(boolean newOnCall) {
        return new StaffMember(badge, name, role, pager, since, newOnCall);
    }
}
