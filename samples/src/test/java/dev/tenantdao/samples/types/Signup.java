package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.time.Instant;
import java.util.UUID;

/**
 * Columns with defaults the application may override (a primitive, a nullable text), and one only
 * the database writes ({@code insertable = false, updatable = false}).
 */
@Entity
@Tenanted
public record Signup(
        @Id UUID id,
        @Column(defaultSql = "false") boolean consent,
        @Column(defaultSql = "'web'", nullable = false) String channel,
        @Column(defaultSql = "now()", insertable = false, updatable = false) Instant recordedAt) {

    static Signup of(boolean consent, String channel) {
        return new Signup(UUID.randomUUID(), consent, channel, null);
    }
}
