package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

// README: soft-delete-entity
/** A support ticket: deleting one keeps its row, marked deleted, for restore and audit. */
@Entity
@Tenanted
@Audited
@SoftDelete
public record RowTicket(@Id long id, @Column(unique = true) String number, String subject) {}
// README: end
