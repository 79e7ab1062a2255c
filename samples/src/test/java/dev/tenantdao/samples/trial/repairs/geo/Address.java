package dev.tenantdao.samples.trial.repairs.geo;

import dev.tenantdao.annotations.Column;
import dev.tenantdao.annotations.Convert;
import java.util.Objects;

/** A pickup address, in a package of its own: a class built through its constructor, its postcode converted. */
public final class Address {
    private final String street;
    private final String city;
    @Convert(PostcodeConverter.class)
    @Column(name = "zip")
    private final Postcode postcode;

    public Address(String street, String city, Postcode postcode) {
        this.street = street;
        this.city = city;
        this.postcode = postcode;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public Postcode getPostcode() {
        return postcode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Address a && Objects.equals(street, a.street) && Objects.equals(city, a.city)
                && Objects.equals(postcode, a.postcode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(street, city, postcode);
    }

    @Override
    public String toString() {
        return street + ", " + postcode + " " + city;
    }
}
