package dev.tenantdao.samples.embedded;

/** A unit of length, stored by its symbol through {@link UnitConverter}. */
public enum Unit {
    MILLIMETRE("mm"), CENTIMETRE("cm"), INCH("in");

    final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }
}
