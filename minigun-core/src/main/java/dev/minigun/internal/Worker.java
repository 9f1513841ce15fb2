package dev.minigun.internal;

/**
 * The loop of one context of a stage that owns contexts: takes items from the stage's queue and
 * runs the stage (and every stage colocated after it) on each, until the queue is closed and
 * drained or the run is cancelled. Each item taken is one unit of pending work, released once the
 * stage has finished with it.
 */
public final class Worker implements Runnable {
    private final StageNode node;
    private final Channel channel;
    private final Quiescence quiescence;
    private final RunControl control;
    private final StartGate gate;
    private final Elastic elastic;

    /** A loop feeding {@code node} from {@code channel}, once {@code gate} has run the stage hooks. */
    public Worker(StageNode node, Channel channel, Quiescence quiescence, RunControl control, StartGate gate) {
        this(node, channel, quiescence, control, gate, null);
    }

    /**
     * A loop of an adaptive pool: as above, and it leaves when it found no item for {@code
     * elastic}'s idle time and the pool lets it ({@code null}: a fixed pool, it never leaves). A
     * worker leaves between items only, so it holds no unit of pending work when it ends; a worker
     * that joins late passes the stage's gate like the first ones (the hooks have run: it just goes
     * on).
     */
    public Worker(
            StageNode node,
            Channel channel,
            Quiescence quiescence,
            RunControl control,
            StartGate gate,
            Elastic elastic) {
        this.node = node;
        this.channel = channel;
        this.quiescence = quiescence;
        this.control = control;
        this.gate = gate;
        this.elastic = elastic;
    }

    /** The next item: {@code null} at the end, {@link Channel#TIMED_OUT} when an adaptive worker may leave. */
    private Object next() throws InterruptedException {
        if (elastic == null) {
            return channel.take();
        }
        while (true) {
            Object item = channel.poll(elastic.idleNanos());
            if (item != Channel.TIMED_OUT || elastic.mayLeave()) {
                return item;
            }
        }
    }

    @Override
    public void run() {
        channel.registerTaker();
        try {
            if (!gate.pass()) {
                return;
            }
            loop();
        } finally {
            channel.unregisterTaker();
        }
    }

    /** Items bound for another process travel in batches: one round trip for up to this many. */
    private static final int BATCH = 64;

    /**
     * Takes an item (waiting for it), runs the stage on it, releases it from the termination count;
     * a stage in another process takes what else waits too, up to a batch, in one round trip.
     */
    private void loop() {
        RemoteNode remote = node instanceof RemoteNode r ? r : null;
        java.util.List<Object> batch = remote == null ? null : new java.util.ArrayList<>(BATCH);
        while (!control.isCancelled()) {
            Object first;
            try {
                first = next();
            } catch (InterruptedException e) {
                if (control.isCancelled()) {
                    return;
                }
                continue; // an interrupt the stage's own code left behind; the run goes on
            }
            if (first == null || first == Channel.TIMED_OUT) {
                return;
            }
            if (elastic != null) {
                elastic.busy();
            }
            int taken = 1;
            try {
                if (remote == null) {
                    node.accept(first);
                } else {
                    batch.clear();
                    batch.add(first);
                    taken += channel.drainTo(batch, BATCH - 1);
                    remote.acceptAll(batch);
                }
            } catch (RunCancelledException e) {
                return;
            } finally {
                quiescence.exit(taken);
                if (elastic != null) {
                    elastic.idle();
                }
            }
        }
    }
}
