package dev.tenantdao.samples.common;

import java.util.ArrayList;
import java.util.List;

/**
 * The hooks that ran on this thread, in the order they ran: the hierarchy samples' hook methods and
 * listeners record themselves here, so their tests can show in which order a root's and a subtype's
 * hooks run.
 */
public final class HookTrail {

    private static final ThreadLocal<List<String>> TRAIL = ThreadLocal.withInitial(ArrayList::new);

    private HookTrail() {}

    /** Records that {@code hook} ran. */
    public static void record(String hook) {
        TRAIL.get().add(hook);
    }

    /** The hooks recorded on this thread since the last call, in order; then forgets them. */
    public static List<String> take() {
        List<String> taken = List.copyOf(TRAIL.get());
        TRAIL.get().clear();
        return taken;
    }
}
