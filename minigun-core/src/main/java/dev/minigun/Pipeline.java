package dev.minigun;

import dev.minigun.execution.ExecutionOrchestrator;
import dev.minigun.execution.ExecutionPlan;
import dev.minigun.execution.Operation;
import dev.minigun.execution.StageGraph;
import dev.minigun.execution.StageSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A named pipeline definition: producers, the stages that process their items, and consumers,
 * wired as a DAG through {@link Stage} handles. Each stage may say where it runs ({@link Exec});
 * {@link #plan()} decides the rest and says why, and {@link #run()} executes it, blocking until
 * every item has been consumed, failed or filtered.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create("orders");
 * Stage<Order> read = p.producer("read", out -> repo.streamAll().forEach(out::emit));
 * read.filter("valid", Order::isValid)
 *     .process("price", Exec.virtualThreads(200), (order, out) -> out.emit(pricing.quote(order)))
 *     .batch("batch", 500, Duration.ofMillis(200))
 *     .consume("store", Exec.threads(2), rows -> repo.insertAll(rows));
 * RunReport report = p.run();
 * }</pre>
 *
 * <p>A definition is built by one thread. Once a run has started it is frozen: adding a stage or
 * changing the configuration then fails. It can be run again; each run is independent.
 */
public final class Pipeline {
    private final String name;
    private final Config config = new Config(this::checkOpen);
    private final List<StageSpec> stages = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Deque<String> scopes = new ArrayDeque<>();
    private final List<Hook> beforeRun = new ArrayList<>();
    private final List<AfterRunHook> afterRun = new ArrayList<>();
    private volatile boolean frozen;

    private Pipeline(String name) {
        this.name = name;
    }

    /** A new, empty pipeline called {@code name}. */
    public static Pipeline create(String name) {
        if (name == null || name.isBlank()) {
            throw new PipelineDefinitionException(null, "a pipeline needs a non-blank name");
        }
        return new Pipeline(name);
    }

    /** The pipeline's name. */
    public String name() {
        return name;
    }

    /** The pipeline-wide settings: global limits, default context, default queue size. */
    public Config config() {
        return config;
    }

    /** A producer on the pipeline's default context. */
    public <T> Stage<T> producer(String name, Source<T> source) {
        return producer(name, null, source);
    }

    /** A producer on {@code exec} (one context: a producer runs its source once). */
    public <T> Stage<T> producer(String name, Exec exec, Source<T> source) {
        return add(name, new Operation.Produce(required(name, "source", source)), List.of(), exec);
    }

    /** A stage that passes on the items of all of {@code upstreams} (fan-in). */
    @SafeVarargs
    public final <T> Stage<T> merge(String name, Stage<? extends T>... upstreams) {
        if (upstreams == null || upstreams.length == 0) {
            throw new PipelineDefinitionException(
                    name, "merge '" + name + "' has no upstream stage: name at least one stage to merge");
        }
        List<String> ups = new ArrayList<>();
        for (Stage<? extends T> up : upstreams) {
            if (up == null || up.pipeline() != this) {
                throw new PipelineDefinitionException(
                        name,
                        "merge '" + name + "' names a stage of another pipeline (or null): merge stages of '"
                                + this.name + "'");
            }
            if (ups.contains(up.name())) {
                throw new PipelineDefinitionException(
                        name, "merge '" + name + "' names '" + up.name() + "' twice: name each upstream once");
            }
            ups.add(up.name());
        }
        return add(name, new Operation.Merge(), ups, null);
    }

    /** A processing stage fed only by {@link Emitter#emitTo}, on its own default context. */
    public <I, O> Stage<O> processor(String name, Processor<I, O> processor) {
        return processor(name, null, processor);
    }

    /** A processing stage fed only by {@link Emitter#emitTo}, on {@code exec}. */
    public <I, O> Stage<O> processor(String name, Exec exec, Processor<I, O> processor) {
        return add(name, new Operation.Process(required(name, "processor", processor)), List.of(), exec);
    }

    /** A consumer fed only by {@link Emitter#emitTo}, on its own default context. */
    public <I> Stage<Void> consumer(String name, Sink<I> sink) {
        return consumer(name, null, sink);
    }

