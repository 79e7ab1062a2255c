package dev.tenantdao.samples.hostile;

import java.util.ArrayList;
import java.util.List;

/** What the listeners saw, in order. */
public final class Calls {
    private static final List<String> CALLS = new ArrayList<>();

    private Calls() {}

    public static synchronized void log(String call) {
        CALLS.add(call);
    }

    public static synchronized List<String> takeAll() {
        List<String> all = List.copyOf(CALLS);
        CALLS.clear();
        return all;
    }
}
