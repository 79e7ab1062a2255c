package com.example.billing;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import java.time.Instant;

/** A soft-deleted, audited, row-tenanted entity with a unique column and the deletion time exposed. */
@Entity
@Tenanted
@Audited
@SoftDelete
public record Ticket(
        @Id long id,
        @Column(unique = true) String number,
        String subject,
        @Column(name = "deleted_at", insertable = false) Instant deletedAt) {}
