package dev.tenantdao.samples.hooks;

import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.BeforeUpdate;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** A record whose before hooks return the record to write. */
@Entity
@Tenanted
public record Note(@Id(generated = true) Long id, String text, int edits) {

    @BeforeInsert
    Note trimmed() {
        return new Note(id, text.strip(), 0);
    }

    @BeforeUpdate
    Note edited() {
        return new Note(id, text, edits + 1);
    }
}
