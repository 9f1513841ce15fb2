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
            if (node instanceof RemoteNode remote) {
                runBatches(remote);
            } else {
                runItems();
            }
        } finally {
            channel.unregisterTaker();
        }
    }

    private void runItems() {
        while (!control.isCancelled()) {
            Object item;
            try {
                item = next();
            } catch (InterruptedException e) {
                if (control.isCancelled()) {
                    return;
                }
                continue; // an interrupt the stage's own code left behind; the run goes on
            }
            if (item == null || item == Channel.TIMED_OUT) {
                return;
            }
            if (elastic != null) {
                elastic.busy();
            }
            try {
                node.accept(item);
            } catch (RunCancelledException e) {
                return;
            } finally {
                quiescence.exit();
                if (elastic != null) {
                    elastic.idle();
                }
            }
        }
    }

    /** Items bound for another process travel in batches: one round trip for up to this many. */
    private static final int BATCH = 64;

    private void runBatches(RemoteNode remote) {
        java.util.List<Object> batch = new java.util.ArrayList<>(BATCH);
        while (!control.isCancelled()) {
            Object first;
            try {
                first = next();
            } catch (InterruptedException e) {
                if (control.isCancelled()) {
                    return;
                }
                continue;
            }
            if (first == null || first == Channel.TIMED_OUT) {
                return;
            }
            if (elastic != null) {
                elastic.busy();
            }
            batch.clear();
            batch.add(first);
            channel.drainTo(batch, BATCH - 1);
            try {
                remote.acceptAll(batch);
            } catch (RunCancelledException e) {
                return;
            } finally {
                for (int i = 0; i < batch.size(); i++) {
                    quiescence.exit();
                }
                if (elastic != null) {
                    elastic.idle();
                }
            }
        }
    }
}
