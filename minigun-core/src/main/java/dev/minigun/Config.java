package dev.minigun;

import java.time.Duration;

/**
 * The pipeline-wide settings, set fluently through {@link Pipeline#config()}: the global limits on
 * contexts of each kind (shared by all stages: three {@code threads(8)} stages under
 * {@code maxThreads(16)} share 16 threads), the context of stages that name none and are not
 * colocated, the default queue capacity, the default error policy, an optional time limit for a
 * run, and how long a cancelled run waits for its stages to stop.
 */
public final class Config {
    private int maxThreads = 64;
    private int maxVirtualThreads = 10_000;
    private int maxProcesses = Runtime.getRuntime().availableProcessors();
    private ContextKind defaultContext = ContextKind.THREAD;
    private int queueSize = 1024;
    private Duration stopGrace = Duration.ofSeconds(10);
    private Duration timeout;
    private ErrorPolicy errorPolicy = ErrorPolicy.failFast();
    private int workerRestarts = 5;
    private Duration workerRestartBackoff = Duration.ofMillis(100);
    private final Runnable beforeChange;

    Config(Runnable beforeChange) {
        this.beforeChange = beforeChange;
    }

    /** At most {@code n} platform threads for all stages together (default 64). */
    public Config maxThreads(int n) {
        this.maxThreads = positive("maxThreads", n);
        return this;
    }

    /** At most {@code n} virtual threads for all stages together (default 10,000). */
    public Config maxVirtualThreads(int n) {
        this.maxVirtualThreads = positive("maxVirtualThreads", n);
        return this;
    }

    /** At most {@code n} worker processes for all stages together (default: the number of cores). */
    public Config maxProcesses(int n) {
        this.maxProcesses = positive("maxProcesses", n);
        return this;
    }

    /** The context of a stage that names none and cannot be colocated (default {@code THREAD}). */
    public Config defaultContext(ContextKind kind) {
        beforeChange.run();
        if (kind == null
                || !(kind == ContextKind.INLINE || kind == ContextKind.THREAD || kind == ContextKind.VIRTUAL)) {
            throw new PipelineDefinitionException(
                    null,
                    "defaultContext must be INLINE, THREAD or VIRTUAL, was " + kind
                            + ": name the kind on the stage with Exec instead");
        }
        this.defaultContext = kind;
        return this;
    }

    /** The capacity of a stage's input queue unless the stage sets its own (default 1024). */
    public Config queueSize(int n) {
        this.queueSize = positive("queueSize", n);
        return this;
    }

    /** How long a cancelled or failed run waits for its stages to stop before it reports them stuck (default 10 s). */
    public Config stopGrace(Duration grace) {
        beforeChange.run();
        if (grace == null || grace.isNegative() || grace.isZero()) {
            throw new PipelineDefinitionException(null, "stopGrace must be positive, was " + grace);
        }
        this.stopGrace = grace;
        return this;
    }

    /** Cancels a run that has not ended after {@code limit}; the exception says it timed out. */
    public Config timeout(Duration limit) {
        beforeChange.run();
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new PipelineDefinitionException(null, "timeout must be positive, was " + limit + ": give a duration");
        }
        this.timeout = limit;
        return this;
    }

    /** The error policy of every stage that sets none with {@link Stage#onError} (default failFast). */
    public Config errorPolicy(ErrorPolicy policy) {
        beforeChange.run();
        if (policy == null) {
            throw new PipelineDefinitionException(
                    null, "errorPolicy must not be null: use ErrorPolicy.failFast() for the default");
        }
        this.errorPolicy = policy;
        return this;
    }

    /**
     * How often each context of a stage on worker processes restarts a worker that died before the
     * run fails naming the stage and the worker (default 5), and the wait before the first restart,
     * doubled for each next one (default 100 ms).
     */
    public Config workerRestarts(int maxRestarts, Duration backoff) {
        beforeChange.run();
        if (maxRestarts < 0) {
            throw new PipelineDefinitionException(
                    null, "workerRestarts must be 0 or more, was " + maxRestarts + ": give how many restarts to allow");
        }
        if (backoff == null || backoff.isNegative()) {
            throw new PipelineDefinitionException(null, "the restart backoff must be zero or positive, was " + backoff);
        }
        this.workerRestarts = maxRestarts;
        this.workerRestartBackoff = backoff;
        return this;
    }

    private int positive(String what, int n) {
        beforeChange.run();
        if (n <= 0) {
            throw new PipelineDefinitionException(
                    null, what + " must be at least 1, was " + n + ": give a positive limit");
        }
        return n;
    }

    /** The global limit on platform threads. */
    public int maxThreads() {
        return maxThreads;
    }

    /** The global limit on virtual threads. */
    public int maxVirtualThreads() {
        return maxVirtualThreads;
    }

    /** The global limit on worker processes. */
    public int maxProcesses() {
        return maxProcesses;
    }

    /** The context of stages that name none and are not colocated. */
    public ContextKind defaultContext() {
        return defaultContext;
    }

    /** The default input queue capacity. */
    public int queueSize() {
        return queueSize;
    }

    /** How long a stopping run waits for its stages. */
    public Duration stopGrace() {
        return stopGrace;
    }

    /** The run's time limit, if one is set. */
    public java.util.Optional<Duration> timeout() {
        return java.util.Optional.ofNullable(timeout);
    }

    /** Restarts allowed per context of a stage on worker processes. */
    public int workerRestarts() {
        return workerRestarts;
    }

    /** The wait before a worker's first restart. */
    public Duration workerRestartBackoff() {
        return workerRestartBackoff;
    }

    /** The error policy of stages that set none. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }
}
