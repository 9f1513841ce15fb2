package dev.minigun.internal;

import dev.minigun.ErrorPolicy;

/**
 * The loop of one context of a stage that owns contexts: takes items from the stage's queue and
 * runs the stage (and every stage colocated after it) on each, until the queue is closed and
 * drained or the run is cancelled. Each item taken is one unit of pending work, released once the
 * stage has finished with it.
 */
public final class Worker implements Runnable {
    private final StageNode node;
    private final Channel channel;
    private final RunControl control;
    private final StartGate gate;
    private final Elastic elastic;
    private final Channel.Hand hand;

    /** A loop feeding {@code node} from {@code channel}, once {@code gate} has run the stage hooks. */
    public Worker(StageNode node, Channel channel, RunControl control, StartGate gate) {
        this(node, channel, control, gate, null);
    }

    /**
     * A loop of an adaptive pool: as above, and it leaves when it found no item for {@code
     * elastic}'s idle time and the pool lets it ({@code null}: a fixed pool, it never leaves). A
     * worker leaves between items only, and settles the last one it finished when it ends; a worker
     * that joins late passes the stage's gate like the first ones (the hooks have run: it just goes
     * on).
     */
    public Worker(StageNode node, Channel channel, RunControl control, StartGate gate, Elastic elastic) {
        this.node = node;
        this.channel = channel;
        this.control = control;
        this.gate = gate;
        this.elastic = elastic;
        // Counted now, before it runs: workers already running leave it its share of the first items.
        this.hand = channel.join(node instanceof RemoteNode ? Channel.MAX_HAND : channel.handSize());
    }

    /**
     * Hands this worker to {@code start} (a context's {@code execute}); if that throws, the worker never
     * runs and gives back the place at the queue it took when it was made.
     */
    public void startWith(java.util.function.Consumer<Runnable> start) {
        try {
            start.accept(this);
        } catch (RuntimeException | Error e) {
            channel.quit(hand);
            throw e;
        }
    }

    /**
     * Takes the next items into {@code hand}: how many (at least one), or -1 at the end, or 0 when an
     * adaptive worker found none for its idle time and may leave. Settles the {@code finished} items
     * first.
     */
    private int next(Channel.Hand hand, int finished) throws InterruptedException {
        if (elastic == null) {
            return channel.fill(hand, finished, Channel.FOREVER);
        }
        int settle = finished;
        while (true) {
            int n = channel.fill(hand, settle, elastic.idleNanos());
            settle = 0;
            if (n != 0 || elastic.mayLeave()) {
                return n;
            }
        }
    }

    @Override
    public void run() {
        channel.bind();
        try {
            if (!gate.pass()) {
                return;
            }
            loop(hand);
        } finally {
            channel.unregisterTaker(hand);
        }
    }

    /**
     * Takes items (waiting for them), runs the stage on each, and says it is finished with them when
     * it takes the next ones (so the queue's count of work in flight costs nothing extra per item); a
     * stage in another process gets the items taken together (a full hand, up to {@link
     * Channel#MAX_HAND}, whatever the queue's size) in one round trip.
     */
    private void loop(Channel.Hand hand) {
        RemoteNode remote = node instanceof RemoteNode r ? r : null;
        java.util.List<Object> batch = remote == null ? null : new java.util.ArrayList<>(Channel.MAX_HAND);
        int finished = 0;
        try {
            while (!control.isCancelled()) {
                int taken;
                try {
                    int settle = finished;
                    finished = 0; // settled by next(), even when it is interrupted
                    taken = next(hand, settle);
                } catch (InterruptedException e) {
                    if (control.isCancelled()) {
                        return;
                    }
                    continue; // an interrupt the stage's own code left behind; the run goes on
                }
                if (taken <= 0) {
                    return;
                }
                if (elastic != null) {
                    elastic.busy();
                }
                try {
                    if (remote == null) {
                        Object item;
                        while (!control.isCancelled() && (item = hand.next()) != null) {
                            finished++; // started: the stage accounts for it, whatever happens
                            node.accept(item);
                        }
                    } else {
                        batch.clear();
                        for (Object item; (item = hand.next()) != null; ) {
                            batch.add(item);
                        }
                        finished += batch.size();
                        remote.acceptAll(batch);
                    }
                } catch (RunCancelledException e) {
                    return; // what is left in the hand stays counted as waiting
                } catch (Throwable t) {
                    // Not the stage's code (its failures are settled item by item): the engine's own
                    // accounting failed. The run fails with the cause; the hand's items count as waiting.
                    control.failed(node.name(), null, t, ErrorPolicy.failFast());
                    return;
                } finally {
                    if (elastic != null) {
                        elastic.idle();
                    }
                }
            }
        } finally {
            channel.finished(finished);
        }
    }
}
