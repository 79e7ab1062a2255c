package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** {@link RowTicket} with a schema per tenant, its column named otherwise. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Audited
@SoftDelete(column = "removed_at")
public record SchemaTicket(@Id long id, @Column(unique = true) String number, String subject) {}
