package dev.minigun.execution;

import dev.minigun.internal.Channel;
import dev.minigun.internal.Elastic;
import dev.minigun.internal.PoolResizeEvent;
import dev.minigun.internal.RunControl;
import dev.minigun.internal.StageNode;
import dev.minigun.internal.StartGate;
import dev.minigun.internal.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The contexts of one adaptive stage ({@code Exec.threads(min, max)}, {@code processes(min, max)}):
 * it starts with the plan's {@code min}, and the run's timer calls {@link #tick} periodically. A
 * tick adds one context, from the kind's {@link ContextPool} and only if that pool has one free
 * under its global limit, when the stage's input queue was at or above its high-water mark (half
 * its capacity) at this tick and the one before, and every context was busy. A worker above the
 * minimum that finds no item for the idle time leaves ({@link Elastic#mayLeave}); a tick gives its
 * context back to the pool once its thread has ended, so the pool's list always holds every context
 * that may still run, and the run's teardown joins them.
 */
final class AdaptivePool implements Elastic {
    /** How often the run's timer looks at an adaptive pool. */
    static final long TICK_NANOS = 10_000_000L;
    /** How long an idle worker above the minimum waits before it leaves. */
    static final long IDLE_NANOS = 500_000_000L;

    private final String pipeline;
    private final String stage;
    private final StageNode node;
    private final Channel channel;
    private final RunControl control;
    private final StartGate gate;
    private final ContextPool pool;
    private final Function<String, ExecutionContext> factory;
    private final int min;
    private final int max;
    private final int highWater;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final List<ExecutionContext> mine = new ArrayList<>();
    private int next;
    private boolean wasHigh;
    private boolean stopped;
    private boolean growthFailed;

    AdaptivePool(
            String pipeline,
            String stage,
            StageNode node,
            Channel channel,
            RunControl control,
            StartGate gate,
            ContextPool pool,
            Function<String, ExecutionContext> factory,
            int min,
            int max) {
        this.pipeline = pipeline;
        this.stage = stage;
        this.node = node;
        this.channel = channel;
        this.control = control;
        this.gate = gate;
        this.pool = pool;
        this.factory = factory;
        this.min = min;
        this.max = max;
        this.highWater = Math.max(1, channel.capacity() / 2);
    }

    /** Starts the first {@code min} contexts (the plan reserved them, so they are there). */
    synchronized void start() {
        for (int i = 0; i < min; i++) {
            launch(factory == null ? pool.acquire(name()) : pool.acquire(name(), factory));
        }
    }

    private String name() {
        return stage + "#" + next++;
    }

    private void launch(ExecutionContext ctx) {
        new Worker(node, channel, control, gate, this).startWith(ctx::execute);
        mine.add(ctx);
        peak.accumulateAndGet(live.incrementAndGet(), Math::max);
    }

    /** Gives back the contexts of workers that left, then grows by one if the load asks for it. */
    synchronized void tick() {
        if (stopped || control.isCancelled()) {
            return;
        }
        mine.removeIf(ctx -> {
            if (ctx.isAlive()) {
                return false;
            }
            pool.release(ctx);
            return true;
        });
        int depth = channel.depth();
        boolean high = depth >= highWater;
        int n = live.get();
        if (high && wasHigh && n < max && busy.get() >= n && !growthFailed) {
            String name = stage + "#" + next;
            ExecutionContext ctx = null;
            try {
                ctx = factory == null ? pool.tryAcquire(name) : pool.tryAcquire(name, factory);
                if (ctx != null) {
                    next++;
                    launch(ctx);
                    record(
                            n,
                            n + 1,
                            "queue " + depth + " of " + channel.capacity() + " (high-water " + highWater + ") and all "
                                    + n + " busy");
                }
            } catch (RuntimeException | Error e) {
                // The stage goes on with the contexts it has (still reaped as their workers leave);
                // the report says why it stopped growing.
                if (ctx != null && !mine.contains(ctx)) {
                    pool.release(ctx);
                }
                growthFailed = true;
                control.failed(
                        dev.minigun.internal.Failure.ofHook(stage, "growing the adaptive pool", e),
                        dev.minigun.ErrorPolicy.skip());
            }
        }
        wasHigh = high;
    }

    /** No more growth: the run is ending; what runs now is all the teardown has to join. */
    synchronized void stop() {
        stopped = true;
    }

    /** How many contexts the stage has now (workers that have not left). */
    int size() {
        return live.get();
    }

    /** The most contexts it had at once. */
    int peak() {
        return peak.get();
    }

    @Override
    public long idleNanos() {
        return IDLE_NANOS;
    }

    @Override
    public boolean mayLeave() {
        while (true) {
            int n = live.get();
            if (n <= min || control.isCancelled()) {
                return false;
            }
            if (live.compareAndSet(n, n - 1)) {
                record(n, n - 1, "idle for " + IDLE_NANOS / 1_000_000 + " ms");
                return true;
            }
        }
    }

    @Override
    public void busy() {
        busy.incrementAndGet();
    }

    @Override
    public void idle() {
        busy.decrementAndGet();
    }

    private void record(int from, int to, String reason) {
        PoolResizeEvent event = new PoolResizeEvent();
        if (event.shouldCommit()) {
            event.pipeline = pipeline;
            event.stage = stage;
            event.from = from;
            event.to = to;
            event.reason = reason;
            event.commit();
        }
    }
}
