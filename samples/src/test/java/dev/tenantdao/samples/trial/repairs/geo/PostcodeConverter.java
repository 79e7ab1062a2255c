package dev.tenantdao.samples.trial.repairs.geo;

import dev.tenantdao.runtime.Converter;

/** A {@link Postcode} as text. */
public final class PostcodeConverter implements Converter<Postcode, String> {
    @Override
    public String toDatabase(Postcode value) {
        return value.value();
    }

    @Override
    public Postcode fromDatabase(String value) {
        return new Postcode(value);
    }
}
