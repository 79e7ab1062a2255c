package dev.tenantdao.samples.archive;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Tenanted;

/** Attachments of archived documents, in each tenant's own database: a joined, audited hierarchy. */
@Entity
@Tenanted(strategy = Tenanted.Strategy.DATABASE)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
@Audited
public sealed interface Attachment permits Attachment.Scan, Attachment.Memo, Attachment.Link {

    @Id(generated = true)
    long id();

    String label();

    record Scan(long id, String label, int pages) implements Attachment {}

    record Memo(long id, String label, String text) implements Attachment {}

    record Link(long id, String label, String url) implements Attachment {}
}
