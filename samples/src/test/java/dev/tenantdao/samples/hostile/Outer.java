package dev.tenantdao.samples.hostile;

import dev.tenantdao.annotations.Convert;
import dev.tenantdao.annotations.Entity;
import dev.tenantdao.annotations.Id;
import dev.tenantdao.annotations.Tenanted;
import dev.tenantdao.runtime.Converter;

/** Nested classes: an entity and its converter, each named like a class of another package. */
public final class Outer {
    private Outer() {}

    /** Named like {@code dev.tenantdao.runtime.Converter}, nested. */
    public static final class MoneyConverter implements Converter<Amount, String> {
        @Override
        public String toDatabase(Amount value) {
            return "EUR " + value.value().toPlainString();
        }

        @Override
        public Amount fromDatabase(String value) {
            return Amount.of(value.substring(4));
        }
    }

    /** A nested entity named like {@code dev.tenantdao.runtime.Database}. */
    @Entity(table = "nested_database")
    @Tenanted
    public record Database(@Id long id, @Convert(MoneyConverter.class) Amount price,
            @Convert(dev.tenantdao.samples.hostile.a.MoneyConverter.class) Amount cost) {}
}
