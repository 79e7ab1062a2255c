package dev.tenantdao.samples.trial.repairs.geo;

/** A postcode, stored as its text without spaces and in upper case. */
public record Postcode(String value) {
    public Postcode {
        value = value.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
