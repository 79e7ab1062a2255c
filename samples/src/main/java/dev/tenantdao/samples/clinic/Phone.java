package dev.tenantdao.samples.clinic;

import java.util.Objects;

/**
 * A phone number as people write it ({@code "+41 79 555 01 01"}); stored by {@link PhoneConverter}
 * as its digits after a {@code +}, so two spellings of one number are one value in the database.
 */
public record Phone(String number) {

    public Phone {
        Objects.requireNonNull(number, "number");
    }

    /** The number in E.164 form: {@code +} and its digits. */
    public String e164() {
        return "+" + number.replaceAll("[^0-9]", "");
    }
}