    /** A consumer fed only by {@link Emitter#emitTo}, on {@code exec}. */
    public <I> Stage<Void> consumer(String name, Exec exec, Sink<I> sink) {
        return add(name, new Operation.Consume(required(name, "sink", sink)), List.of(), exec);
    }

    /** Runs {@code hook} once per run, before any stage starts; if it throws, the run fails before any item moves. */
    public Pipeline beforeRun(Hook hook) {
        checkOpen();
        beforeRun.add(required("beforeRun", "hook", hook));
        return this;
    }

    /** Runs {@code hook} once per run, after every stage has stopped, with the report, whatever the outcome. */
    public Pipeline afterRun(AfterRunHook hook) {
        checkOpen();
        afterRun.add(required("afterRun", "hook", hook));
        return this;
    }

    /** Where every stage runs and why; fails with {@link PipelineDefinitionException} if it cannot run. */
    public ExecutionPlan plan() {
        return ExecutionPlan.of(graph());
    }

    /**
     * Runs the pipeline in the calling thread until every item has been consumed, failed or
     * filtered, and returns the report. Throws {@link PipelineException} naming the stage if the run
     * failed; no thread of the run outlives this call.
     */
    public RunReport run() {
        return orchestrator().run();
    }

    /** Starts a run on a thread of its own and returns a handle to wait for, watch or cancel it. */
    public Running start() {
        return orchestrator().start();
    }

    private ExecutionOrchestrator orchestrator() {
        ExecutionPlan plan = plan();
        frozen = true;
        return new ExecutionOrchestrator(plan);
    }

    /** The definition as an immutable graph. */
    StageGraph graph() {
        synchronized (stages) {
            if (stages.isEmpty()) {
                throw new PipelineDefinitionException(
                        null, "pipeline '" + name + "' has no stage: add a producer and a consumer");
            }
            if (stages.stream().noneMatch(s -> s.operation().isProducer())) {
                throw new PipelineDefinitionException(
                        null,
                        "pipeline '" + name
                                + "' has no producer, so no item would ever move: add one with producer(...)");
            }
            List<StageSpec> resolved = stages.stream()
                    .map(s -> s.errorPolicy() == null ? s.withErrorPolicy(defaultPolicyFor(s)) : s)
                    .toList();
            for (StageSpec s : resolved) {
                checkPolicy(s.name(), s.errorPolicy(), s.operation().isProducer());
            }
            return new StageGraph(
                    name,
                    resolved,
                    config.maxThreads(),
                    config.maxVirtualThreads(),
                    config.maxProcesses(),
                    config.defaultContext(),
                    config.queueSize(),
                    config.stopGrace(),
                    config.timeout(),
                    beforeRun,
                    afterRun,
                    config.workerRestarts(),
                    config.workerRestartBackoff());
        }
    }

    <T> Stage<T> add(String localName, Operation operation, List<String> upstreams, Exec exec) {
        checkOpen();
        String full = scopedName(localName);
        if (exec != null) {
            exec.validate(full);
        }
        synchronized (stages) {
            if (!names.add(full)) {
                throw new PipelineDefinitionException(
                        full,
                        "stage name '" + full + "' is already used in pipeline '" + name
                                + "': give each stage a unique name");
            }
            stages.add(new StageSpec(
                    full,
                    operation,
                    upstreams,
                    Optional.ofNullable(exec),
                    Routing.broadcast(),
                    null)); // no policy yet: the pipeline's default, resolved when the graph is taken
        }
        return new Stage<>(this, full);
    }

