package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared state every stage of one run reports to: the failures, and whether the run has been
 * cancelled and why. The first failure under {@code failFast} cancels the run; the orchestrator
 * supplies what cancelling does (abort the queues, interrupt the contexts).
 */
public final class RunControl {
    private static final int MAX_KEPT = 100;

    private final List<Failure> failures = new ArrayList<>();
    private volatile boolean cancelled;
    private volatile String cancelReason;
    private volatile Failure fatal;
    private volatile Runnable onCancel = () -> {};
    private boolean sealed;

    /** What cancelling does; set once by the orchestrator before any stage starts. */
    public void onCancel(Runnable action) {
        this.onCancel = action;
    }

    /** Records that {@code item} failed at {@code stage}; under failFast the run is cancelled. */
    public void failed(String stage, Object item, Throwable cause, ErrorPolicy policy) {
        failed(Failure.of(stage, item, cause), policy);
    }

    /** Records {@code f}; under failFast the run is cancelled. */
    public void failed(Failure f, ErrorPolicy policy) {
        StageFailureEvent event = new StageFailureEvent();
        if (event.shouldCommit()) {
            event.stage = f.stage() == null ? "" : f.stage();
            event.message = f.message();
            event.exception = f.cause().getClass().getName();
            event.commit();
        }
        synchronized (failures) {
            // A batch that failed as a whole (a worker past its restart limit) fails each of its items
            // with the same exception: every item is counted, the exception is kept once.
            boolean repeat = failures.stream().anyMatch(kept -> kept.cause() == f.cause());
            if (!repeat && failures.size() < MAX_KEPT) {
                failures.add(f);
            }
        }
        if (policy instanceof ErrorPolicy.FailFast) {
            synchronized (this) {
                if (fatal == null && !cancelled) {
                    fatal = f;
                }
            }
            cancel(f.message());
        }
    }

    /**
     * Fixes the run's outcome: once every context has stopped, a late {@link #cancel} must not make
     * the exception and the report disagree, so it does nothing after this.
     */
    public synchronized void seal() {
        sealed = true;
    }

    /** Cancels the run (once; later calls, and calls after {@link #seal}, do nothing). */
    public void cancel(String reason) {
        synchronized (this) {
            if (cancelled || sealed) {
                return;
            }
            cancelReason = reason;
            cancelled = true;
        }
        onCancel.run();
    }

    /** Whether the run has been cancelled, by a failure or a caller. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Why the run was cancelled, if it was. */
    public String cancelReason() {
        return cancelReason;
    }

    /** The failure that cancelled the run, if one did. */
    public Failure fatal() {
        return fatal;
    }

    /** The failures recorded so far (at most 100 are kept). */
    public List<Failure> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }
}
