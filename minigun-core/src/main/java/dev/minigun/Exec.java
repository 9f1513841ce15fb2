package dev.minigun;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where a stage runs, as the stage asks for it: the kind of context, how many (a fixed size, or a
 * range for an adaptive pool), and refinements such as the capacity of its input queue. A stage
 * without an {@code Exec} lets the {@link dev.minigun.execution.ExecutionPlan} decide: it is then
 * colocated with its single upstream when that is safe, and gets the pipeline's default context
 * otherwise.
 *
 * <p>{@link #inline()} is special: it asks to be called directly by the upstream, whatever the
 * upstream runs on (inside a pool it then runs concurrently, once per pool member).
 *
 * @param kind the kind of context
 * @param min the number of contexts the stage starts with
 * @param max the number of contexts the stage may grow to (equal to {@code min} for a fixed pool)
 * @param queueSize the capacity of the stage's input queue, when not the pipeline's default
 * @param priority the stage's claim on a shared global limit: higher first
 * @param workers how the workers of a {@code processes} stage live (recycling, worker hooks)
 */
public record Exec(ContextKind kind, int min, int max, OptionalInt queueSize, int priority, WorkerOptions workers) {

    /** Keeps the values as given: the stage that receives this placement checks them and names itself in the error. */
    public Exec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(queueSize, "queueSize");
        Objects.requireNonNull(workers, "workers");
    }

    /** A placement with no worker options. */
    public Exec(ContextKind kind, int min, int max, OptionalInt queueSize, int priority) {
        this(kind, min, max, queueSize, priority, WorkerOptions.NONE);
    }

    /** Runs in the caller: a direct call from the single upstream, whatever that runs on. */
    public static Exec inline() {
        return new Exec(ContextKind.INLINE, 1, 1, OptionalInt.empty(), 0);
    }

    /** {@code n} platform threads sharing the stage's input queue. */
    public static Exec threads(int n) {
        return new Exec(ContextKind.THREAD, n, n, OptionalInt.empty(), 0);
    }

    /**
     * An adaptive pool of platform threads: starts with {@code min}, grows one thread at a time up to
     * {@code max} (and within the global limit) while the stage's queue stays above half full and its
     * threads are busy, and gives threads back after they find no work for 500 ms.
     */
    public static Exec threads(int min, int max) {
        return new Exec(ContextKind.THREAD, min, max, OptionalInt.empty(), 0);
    }

    /** Up to {@code n} virtual threads, one per item in flight: for blocking I/O. */
    public static Exec virtualThreads(int n) {
        return new Exec(ContextKind.VIRTUAL, n, n, OptionalInt.empty(), 0);
    }

    /** {@code n} persistent worker JVMs (module {@code minigun-process}). */
    public static Exec processes(int n) {
        return new Exec(ContextKind.PROCESS, n, n, OptionalInt.empty(), 0);
    }

    /** An adaptive pool of {@code min} to {@code max} worker JVMs, sized by load as {@link #threads(int, int)}. */
    public static Exec processes(int min, int max) {
        return new Exec(ContextKind.PROCESS, min, max, OptionalInt.empty(), 0);
    }

    /** {@code n} isolated threads that copy every item in and out (module {@code minigun-process}). */
    public static Exec isolated(int n) {
        return new Exec(ContextKind.ISOLATED, n, n, OptionalInt.empty(), 0);
    }

    /**
     * The members of a Hazelcast cluster (module {@code minigun-hazelcast}), with at most {@code n}
     * batches in flight per member: {@code n} threads here send each batch they take, split across the
     * members, and wait for it; a batch on a member that is lost goes to the others.
     */
    public static Exec cluster(int n) {
        return new Exec(ContextKind.CLUSTER, n, n, OptionalInt.empty(), 0);
    }

    /** The same placement with an input queue of {@code k} items ({@code k} must be at least 1). */
    public Exec queueSize(int k) {
        return new Exec(kind, min, max, OptionalInt.of(k), priority, workers);
    }

    /**
     * The same placement with priority {@code p} (higher first) when stages ask for more than a
     * shared global limit: each stage still gets one context, then the higher priorities get what
     * they asked first (see {@code docs/contexts.md}, "Priority").
     */
    public Exec priority(int p) {
        return new Exec(kind, min, max, queueSize, p, workers);
    }

    /**
     * The same placement, replacing each worker process after {@code k} items: {@code k = 1} gives
     * every item a fresh worker, the honest analog of the ancestor's fork per item (the JVM cannot
     * fork; a fresh JVM costs far more than a fork, see the process module's docs).
     */
    public Exec recycleAfter(int k) {
        return withWorkers(new WorkerOptions(k, workers.onStart(), workers.onStop()));
    }

    /** The same placement, running {@code hook} inside each worker process when it starts. */
    public Exec onWorkerStart(WorkerHook hook) {
        return withWorkers(new WorkerOptions(workers.recycleAfter(), plus(workers.onStart(), hook), workers.onStop()));
    }

    /** The same placement, running {@code hook} inside each worker process when it stops. */
    public Exec onWorkerStop(WorkerHook hook) {
        return withWorkers(new WorkerOptions(workers.recycleAfter(), workers.onStart(), plus(workers.onStop(), hook)));
    }

    private Exec withWorkers(WorkerOptions options) {
        return new Exec(kind, min, max, queueSize, priority, options);
    }

    private static java.util.List<WorkerHook> plus(java.util.List<WorkerHook> hooks, WorkerHook hook) {
        java.util.List<WorkerHook> more = new java.util.ArrayList<>(hooks);
        more.add(Objects.requireNonNull(hook, "hook"));
        return more;
    }

    /** Checks the numbers for {@code stage}; a bad one is a definition error naming the stage. */
    void validate(String stage) {
        if (min <= 0 || max < min) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "': " + this + " needs at least 1 context (min " + min + ", max " + max
                            + "): give a positive size");
        }
        if (workers.recycleAfter() < 0) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "': recycleAfter must be 0 (never) or more, was " + workers.recycleAfter());
        }
        if (workers.isSet() && kind != ContextKind.PROCESS) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "': recycleAfter and worker hooks apply to Exec.processes only, not " + this
                            + ": move the stage to processes, or use beforeStage/afterStage");
        }
        if (queueSize.isPresent() && queueSize.getAsInt() <= 0) {
            throw new PipelineDefinitionException(
                    stage,
                    "stage '" + stage + "': queueSize must be at least 1, was " + queueSize.getAsInt()
                            + ": give a positive capacity");
        }
    }

    /** The module that provides this kind, when it is not in the core. */
    public Optional<String> providingModule() {
        return switch (kind) {
            case INLINE, THREAD, VIRTUAL -> Optional.empty();
            case PROCESS, ISOLATED -> Optional.of("minigun-process");
            case CLUSTER -> Optional.of("minigun-hazelcast");
        };
    }

    @Override
    public String toString() {
        String size = min == max ? Integer.toString(min) : min + ".." + max;
        String base = switch (kind) {
            case INLINE -> "inline()";
            case THREAD -> "threads(" + size + ")";
            case VIRTUAL -> "virtualThreads(" + size + ")";
            case PROCESS -> "processes(" + size + ")";
            case ISOLATED -> "isolated(" + size + ")";
            case CLUSTER -> "cluster(" + size + ")";
        };
        String queue = queueSize.isPresent() ? ".queueSize(" + queueSize.getAsInt() + ")" : "";
        String recycle = workers.recycleAfter() > 0 ? ".recycleAfter(" + workers.recycleAfter() + ")" : "";
        return base + queue + (priority != 0 ? ".priority(" + priority + ")" : "") + recycle;
    }
}