    void update(String stage, UnaryOperator<StageSpec> change) {
        checkOpen();
        synchronized (stages) {
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).name().equals(stage)) {
                    stages.set(i, change.apply(stages.get(i)));
                    return;
                }
            }
        }
        throw new IllegalStateException("no stage " + stage);
    }

    StageSpec spec(String stage) {
        synchronized (stages) {
            return stages.stream()
                    .filter(s -> s.name().equals(stage))
                    .findFirst()
                    .orElseThrow();
        }
    }

    <R> R scoped(String scope, Supplier<R> body) {
        String full = scopedName(scope);
        scopes.push(full);
        try {
            return body.get();
        } finally {
            scopes.pop();
        }
    }

    private String scopedName(String local) {
        if (local == null || local.isBlank()) {
            String where = scopes.isEmpty() ? "" : " in fragment '" + scopes.peek() + "'";
            throw new PipelineDefinitionException(
                    local, "a stage name" + where + " is blank: give every stage a non-blank name");
        }
        if (local.contains("/")) {
            throw new PipelineDefinitionException(
                    local,
                    "stage name '" + local + "' contains '/', which separates fragment scopes: use another character");
        }
        return scopes.isEmpty() ? local : scopes.peek() + "/" + local;
    }

    /**
     * The pipeline-wide policy where it can apply: a producer cannot retry or dead-letter (its source
     * runs once), and a dead-letter stage does not send its own failures to itself; those keep failFast.
     */
    private ErrorPolicy defaultPolicyFor(StageSpec s) {
        ErrorPolicy policy = config.errorPolicy();
        boolean itemPolicy = policy instanceof ErrorPolicy.Retry || policy instanceof ErrorPolicy.DeadLetterTo;
        if (itemPolicy && s.operation().isProducer()) {
            return ErrorPolicy.failFast();
        }
        ErrorPolicy terminal = policy instanceof ErrorPolicy.Retry r ? r.exhausted() : policy;
        if (terminal instanceof ErrorPolicy.DeadLetterTo to
                && (s.name().equals(to.stage()) || s.name().endsWith("/" + to.stage()))) {
            return ErrorPolicy.failFast();
        }
        return policy;
    }

    static void checkPolicy(String stage, ErrorPolicy policy, boolean producer) {
        switch (policy) {
            case ErrorPolicy.FailFast f -> {}
            case ErrorPolicy.Skip s -> {}
            case ErrorPolicy.DeadLetterTo d -> {
                if (producer) {
                    throw new PipelineDefinitionException(
                            stage,
                            "producer '" + stage + "' cannot use deadLetter: its source runs once and has no item to"
                                    + " send; use failFast or skip");
                }
                if (d.stage() == null || d.stage().isBlank()) {
                    throw new PipelineDefinitionException(
                            stage,
                            "stage '" + stage + "': deadLetter needs the name of a stage: give the stage that takes"
                                    + " the failed items");
                }
            }
            case ErrorPolicy.Retry r -> {
                if (producer) {
                    throw new PipelineDefinitionException(
                            stage,
                            "producer '" + stage + "' cannot retry: its source runs once, so a retry would emit its"
                                    + " items again; retry in the stage after it");
                }
                if (r.maxAttempts() < 1) {
                    throw new PipelineDefinitionException(
                            stage,
                            "stage '" + stage + "': retry needs at least 1 attempt, was " + r.maxAttempts()
                                    + ": give the number of attempts in all, the first included");
                }
                if (r.backoff() == null || r.backoff().isNegative()) {
                    throw new PipelineDefinitionException(
                            stage, "stage '" + stage + "': retry backoff must be zero or positive, was " + r.backoff());
                }
                if (r.on().isEmpty()) {
                    throw new PipelineDefinitionException(
                            stage,
                            "stage '" + stage + "': retry on no exception type would never retry: name at least one");
                }
                if (r.exhausted() == null || r.exhausted() instanceof ErrorPolicy.Retry) {
                    throw new PipelineDefinitionException(
                            stage,
                            "stage '" + stage + "': after a retry comes failFast, skip or deadLetter, not "
                                    + r.exhausted() + ": fold the attempts into one retry");
                }
                checkPolicy(stage, r.exhausted(), producer);
            }
        }
    }

    private void checkOpen() {
        if (frozen) {
            throw new PipelineDefinitionException(
                    null,
                    "pipeline '" + name + "' has started running, so its definition is frozen: define a new pipeline");
        }
    }

    static <F> F required(String stage, String what, F f) {
        if (f == null) {
            throw new PipelineDefinitionException(stage, "stage '" + stage + "' needs a " + what + ", got null");
        }
        return f;
    }

    @Override
    public String toString() {
        return "Pipeline[" + name + ", " + stages.size() + " stages]";
    }
}
