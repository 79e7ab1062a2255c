package dev.tenantdao.samples.clinic;

import dev.tenantdao.runtime.Converter;

/** {@link Phone} as {@code text} in E.164 form: whatever spelling is written, the digits are stored. */
public final class PhoneConverter implements Converter<Phone, String> {

    @Override
    public String toDatabase(Phone value) {
        return value.e164();
    }

    @Override
    public Phone fromDatabase(String value) {
        return new Phone(value);
    }
}
