package dev.minigun.internal;

import dev.minigun.ErrorPolicy;

/**
 * The runtime of one non-producer stage: receives an item, runs the user's code on it, and
 * accounts for the outcome. Every path out of {@link #accept} counts the item exactly once, as
 * completed, filtered, failed, or cancelled, which is what makes loss visible. Subclasses differ
 * only in what they do with an item.
 */
public abstract sealed class StageNode permits ProcessNode, MapNode, FilterNode, BatchNode, MergeNode, SinkNode {
    private final String name;
    private final ErrorPolicy policy;
    private final RunControl control;
    /** What this stage has done. */
    protected final StageCounters counters;
    /** Where this stage sends its results; set once while the run is wired. */
    protected Outlet out;

    StageNode(String name, ErrorPolicy policy, RunControl control, StageCounters counters) {
        this.name = name;
        this.policy = policy;
        this.control = control;
        this.counters = counters;
    }

    /** The stage's name. */
    public final String name() {
        return name;
    }

    /** The run's shared state. */
    final RunControl control() {
        return control;
    }

    /** The stage's error policy. */
    final ErrorPolicy policy() {
        return policy;
    }

    /** Connects the stage to its downstream targets. */
    public final void connect(Outlet outlet) {
        this.out = outlet;
    }

    /** Processes one item and accounts for it; throws only {@link RunCancelledException}. */
    public final void accept(Object item) {
        counters.in.increment();
        long start = System.nanoTime();
        try {
            handle(item);
        } catch (RunCancelledException e) {
            counters.cancelled.increment();
            throw e;
        } catch (Throwable t) {
            if (control.isCancelled() && isInterruption(t)) {
                counters.cancelled.increment();
                throw new RunCancelledException();
            }
            counters.failed.increment();
            control.failed(name, item, t, policy);
        } finally {
            long took = System.nanoTime() - start;
            counters.busyNanos.add(took);
            counters.latency.record(took);
        }
    }

    /** Runs the stage's code on {@code item}; counts completed or filtered on success. */
    abstract void handle(Object item) throws Exception;

    /** Emits what the stage still holds at end of stream; returns whether it emitted anything. */
    public boolean flush() {
        return false;
    }

    /** For a cancelled run, once every thread has stopped: accounts for what the stage still holds. */
    public void discardOnCancel() {}

    static boolean isInterruption(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException
                    || c instanceof RunCancelledException
                    || c instanceof java.io.InterruptedIOException
                    || c instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }
}
