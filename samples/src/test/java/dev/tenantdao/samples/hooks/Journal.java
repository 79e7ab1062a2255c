package dev.tenantdao.samples.hooks;

import java.util.ArrayList;
import java.util.List;

/** What the hooks of this package did, in order, on this thread. */
final class Journal {

    private static final ThreadLocal<List<String>> ENTRIES = ThreadLocal.withInitial(ArrayList::new);

    private Journal() {}

    static void log(String entry) {
        ENTRIES.get().add(entry);
    }

    static List<String> take() {
        List<String> entries = List.copyOf(ENTRIES.get());
        ENTRIES.get().clear();
        return entries;
    }
}
