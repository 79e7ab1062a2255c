package dev.tenantdao.samples.audit;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.NotAudited;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.annotations.Version;
import java.math.BigDecimal;
import java.util.UUID;

/** Audited, with optimistic locking and two fields left out of history. */
@Entity
@Tenanted
@Audited(exclude = "internalNote")
public record Contract(
        @Id UUID id,
        String title,
        BigDecimal amount,
        @Version long version,
        String internalNote,
        @NotAudited Integer views) {

    static Contract of(String title, String amount) {
        return new Contract(UUID.randomUUID(), title, new BigDecimal(amount), 0, null, 0);
    }

    Contract withTitle(String newTitle) {
        return new Contract(id, newTitle, amount, version, internalNote, views);
    }

    Contract withNote(String note) {
        return new Contract(id, title, amount, version, note, views);
    }
}
