package dev.tenantdao.samples.trial.vet;

import java.util.ArrayList;
import java.util.List;

/** What the treatments' hooks and listeners did, in order (one test thread at a time). */
public final class VetTrail {

    private static final List<String> CALLS = new ArrayList<>();

    private VetTrail() {}

    public static synchronized void record(String call) {
        CALLS.add(call);
    }

    public static synchronized List<String> drain() {
        List<String> calls = List.copyOf(CALLS);
        CALLS.clear();
        return calls;
    }
}
