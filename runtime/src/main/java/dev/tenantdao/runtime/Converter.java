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
 * <p>Neither method is called with null: a null field is a NULL column and back. A converter that
 * throws fails the operation with a {@link ConversionException} naming the entity, field, column
 * and (where known) the row's id; the transaction rolls back.
 */
public interface Converter<J, D> {

    D toDatabase(J value);

    J fromDatabase(D value);
}
