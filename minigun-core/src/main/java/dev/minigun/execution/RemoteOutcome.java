package dev.minigun.execution;

import java.util.List;
import java.util.Optional;

/**
 * What a stage's code did with one item in a worker: the items it emitted (in order, each with its
 * {@code emitTo} target or none for a plain emit), whether a filter dropped the item, or what it
 * threw. The core replays the emissions downstream and applies the stage's error policy to the
 * error exactly as for a stage that runs in this JVM.
 *
 * @param emitted what the code emitted, in order
 * @param filtered whether a filter dropped the item
 * @param error what the code threw (carrying the remote stack trace), if it threw
 */
public record RemoteOutcome(List<Emission> emitted, boolean filtered, Optional<Throwable> error) {

    /** Copies the list. */
    public RemoteOutcome {
        emitted = List.copyOf(emitted);
    }

    /**
     * One item a remote stage emitted.
     *
     * @param target the {@code emitTo} target, or empty for a plain emit
     * @param item the item
     */
    public record Emission(Optional<String> target, Object item) {}
}
