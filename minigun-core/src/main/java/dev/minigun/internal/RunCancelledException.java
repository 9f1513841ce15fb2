package dev.minigun.internal;

import java.io.Serial;

/**
 * Unwinds a stage's thread once its run is cancelled: thrown by a blocked emit or take. It carries
 * no stack trace because it is control flow, not a failure; the run's report says what was in
 * flight.
 */
public final class RunCancelledException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** A new signal. */
    public RunCancelledException() {
        super("run cancelled", null, false, false);
    }
}
