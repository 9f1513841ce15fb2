package dev.minigun.process;

import dev.minigun.ContextKind;
import dev.minigun.execution.RemoteOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One context of a stage on {@code Exec.processes(n)}: a persistent worker JVM and the parent
 * thread that feeds it. The thread runs the core's loop, which hands each batch to the worker over
 * its stdin and waits for the whole batch's outcomes on its stdout. A worker that dies before
 * answering is restarted (within {@code config().workerRestarts}, after a doubling backoff)
 * and gets the same batch again, so nothing is lost and, since no outcome of a batch comes back
 * before all of it is done, nothing is duplicated. With {@code recycleAfter(k)} the worker is
 * replaced by a fresh one every {@code k} items. {@link #terminate} kills the worker and interrupts
 * the thread; when the thread ends, its worker has exited.
 */
public final class ProcessContext extends ThreadHostedContext {
    private final ProcessStage stage;
    private volatile boolean terminated;
    private volatile WorkerProcess worker;
    private int restarts;

    ProcessContext(String name, ProcessStage stage) {
        super(name);
        this.stage = stage;
    }

    @Override
    public ContextKind kind() {
        return ContextKind.PROCESS;
    }

    @Override
    protected void host(Runnable task) {
        stage.bind(this);
        try {
            try {
                ensureWorker(); // boot while the first items are on their way
            } catch (IOException | RuntimeException e) {
                // reported by the first call, which tries again
            }
            task.run();
        } finally {
            stage.unbind();
            stopWorkers(terminated ? 2_000 : 10_000);
        }
    }

    /** The worker process this context talks to now (a restart or recycle changes it). */
    @Override
    public java.util.OptionalLong pid() {
        WorkerProcess w = worker;
        return w == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(w.pid());
    }

    @Override
    public void terminate() {
        terminated = true;
        super.terminate();
        WorkerProcess w = worker;
        if (w != null) {
            w.terminate();
            // A worker whose stop hooks hang is killed: the parent thread may be waiting on its stdout.
            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(w::kill);
        }
    }

    /**
     * Stops the current worker: asks it to exit, waits up to {@code millis}, then kills it. Its stop
     * is recorded as {@code cancelled} if this context was terminated, else as a normal end.
     */
    void stopWorkers(long millis) {
        WorkerProcess w;
        synchronized (this) {
            w = worker;
            worker = null;
        }
        if (w != null) {
            w.awaitExit(millis, terminated ? WorkerProcess.StopReason.CANCELLED : WorkerProcess.StopReason.END);
        }
    }

    private synchronized WorkerProcess ensureWorker() throws IOException {
        if (terminated) {
            throw new IllegalStateException("context " + name() + " was terminated");
        }
        if (worker == null) {
            worker = WorkerProcess.start(stage.shipment(), stage.pipeline(), name());
        }
        return worker;
    }

    /** Runs {@code items} in this context's worker; see {@link dev.minigun.execution.RemoteStage#call}. */
    List<RemoteOutcome> call(List<Object> items) throws Exception {
        RemoteOutcome[] outcomes = new RemoteOutcome[items.size()];
        int recycle = stage.shipment().recycleAfter();
        int from = 0;
        while (from < items.size()) {
            int room = items.size() - from;
            if (recycle > 0) {
                WorkerProcess w = ensureWorker();
                room = (int) Math.min(room, Math.max(1, recycle - w.items()));
            }
            callChunk(items.subList(from, from + room), outcomes, from);
            from += room;
            if (recycle > 0) {
                WorkerProcess w = worker;
                if (w != null && w.items() >= recycle) {
                    recycle(w);
                }
            }
        }
        return Arrays.asList(outcomes);
    }

    /** Retires {@code old}: it runs its stop hooks and exits; the next item gets a fresh worker. */
    private void recycle(WorkerProcess old) {
        synchronized (this) {
            worker = null;
        }
        old.awaitExit(10_000, WorkerProcess.StopReason.RECYCLED);
    }

    private void callChunk(List<Object> chunk, RemoteOutcome[] outcomes, int offset) throws Exception {
        ShippedStage shipped = stage.shipped();
        ShippedStage.Outgoing outgoing = shipped.encode(chunk, "a worker process");
        outgoing.unsendable().forEach((i, outcome) -> outcomes[offset + i] = outcome);
        List<Integer> sent = outgoing.sent();
        if (sent.isEmpty()) {
            return;
        }
        byte[] payload = outgoing.payload();
        while (true) {
            if (terminated) {
                throw new InterruptedException("context " + name() + " was terminated");
            }
            WorkerProcess w = ensureWorker();
            Frames.Frame answer;
            try {
                answer = w.call(payload, sent.size());
            } catch (WorkerProcess.DiedException died) {
                if (terminated || Thread.currentThread().isInterrupted()) {
                    InterruptedException stop = new InterruptedException("context " + name() + " was terminated");
                    stop.initCause(died);
                    throw stop;
                }
                restartAfter(w, died);
                continue;
            }
            if (answer.type() == Frames.REJECTED && sent.size() > 1) {
                // The worker refused something in the batch: find which item, one at a time.
                for (int i : sent) {
                    callChunk(List.of(chunk.get(i)), outcomes, offset + i);
                }
                return;
            }
            List<RemoteOutcome> got = switch (answer.type()) {
                case Frames.RESULT -> shipped.decode(answer.payload());
                case Frames.REJECTED ->
                    ShippedStage.rejected(new String(answer.payload(), StandardCharsets.UTF_8), sent.size());
                default ->
                    throw new IOException("worker pid " + w.pid() + " answered with frame type " + answer.type());
            };
            ShippedStage.place(got, sent, outcomes, offset, () -> "worker pid " + w.pid());
            return;
        }
    }

    private void restartAfter(WorkerProcess dead, WorkerProcess.DiedException died) throws InterruptedException {
        synchronized (this) {
            if (worker == dead) {
                worker = null;
            }
        }
        dead.awaitExit(1_000, WorkerProcess.StopReason.CRASHED);
        restarts++;
        RestartPolicy policy = stage.restarts();
        if (restarts > policy.maxRestarts()) {
            throw new WorkerException(
                    died.getMessage() + "; its context " + name() + " has restarted a worker " + policy.maxRestarts()
                            + " times, the limit of config().workerRestarts: giving up",
                    died);
        }
        System.err.println("[" + stage.shipment().stage() + " " + dead.pid() + "] worker died; restart " + restarts
                + " of " + policy.maxRestarts() + " after "
                + policy.delayBefore(restarts).toMillis() + " ms");
        Thread.sleep(policy.delayBefore(restarts));
    }
}
