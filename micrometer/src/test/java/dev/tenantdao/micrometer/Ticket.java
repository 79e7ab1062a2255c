package dev.tenantdao.micrometer;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Row-tenanted with row-level security, audited; its number is unique per tenant. */
@Entity(table = "metrics_ticket")
@Tenanted
@Audited
public record Ticket(@Id(generated = true) Long id, @Column(unique = true, nullable = false) String number, String title) {

    static Ticket of(String number, String title) {
        return new Ticket(null, number, title);
    }
}
