package dev.tenantdao.samples.types;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/** An id only the database writes (insertable = false, a default). */
@Entity
@Tenanted
public record Receipt(@Id @Column(insertable = false, defaultSql = "gen_random_uuid()") UUID id, String note) {}
