package dev.tenantdao.samples.trial.tools;

/** A member's phone number or the desk's extension: 3 to 15 digits (a leading + kept). */
public record Phone(String number) {

    public Phone {
        if (!number.matches("\\+?[0-9]{3,15}")) {
            throw new IllegalArgumentException("not a phone number: " + number);
        }
    }

    /** Accepts what members type: spaces, dashes, brackets. */
    public static Phone parse(String typed) {
        return new Phone(typed.replaceAll("[\\s()\\-]", ""));
    }
}
