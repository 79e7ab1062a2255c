package dev.tenantdao.samples.trial.tools;

import dev.tenantdao.runtime.Converter;

/** Stores a {@link Phone} as its digits. */
public final class PhoneConverter implements Converter<Phone, String> {

    @Override
    public String toDatabase(Phone value) {
        return value.number();
    }

    @Override
    public Phone fromDatabase(String value) {
        return new Phone(value);
    }
}
