package dev.tenantdao.jdbi;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * The entity of a Jakarta Data repository ({@link Tasks}): an application-assigned key (so the DAO has
 * {@code upsert}, and {@code @Save} is one), audited, with an insert hook only (its inserts and upserts
 * are atomic; bulk updates and deletes stay allowed, which update or delete hooks would forbid).
 */
@Entity
@Tenanted
@Audited
public record Task(@Id String code, String title, String state) {

    @BeforeInsert
    Task trimmed() {
        return new Task(code, title == null ? null : title.strip(), state);
    }

    Task withTitle(String title) {
        return new Task(code, title, state);
    }
}
