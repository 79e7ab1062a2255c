package dev.tenantdao.samples.clinic;

import dev.tenantdao.runtime.Converter;
import java.util.Arrays;

/** {@link Tags} as one {@code text}: the tags joined with commas ({@code "allergy,follow-up"}). */
public final class TagsConverter implements Converter<Tags, String> {

    @Override
    public String toDatabase(Tags value) {
        return String.join(",", value.values());
    }

    @Override
    public Tags fromDatabase(String value) {
        return new Tags(value.isEmpty() ? java.util.List.of() : Arrays.asList(value.split(",")));
    }
}
