package dev.tenantdao.jdbi;

import dev.tenantdao.annotations.AfterDelete;
import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/**
 * Row-tenanted with row-level security (the default), audited, with insert, update and delete hooks:
 * each of its writes (insert, insertAll, update, delete) is "atomic", in a transaction of its own when
 * none is open.
 */
@Entity
@Tenanted
@Audited
public record Note(@Id(generated = true) Long id, String text) {

    static Note of(String text) {
        return new Note(null, text);
    }

    Note withText(String text) {
        return new Note(id, text);
    }

    @BeforeInsert
    Note trimmed() {
        return new Note(id, text == null ? null : text.strip());
    }

    @BeforeUpdate
    Note trimmedAgain() {
        return trimmed();
    }

    @AfterDelete
    void deleted() {
        // nothing to do: its presence makes delete(entity) atomic
    }
}
