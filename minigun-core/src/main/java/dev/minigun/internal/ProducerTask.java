package dev.minigun.internal;

import dev.minigun.ErrorPolicy;
import dev.minigun.Source;

/**
 * Runs a producer's {@link Source} once, in the producer's context. The producer counts as one
 * unit of pending work from before the run starts until its source returns or throws, so the run
 * cannot end while it may still emit.
 */
public final class ProducerTask implements Runnable {
    private final String name;
    private final Source<Object> source;
    private final Outlet out;
    private final StageCounters counters;
    private final RunControl control;
    private final Quiescence quiescence;
    private final StartGate gate;
    private final ErrorPolicy policy;

    /** The task of producer {@code name}, which runs {@code gate}'s hooks first. */
    @SuppressWarnings("unchecked")
    public ProducerTask(
            String name,
            Source<?> source,
            Outlet out,
            StageCounters counters,
            RunControl control,
            Quiescence quiescence,
            StartGate gate,
            ErrorPolicy policy) {
        this.name = name;
        this.source = (Source<Object>) source;
        this.out = out;
        this.counters = counters;
        this.control = control;
        this.quiescence = quiescence;
        this.gate = gate;
        this.policy = policy;
    }

    /** The producer's name. */
    public String name() {
        return name;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            if (gate.pass() && !control.isCancelled()) {
                source.produce(out);
                counters.completed.increment();
            }
        } catch (RunCancelledException e) {
            counters.cancelled.increment();
        } catch (Throwable t) {
            if (StageNode.isInterruption(t)) {
                // Interrupted from outside the run (the thread blocked in run(), say): that stops
                // the run, it is not a failure of the producer's code.
                counters.cancelled.increment();
                control.cancel("producer '" + name + "' was interrupted");
            } else {
                counters.failed.increment();
                counters.lastError = t;
                // failFast or skip: a source that threw has ended either way; skip lets the run go on.
                control.failed(name, null, t, policy instanceof ErrorPolicy.Skip ? policy : ErrorPolicy.failFast());
            }
        } finally {
            counters.busyNanos.add(System.nanoTime() - start);
            quiescence.exit();
        }
    }
}
