package dev.tenantdao.runtime;

/**
 * Converts a field's Java type {@code J} to a type the database column holds {@code D} and back.
 * {@code D} is one of the types tenantdao maps by itself: a primitive box, {@code String},
 * {@code BigDecimal}, {@code UUID}, a {@code java.time} type, {@code byte[]}.
 *
 * <pre>{@code
 * public final class MoneyConverter implements Converter<Money, BigDecimal> {
 *     public BigDecimal toDatabase(Money money) { return money.amount(); }
 *     public Money fromDatabase(BigDecimal amount) { return Money.of(amount); }
 * }
 * }</pre>
 *
 * <p>Neither method is called with null, unless the converter opts in with {@link #convertsNull()}:
 * by default a null field is a NULL column and back. A converter that
 * throws fails the operation with a {@link ConversionException} naming the entity, field, column
 * and (where known) the row's id; the transaction rolls back.
 */
public interface Converter<J, D> {

    D toDatabase(J value);

    J fromDatabase(D value);

    /**
     * Whether this converter is called with null too: {@code toDatabase(null)} when a field is null,
     * {@code fromDatabase(null)} when a column is NULL (in rows and in history rows alike), so that
     * it can map NULL to a domain value ({@code Level.UNKNOWN}) or a null field to a stored value.
     * Default {@code false}: nulls pass through without a call.
     *
     * <pre>{@code
     * public final class LevelConverter implements Converter<Level, String> {
     *     public String toDatabase(Level level) { return level == null || level == Level.UNKNOWN ? null : level.name(); }
     *     public Level fromDatabase(String name) { return name == null ? Level.UNKNOWN : Level.valueOf(name); }
     *     public boolean convertsNull() { return true; }
     * }
     * }</pre>
     */
    default boolean convertsNull() {
        return false;
    }
}
