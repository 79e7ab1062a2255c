package dev.tenantdao.samples.claims;

import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Polymorphic;
import dev.tenantdao.annotations.Subtype;
import dev.tenantdao.annotations.Tenanted;
import java.util.UUID;

/**
 * A sealed hierarchy of records, a table per subtype, in each tenant's own schema, with an
 * interface level ({@link Live}) whose accessor is a column of its own table {@code live_course}.
 */
@Entity
@Tenanted(strategy = Tenanted.Strategy.SCHEMA)
@Polymorphic(strategy = Polymorphic.Strategy.JOINED)
public sealed interface Course permits Course.Live, Course.Recorded {

    @Id
    UUID id();

    String title();

    /** Courses given in a room: a level with a column of its own. */
    @Subtype(table = "live_course")
    sealed interface Live extends Course permits Course.Workshop, Course.Lecture {

        @Column(nullable = false)
        String room();
    }

    @Subtype("workshop")
    record Workshop(UUID id, String title, String room, int seats) implements Live {}

    @Subtype("lecture")
    record Lecture(UUID id, String title, String room, String speaker) implements Live {}

    @Subtype("recorded")
    record Recorded(UUID id, String title, String url) implements Course {}
}
