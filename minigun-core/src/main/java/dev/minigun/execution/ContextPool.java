package dev.minigun.execution;

import dev.minigun.ContextKind;
import dev.minigun.PipelineDefinitionException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands out the contexts of one kind for a whole pipeline run, never more than the pipeline's
 * global limit for that kind at once: that is how three {@code threads(8)} stages under
 * {@code maxThreads(16)} share 16 threads. The plan has already divided the limit among the
 * stages, so {@link #acquire} never waits: asking past the limit is a bug and fails loudly. The
 * pool also remembers every context it handed out, so a run can join or terminate them all.
 */
public final class ContextPool {
    private final ContextKind kind;
    private final int limit;
    private final String pipeline;
    private final List<ExecutionContext> all = new ArrayList<>();
    private int inUse;
    private int peak;

    /** A pool of {@code kind} contexts for {@code pipeline}, at most {@code limit} in use at once. */
    public ContextPool(String pipeline, ContextKind kind, int limit) {
        if (limit <= 0) {
            throw new PipelineDefinitionException(null, "a context pool needs a limit of at least 1, was " + limit);
        }
        this.pipeline = pipeline;
        this.kind = kind;
        this.limit = limit;
    }

    /** A new context named {@code name} (within the pipeline); fails if the limit is reached. */
    public synchronized ExecutionContext acquire(String name) {
        if (!kind.isLocal()) {
            throw new IllegalStateException(
                    kind + " contexts are made by the module that provides them: use acquire(name, factory)");
        }
        return acquire(name, full -> switch (kind) {
            case INLINE -> new InlineContext(full);
            case THREAD -> new ThreadContext(full);
            case VIRTUAL -> new VirtualContext(full);
            case PROCESS, ISOLATED, CLUSTER -> throw new IllegalStateException("not a local kind: " + kind);
        });
    }

    /**
     * A new context named {@code name}, made by {@code factory} from the full name (for kinds that
     * another module provides); fails if the limit is reached.
     */
    public synchronized ExecutionContext acquire(
            String name, java.util.function.Function<String, ExecutionContext> factory) {
        if (inUse >= limit) {
            throw new IllegalStateException(kind + " pool of pipeline '" + pipeline + "' is exhausted (limit " + limit
                    + ") while acquiring " + name);
        }
        ExecutionContext ctx = factory.apply(pipeline + "/" + name);
        all.add(ctx);
        inUse++;
        peak = Math.max(peak, inUse);
        return ctx;
    }

    /**
     * A new context named {@code name} if the limit leaves room for one, or {@code null}: how an
     * adaptive pool grows, into contexts no other stage holds.
     */
    public synchronized ExecutionContext tryAcquire(String name) {
        return inUse >= limit ? null : acquire(name);
    }

    /** As {@link #tryAcquire(String)}, the context made by {@code factory} from the full name. */
    public synchronized ExecutionContext tryAcquire(
            String name, java.util.function.Function<String, ExecutionContext> factory) {
        return inUse >= limit ? null : acquire(name, factory);
    }

    /** Gives back a context whose task has ended, freeing its slot under the limit. */
    public synchronized void release(ExecutionContext ctx) {
        if (all.remove(ctx)) {
            inUse--;
        }
    }

    /** Every context handed out and not released, in the order they were handed out. */
    public List<ExecutionContext> contexts() {
        return snapshot();
    }

    /** Waits for every context handed out and not released to end. */
    public void joinAll() throws InterruptedException {
        for (ExecutionContext ctx : snapshot()) {
            ctx.join();
        }
    }

    /**
     * Waits until {@code deadlineNanos} (a {@link System#nanoTime} value) for every context to end;
     * returns the ones still alive then.
     */
    public List<ExecutionContext> joinAll(long deadlineNanos) throws InterruptedException {
        List<ExecutionContext> stuck = new ArrayList<>();
        for (ExecutionContext ctx : snapshot()) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (!ctx.join(Math.max(1, left))) {
                stuck.add(ctx);
            }
        }
        return stuck;
    }

    /** Asks every context handed out to stop; returns at once. */
    public void terminateAll() {
        for (ExecutionContext ctx : snapshot()) {
            ctx.terminate();
        }
    }

    /** The kind of the contexts in this pool. */
    public ContextKind kind() {
        return kind;
    }

    /** The global limit of this pool. */
    public int limit() {
        return limit;
    }

    /** How many contexts are handed out now. */
    public synchronized int inUse() {
        return inUse;
    }

    /** The most contexts ever handed out at once. */
    public synchronized int peak() {
        return peak;
    }

    private synchronized List<ExecutionContext> snapshot() {
        return List.copyOf(all);
    }
}
