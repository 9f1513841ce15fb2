package dev.minigun.internal;

import dev.minigun.PipelineException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the stage names given to {@code emitTo}: an exact name first, then a unique short name
 * (the part after the last {@code /} of a fragment's scoped name). An unknown or ambiguous name is
 * an error that names it; resolved names are cached, so a hot {@code emitTo} costs a map lookup.
 */
public final class Directory {
    private final Map<String, Target> byName;
    private final Map<String, String> hosts;
    private final Map<String, Boolean> anyCaller;
    private final Map<String, Target> resolved = new ConcurrentHashMap<>();

    /**
     * @param byName every stage that can receive items, by full name
     * @param hosts the stage owning the context each stage runs in
     * @param anyCaller whether a directly called stage may be called from any context
     */
    public Directory(Map<String, Target> byName, Map<String, String> hosts, Map<String, Boolean> anyCaller) {
        this.byName = Map.copyOf(byName);
        this.hosts = Map.copyOf(hosts);
        this.anyCaller = Map.copyOf(anyCaller);
    }

    /** The target for {@code name} as asked by {@code sender}. */
    public Target resolve(String sender, String name) {
        Target t = resolved.get(name);
        if (t == null) {
            t = lookup(sender, name);
            resolved.put(name, t);
        }
        if (t instanceof DirectTarget
                && !anyCaller.getOrDefault(t.stage(), false)
                && !hosts.get(t.stage()).equals(hosts.get(sender))) {
            throw new PipelineException(
                    sender,
                    "stage '" + sender + "' cannot emitTo '" + t.stage()
                            + "': that stage runs colocated in the context of '"
                            + hosts.get(t.stage()) + "', so only that context may call it; give '" + t.stage()
                            + "' a context of its own (an Exec) to receive items from other stages");
        }
        return t;
    }

    private Target lookup(String sender, String name) {
        Target exact = byName.get(name);
        if (exact != null) {
            return exact;
        }
        List<String> matches = new ArrayList<>();
        for (String full : byName.keySet()) {
            if (full.substring(full.lastIndexOf('/') + 1).equals(name)) {
                matches.add(full);
            }
        }
        if (matches.size() == 1) {
            return byName.get(matches.getFirst());
        }
        if (matches.isEmpty()) {
            throw new PipelineException(
                    sender,
                    "stage '" + sender + "' emitted to unknown stage '" + name
                            + "': no stage has that name; stages that take items: "
                            + byName.keySet().stream().sorted().toList());
        }
        matches.sort(null);
        throw new PipelineException(
                sender,
                "ambiguous stage name '" + name + "': found " + matches.size() + " matches ("
                        + String.join(", ", matches) + "); emitTo the full name");
    }
}
