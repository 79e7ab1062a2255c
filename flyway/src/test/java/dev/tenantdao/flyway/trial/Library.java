package dev.tenantdao.flyway.trial;

import static dev.tenantdao.flyway.trial.Trial.entity;

/** The lending library chain's entities, version 1 (branches are tenants). */
final class Library {

    private Library() {}

    static final String BOOK = entity("""
            @Entity @Tenanted @Audited
            public record Book(@Id(generated = true) long id, @Column(nullable = false) String title,
                    @Column(unique = true) String isbn, int pages, @Version long version) {}""");

    static final String MEMBER = entity("""
            @Entity @Tenanted
            public record Member(@Id(generated = true) long id, @Column(nullable = false) String name, String email) {}""");

    static final String COPY = entity("""
            @Entity @Tenanted
            public record Copy(@Id(generated = true) long id, @References(Book.class) long bookId, String barcode) {}""");

    static final String LOAN = entity("""
            @Entity @Tenanted
            public record Loan(@Id(generated = true) long id, @References(Copy.class) long copyId,
                    @References(Member.class) long memberId, @Column(type = "loan_status", nullable = false) Status status,
                    LocalDate due) {
                public enum Status { OPEN, RETURNED }
            }""");

    /** A single table: fees of two kinds. */
    static final String FEE = entity("""
            @Entity @Tenanted @Polymorphic(strategy = Polymorphic.Strategy.SINGLE_TABLE, discriminator = "kind")
            public sealed interface Fee permits LateFee, DamageFee {
                @Id(generated = true) long id();
                @Column(nullable = false) BigDecimal amount();
            }""");
    static final String LATE_FEE = entity("""
            @Subtype("late")
            public record LateFee(long id, BigDecimal amount, int days) implements Fee {}""");
    static final String DAMAGE_FEE = entity("""
            @Subtype("damage")
            public record DamageFee(long id, BigDecimal amount, @Column(nullable = false) String damage) implements Fee {}""");

    /** Joined: events of a branch. */
    static final String EVENT = entity("""
            @Entity(table = "library_event") @Tenanted @Audited
            @Polymorphic(strategy = Polymorphic.Strategy.JOINED, subtypes = {Reading.class, Workshop.class})
            public abstract class LibraryEvent {
                @Id(generated = true) public Long id;
                @Column(nullable = false) public String title;
            }""");
    static final String READING = entity("""
            public final class Reading extends LibraryEvent { public String author; }""");
    static final String WORKSHOP = entity("""
            public final class Workshop extends LibraryEvent { @Column(nullable = false) public String topic; }""");
}
