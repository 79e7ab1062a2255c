package dev.tenantdao.samples.softdelete;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.SoftDelete;
import dev.tenantdao.annotations.Tenanted;

/** {@link RowTicket} with a database per tenant. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
@Audited
@SoftDelete
public record DatabaseTicket(@Id long id, @Column(unique = true) String number, String subject) {}
