package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;

/** A soft-deleted ticket with optimistic locking: a soft delete and a restore move its version on. */
@Entity(table = "soft_versioned_ticket")
@Tenanted
@Audited
@SoftDelete
public record VersionedTicket(@Id long id, String subject, @Version int version) {}
