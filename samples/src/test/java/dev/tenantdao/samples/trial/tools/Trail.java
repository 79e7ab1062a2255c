package dev.tenantdao.samples.trial.tools;

import java.util.ArrayList;
import java.util.List;

/** What the hooks and listeners did, in order (one test thread at a time). */
public final class Trail {

    private static final List<String> CALLS = new ArrayList<>();

    private Trail() {}

    public static synchronized void record(String call) {
        CALLS.add(call);
    }

    public static synchronized List<String> drain() {
        List<String> calls = List.copyOf(CALLS);
        CALLS.clear();
        return calls;
    }
}
