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

    /** A loop feeding {@code node} from {@code channel}, once {@code gate} has run the stage hooks. */
    public Worker(StageNode node, Channel channel, Quiescence quiescence, RunControl control, StartGate gate) {
        this.node = node;
        this.channel = channel;
        this.quiescence = quiescence;
        this.control = control;
        this.gate = gate;
    }

    @Override
    public void run() {
        channel.registerTaker();
        if (!gate.pass()) {
            return;
        }
        if (node instanceof RemoteNode remote) {
            runBatches(remote);
            return;
        }
        while (!control.isCancelled()) {
            Object item;
            try {
                item = channel.take();
            } catch (InterruptedException e) {
                if (control.isCancelled()) {
                    return;
                }
                continue; // an interrupt the stage's own code left behind; the run goes on
            }
            if (item == null) {
                return;
            }
            try {
                node.accept(item);
            } catch (RunCancelledException e) {
                return;
            } finally {
                quiescence.exit();
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
                first = channel.take();
            } catch (InterruptedException e) {
                if (control.isCancelled()) {
                    return;
                }
                continue;
            }
            if (first == null) {
                return;
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
            }
        }
    }
}
