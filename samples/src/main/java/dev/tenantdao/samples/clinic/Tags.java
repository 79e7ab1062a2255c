package dev.tenantdao.samples.clinic;

import java.util.List;
import java.util.Locale;

/** A note's tags, kept lower-case, sorted and without duplicates. */
public record Tags(List<String> values) {

    public Tags {
        values = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).distinct()
                .sorted().toList();
    }

    public static Tags of(String... values) {
        return new Tags(List.of(values));
    }
}
