package dev.tenantdao.spring.boot;

import dev.tenantdao.annotations.Audited;
import dev.tenantdao.annotations.BeforeInsert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;

/** Row-tenanted with row-level security (the default), audited, with a hook (its writes are "atomic"). */
@Entity
@Tenanted
@Audited
public record Note(@Id(generated = true) Long id, String text) {

    static Note of(String text) {
        return new Note(null, text);
    }

    @BeforeInsert
    Note trimmed() {
        return new Note(id, text == null ? null : text.strip());
    }
}
