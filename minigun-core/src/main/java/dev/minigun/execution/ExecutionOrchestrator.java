package dev.minigun.execution;

import dev.minigun.ContextKind;
import dev.minigun.PipelineDefinitionException;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.StageReport;
import dev.minigun.internal.BatchNode;
import dev.minigun.internal.Channel;
import dev.minigun.internal.DirectTarget;
import dev.minigun.internal.Directory;
import dev.minigun.internal.Failure;
import dev.minigun.internal.FilterNode;
import dev.minigun.internal.MapNode;
import dev.minigun.internal.MergeNode;
import dev.minigun.internal.Outlet;
import dev.minigun.internal.ProcessNode;
import dev.minigun.internal.ProducerTask;
import dev.minigun.internal.QueuedTarget;
import dev.minigun.internal.Quiescence;
import dev.minigun.internal.RemoteNode;
import dev.minigun.internal.RunCancelledException;
import dev.minigun.internal.RunControl;
import dev.minigun.internal.RunEvent;
import dev.minigun.internal.SinkNode;
import dev.minigun.internal.StageCounters;
import dev.minigun.internal.StageNode;
import dev.minigun.internal.StageSampleEvent;
import dev.minigun.internal.StartGate;
import dev.minigun.internal.Target;
import dev.minigun.internal.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@link ExecutionPlan} once: builds a runtime for every stage, a bounded queue in front of
 * every stage that owns contexts, direct calls for colocated stages, takes contexts from one
 * {@link ContextPool} per kind, starts consumers before producers, detects the end of the run, and
 * always tears everything down: no thread it started outlives {@link #run()}.
 *
 * <p><b>End of stream.</b> The run ends when it is quiescent: every producer has returned and no
 * item is queued or being processed anywhere (see {@code Quiescence}). That is exact for fan-in,
 * diamonds and {@code emitTo}, including cycles, where counting end-of-stream markers along static
 * edges cannot be. Once quiescent, partial batches are flushed in definition order and the run
 * waits for quiescence again, until a flush round finds nothing to flush; then the queues close
 * and every context ends.
 *
 * <p><b>Failure.</b> The first failure under {@code failFast} cancels the run: queues are aborted,
 * contexts terminated (interrupted), and {@code run()} throws a {@link PipelineException} naming
 * the stage, with later failures suppressed and the partial report attached.
 */
public final class ExecutionOrchestrator {
    private final ExecutionPlan plan;
    private final StageGraph graph;
    private final RunControl control = new RunControl();
    private final Quiescence quiescence = new Quiescence();
    private final Map<String, StageCounters> counters = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, StageNode> nodes = new LinkedHashMap<>();
    private final List<ProducerTask> producers = new ArrayList<>();
    private final Map<ContextKind, ContextPool> pools = new EnumMap<>(ContextKind.class);
    private final ScheduledThreadPoolExecutor timer;
    private final Map<String, RemoteStage> remoteStages = new LinkedHashMap<>();
    private final List<Thread> timerThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Thread coordinator;
    private final Map<String, StartGate> gates = new LinkedHashMap<>();
    private final Map<String, AdaptivePool> adaptive = new LinkedHashMap<>();
    private final java.util.Set<String> startedStages = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<String> ended = new java.util.HashSet<>();
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile boolean started;
    private volatile boolean coordinatorInterrupted;

    /**
     * Prepares a run of {@code plan}. Fails with {@link PipelineDefinitionException}, before any
     * item moves, when a stage needs a context kind whose module is not on the class path.
     */
    public ExecutionOrchestrator(ExecutionPlan plan) {
        this.plan = plan;
        this.graph = plan.graph();
        try {
            for (Placement p : plan.placements()) {
                if (!p.kind().isLocal()) {
                    StageSpec spec = graph.stage(p.stage());
                    ContextProvider provider = ContextProvider.find(p.kind()).orElseThrow(() -> missingModule(spec, p));
                    remoteStages.put(p.stage(), provider.prepare(spec, p, graph));
                }
            }
        } catch (RuntimeException e) {
            // A stage prepared before the one that failed may hold a connection: the run never starts.
            for (RemoteStage prepared : remoteStages.values()) {
                try {
                    prepared.close();
                } catch (RuntimeException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
            }
            throw e;
        }
        boolean timed = graph.timeout().isPresent()
                || graph.stages().stream()
                        .anyMatch(s -> s.operation() instanceof Operation.Batch b
                                && b.maxWait().isPresent())
                || plan.placements().stream().anyMatch(Placement::isAdaptive);
        this.timer = timed ? newTimer(graph.pipeline(), timerThreads) : null;
        wire();
    }

    private static PipelineDefinitionException missingModule(StageSpec spec, Placement p) {
        String module = spec.exec().flatMap(e -> e.providingModule()).orElse("another module");
        return new PipelineDefinitionException(
                p.stage(),
                "stage '" + p.stage() + "' runs on "
                        + spec.exec().map(Object::toString).orElse(p.kind().toString())
                        + ", which module " + module + " provides; put dev.minigun:" + module
                        + " on the class path, or run the stage on threads");
    }

    private static ScheduledThreadPoolExecutor newTimer(String pipeline, List<Thread> started) {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = Thread.ofPlatform()
                    .name("minigun-" + pipeline + "/batch-timer")
                    .unstarted(r);
            started.add(thread);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return t;
    }

    private void wire() {
        for (StageSpec s : graph.stages()) {
            // As many writers as threads may run the stage's code at once (the plan knows).
            StageCounters c = new StageCounters(plan.placement(s.name()).concurrency());
            counters.put(s.name(), c);
            Placement p = plan.placement(s.name());
            if (p.isQueued()) {
                // The items of a stage on virtual threads block: its many workers take one at a time.
                channels.put(
                        s.name(),
                        new Channel(
                                s.name(),
                                p.queueSize(),
                                quiescence,
                                p.kind() == ContextKind.VIRTUAL,
                                hasOneSendingThread(s)));
            }
            StageNode node = switch (s.operation()) {
                case Operation.Produce produce -> null;
                case Operation op
                when remoteStages.containsKey(s.name()) ->
                    new RemoteNode(s.name(), remoteStages.get(s.name())::call, s.errorPolicy(), control, c);
                case Operation.Process op -> new ProcessNode(s.name(), op.processor(), s.errorPolicy(), control, c);
                case Operation.Map op -> new MapNode(s.name(), op.function(), s.errorPolicy(), control, c);
                case Operation.Filter op -> new FilterNode(s.name(), op.predicate(), s.errorPolicy(), control, c);
                case Operation.Merge op -> new MergeNode(s.name(), s.errorPolicy(), control, c);
                case Operation.Consume op -> new SinkNode(s.name(), op.sink(), s.errorPolicy(), control, c);
                case Operation.Batch op ->
                    new BatchNode(
                            s.name(),
                            op.size(),
                            op.maxWait().map(Duration::toNanos).orElse(0L),
                            op.maxWait().isPresent() ? timer : null,
                            quiescence,
                            s.errorPolicy(),
                            control,
                            c);
            };
            if (node != null) {
                nodes.put(s.name(), node);
            }
        }
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, String> hosts = new LinkedHashMap<>();
        Map<String, Boolean> anyCaller = new LinkedHashMap<>();
        for (StageSpec s : graph.stages()) {
            Placement p = plan.placement(s.name());
            hosts.put(s.name(), p.host());
            anyCaller.put(s.name(), !p.rule().colocates() || p.concurrency() == ExecutionPlan.ANY_CALLER);
            StageNode node = nodes.get(s.name());
            if (node != null) {
                targets.put(
                        s.name(),
                        p.isQueued()
                                ? new QueuedTarget(s.name(), channels.get(s.name()), control, false)
                                : new DirectTarget(node));
            }
        }
        Directory directory = new Directory(targets, hosts, anyCaller);
        Map<String, Target> edges = new LinkedHashMap<>(targets); // the static edges: an upstream's own sends
        channels.forEach((stage, channel) -> edges.put(stage, new QueuedTarget(stage, channel, control, true)));
        for (Placement p : plan.placements()) {
            gates.computeIfAbsent(p.host(), host -> new StartGate(() -> runBeforeStageHooks(host), control));
        }
        for (StageSpec s : graph.stages()) {
            List<Target> downstream = graph.downstreams(s.name()).stream()
                    .map(d -> edges.get(d.name()))
                    .toList();
            Outlet outlet = new Outlet(s.name(), downstream, s.routing(), counters.get(s.name()), directory);
            if (s.operation() instanceof Operation.Produce produce) {
                producers.add(new ProducerTask(
                        s.name(),
                        produce.source(),
                        outlet,
                        counters.get(s.name()),
                        control,
                        quiescence,
                        gates.get(s.name()),
                        s.errorPolicy()));
            } else {
                nodes.get(s.name()).connect(outlet);
            }
        }
        pools.put(ContextKind.THREAD, new ContextPool(graph.pipeline(), ContextKind.THREAD, graph.maxThreads()));
        pools.put(
                ContextKind.VIRTUAL, new ContextPool(graph.pipeline(), ContextKind.VIRTUAL, graph.maxVirtualThreads()));
        pools.put(
                ContextKind.INLINE,
                new ContextPool(graph.pipeline(), ContextKind.INLINE, Math.max(1, producers.size())));
        pools.put(ContextKind.PROCESS, new ContextPool(graph.pipeline(), ContextKind.PROCESS, graph.maxProcesses()));
        pools.put(ContextKind.ISOLATED, new ContextPool(graph.pipeline(), ContextKind.ISOLATED, graph.maxThreads()));
        pools.put(ContextKind.CLUSTER, new ContextPool(graph.pipeline(), ContextKind.CLUSTER, Integer.MAX_VALUE));
        // Made here, before anyone can ask for a report of the run (which reads their sizes).
        for (Map.Entry<String, StageNode> e : nodes.entrySet()) {
            Placement p = plan.placement(e.getKey());
            if (p.isQueued() && p.isAdaptive()) {
                RemoteStage remote = remoteStages.get(e.getKey());
                adaptive.put(
                        e.getKey(),
                        new AdaptivePool(
                                graph.pipeline(),
                                e.getKey(),
                                e.getValue(),
                                channels.get(e.getKey()),
                                control,
                                gates.get(e.getKey()),
                                pool(p.kind()),
                                remote == null ? null : remote::newContext,
                                p.contexts(),
                                p.maxContexts()));
            }
        }
        control.onCancel(this::abortEverything);
    }

    /**
     * Whether the queue of {@code s} gets a single sender (see {@link Channel}): it has one upstream,
     * whose code runs on one thread at a time, and which is not a batch with a maximum wait (whose
     * timer thread sends as often as its own). Other senders ({@code emitTo}, dead letters) still
     * reach it, through the list beside the ring.
     */
    private boolean hasOneSendingThread(StageSpec s) {
        if (s.upstreams().size() != 1) {
            return false;
        }
        String upstream = s.upstreams().getFirst();
        boolean timed = graph.stage(upstream).operation() instanceof Operation.Batch b
                && b.maxWait().isPresent();
        return !timed && plan.placement(upstream).concurrency() == 1;
    }

    /** The plan this run executes. */
    public ExecutionPlan plan() {
        return plan;
    }

    /** The pool of {@code kind} contexts of this run (THREAD, VIRTUAL or INLINE). */
    public ContextPool pool(ContextKind kind) {
        ContextPool p = pools.get(kind);
        if (p == null) {
            throw new IllegalArgumentException("no " + kind + " pool in this run");
        }
        return p;
    }

    /**
     * Runs to the end in the calling thread (which also runs inline producers) and returns the
     * report; throws {@link PipelineException} if the run failed or was cancelled.
     */
    public RunReport run() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("an orchestrator runs its plan once; build a new one");
            }
            started = true;
        }
        return execute();
    }

    /** Starts the run on a coordinator thread of its own and returns at once. */
    public Running start() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("an orchestrator runs its plan once; build a new one");
            }
            started = true;
        }
        CompletableFuture<RunReport> done = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform()
                .name("minigun-" + graph.pipeline() + "/run")
                .start(() -> {
                    try {
                        done.complete(execute());
                    } catch (Throwable t) {
                        done.completeExceptionally(t);
                    }
                });
        return new Handle(done, thread);
    }

    /** Cancels the run; returns at once. */
    public void cancel(String reason) {
        control.cancel(reason);
    }

    private RunReport execute() {
        coordinator = Thread.currentThread();
        RunEvent runEvent = new RunEvent();
        runEvent.begin();
        Runnable sampler = this::sampleForFlightRecorder;
        jdk.jfr.FlightRecorder.addPeriodicEvent(StageSampleEvent.class, sampler);
        try {
            RunReport report = executeRecorded();
            recordRun(runEvent, report);
            return report;
        } catch (PipelineException e) {
            e.report().ifPresent(report -> recordRun(runEvent, report));
            throw e;
        } finally {
            jdk.jfr.FlightRecorder.removePeriodicEvent(sampler);
        }
    }

    private static void recordRun(RunEvent event, RunReport report) {
        event.end();
        if (event.shouldCommit()) {
            event.pipeline = report.pipeline();
            event.outcome = report.outcome();
            event.produced = report.produced();
            event.consumed = report.consumed();
            event.failed = report.failed();
            event.commit();
        }
    }

    private RunReport executeRecorded() {
        startNanos = System.nanoTime();
        quiescence.enter(producers.size());
        try {
            runBeforeRunHooks();
            if (!control.isCancelled()) {
                scheduleTimeout();
                startStages();
                scheduleAdaptivePools();
                awaitEndOfStream();
            }
            if (!control.isCancelled()) {
                runAfterStageHooks(); // every stage has seen its last item; its contexts still run
            }
            if (!control.isCancelled()) {
                channels.values().forEach(Channel::close);
            }
        } catch (RunCancelledException e) {
            // a cancel reached the coordinator while it ran an inline producer or flushed a batch
        } catch (Throwable t) {
            control.failed("(engine)", null, t, dev.minigun.ErrorPolicy.failFast());
        } finally {
            stopEverything();
        }
        runAfterStageHooks(); // after a failure or cancel: for the stages that started, once everything stopped
        endNanos = System.nanoTime();
        return finish();
    }

    /** The beforeStage hooks of every stage that runs in {@code host}'s context, in definition order. */
    private void runBeforeStageHooks(String host) {
        for (StageSpec s : graph.stages()) {
            if (!plan.placement(s.name()).host().equals(host)) {
                continue;
            }
            for (dev.minigun.Hook hook : s.beforeStage()) {
                try {
                    hook.run();
                } catch (Throwable t) {
                    control.failed(Failure.ofHook(s.name(), "beforeStage", t), dev.minigun.ErrorPolicy.failFast());
                    return;
                }
            }
            startedStages.add(s.name());
        }
    }

    /** The afterStage hooks of every stage that started and has not ended, in definition order; once each. */
    private void runAfterStageHooks() {
        for (StageSpec s : graph.stages()) {
            if (!startedStages.contains(s.name()) || !ended.add(s.name())) {
                continue;
            }
            for (dev.minigun.Hook hook : s.afterStage()) {
                try {
                    hook.run();
                } catch (Throwable t) {
                    control.failed(Failure.ofHook(s.name(), "afterStage", t), dev.minigun.ErrorPolicy.failFast());
                    break;
                }
            }
        }
    }

    private void runBeforeRunHooks() {
        for (dev.minigun.Hook hook : graph.beforeRun()) {
            try {
                hook.run();
            } catch (Throwable t) {
                control.failed(Failure.ofHook(null, "beforeRun", t), dev.minigun.ErrorPolicy.failFast());
                return;
            }
        }
    }

    private void scheduleTimeout() {
        graph.timeout()
                .ifPresent(limit -> timer.schedule(
                        () -> control.cancel("the run timed out after " + limit.toMillis() + " ms (config().timeout)"),
                        limit.toNanos(),
                        TimeUnit.NANOSECONDS));
    }

    private void startStages() {
        // Stages called directly from several contexts have no context of their own: their hooks run here.
        for (Placement p : plan.placements()) {
            boolean hostsItself = p.host().equals(p.stage());
            if (hostsItself && !p.isQueued() && p.rule() != AffinityRule.PRODUCER) {
                gates.get(p.stage()).pass();
            }
        }
        // Consumers first, so a producer never emits into a stage that is not yet taking; but of a
        // stage on many virtual threads only the first few, the rest once the producers run:
        // starting a thousand virtual threads takes milliseconds, which the first items need not
        // wait for (and as each worker takes one item at a time, the first ones take no more).
        for (Map.Entry<String, StageNode> e : nodes.entrySet()) {
            Placement p = plan.placement(e.getKey());
            if (!p.isQueued()) {
                continue;
            }
            AdaptivePool elastic = adaptive.get(e.getKey());
            if (elastic != null) {
                elastic.start();
                continue;
            }
            startWorkers(e.getKey(), 0, startedBeforeProducers(p));
        }
        List<ProducerTask> inline = new ArrayList<>();
        for (ProducerTask task : producers) {
            Placement p = plan.placement(task.name());
            if (p.kind() == ContextKind.INLINE) {
                inline.add(task);
            } else {
                pool(p.kind()).acquire(task.name()).execute(task);
            }
        }
        for (Map.Entry<String, StageNode> e : nodes.entrySet()) {
            Placement p = plan.placement(e.getKey());
            if (p.isQueued() && !adaptive.containsKey(e.getKey())) {
                startWorkers(e.getKey(), startedBeforeProducers(p), p.contexts());
            }
        }
        for (ProducerTask task : inline) {
            pool(ContextKind.INLINE).acquire(task.name()).execute(task);
        }
    }

    /** Of a stage's contexts, how many start before the producers (the rest start right after them). */
    private static int startedBeforeProducers(Placement p) {
        return p.kind() == ContextKind.VIRTUAL ? Math.min(p.contexts(), 16) : p.contexts();
    }

    /** Starts the workers {@code from} (inclusive) to {@code to} (exclusive) of queued stage {@code stage}. */
    private void startWorkers(String stage, int from, int to) {
        Placement p = plan.placement(stage);
        ContextPool pool = pool(p.kind());
        RemoteStage remote = remoteStages.get(stage);
        for (int i = from; i < to; i++) {
            String name = stage + "#" + i;
            ExecutionContext ctx = remote == null ? pool.acquire(name) : pool.acquire(name, remote::newContext);
            new Worker(nodes.get(stage), channels.get(stage), control, gates.get(stage)).startWith(ctx::execute);
        }
    }

    /** The run's timer looks at every adaptive pool periodically: grows it under load, reaps workers that left. */
    private void scheduleAdaptivePools() {
        if (adaptive.isEmpty()) {
            return;
        }
        timer.scheduleAtFixedRate(
                () -> adaptive.values().forEach(AdaptivePool::tick),
                AdaptivePool.TICK_NANOS,
                AdaptivePool.TICK_NANOS,
                TimeUnit.NANOSECONDS);
    }

    private void awaitEndOfStream() {
        while (!control.isCancelled()) {
            quiescence.await(control::isCancelled);
            if (Thread.currentThread().isInterrupted() && !control.isCancelled()) {
                coordinatorInterrupted = true;
                control.cancel("the thread running pipeline '" + graph.pipeline() + "' was interrupted");
            }
            if (control.isCancelled()) {
                return;
            }
            boolean flushed = false;
            boolean quiet;
            if (!lockEndOfStream()) {
                return;
            }
            try {
                // One accumulator at a time, upstream first: a batch after a batch must get its
                // upstream's last partial list (and see it drained through any queue) before it
                // flushes its own, so the first flush ends the round and quiescence comes again.
                for (StageNode node : nodes.values()) {
                    if (flushQuietly(node)) {
                        flushed = true;
                        break;
                    }
                }
                quiet = quiescence.isQuiet();
            } finally {
                quiescence.endOfStreamLock().unlock();
            }
            if (!flushed && quiet) {
                return;
            }
        }
    }

    /** Takes the end-of-stream lock (a batch timer may hold it) unless the run is cancelled meanwhile. */
    private boolean lockEndOfStream() {
        while (!control.isCancelled()) {
            try {
                if (quiescence.endOfStreamLock().tryLock(10, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                if (!control.isCancelled()) {
                    coordinatorInterrupted = true;
                    control.cancel("the thread running pipeline '" + graph.pipeline() + "' was interrupted");
                }
            }
        }
        return false;
    }

    private boolean flushQuietly(StageNode node) {
        try {
            return node.flush();
        } catch (RunCancelledException e) {
            throw e;
        } catch (Throwable t) {
            control.failed(
                    node.name(),
                    "final partial batch",
                    t,
                    graph.stage(node.name()).errorPolicy());
            return false;
        }
    }

    private void abortEverything() {
        adaptive.values().forEach(AdaptivePool::stop);
        // Contexts that run a stage elsewhere (a worker process, a cluster member, an isolated copy)
        // hear of the cancel before their queues end: one whose worker was waiting for items would
        // otherwise see its queue end first and stop its worker as at the end of a run.
        pools.forEach((kind, pool) -> {
            if (!kind.isLocal()) {
                pool.terminateAll();
            }
        });
        channels.values().forEach(Channel::abort);
        if (timer != null) {
            timer.shutdownNow();
        }
        pools.forEach((kind, pool) -> {
            if (kind.isLocal()) {
                pool.terminateAll();
            }
        });
        // The coordinator may be running stage code itself (an inline producer, or a flush of
        // partial batches into directly called stages): it is stopped like any context, but only
        // until it has stopped everything: later, the interrupt would outlive the run and reach
        // whatever the caller of run() does next.
        synchronized (coordinatorLock) {
            Thread c = coordinator;
            if (c != null && c != Thread.currentThread() && !coordinatorStopped) {
                c.interrupt();
            }
        }
        quiescence.wake();
    }

    /** Guards {@link #coordinatorStopped} against an interrupt of the coordinator racing it. */
    private final Object coordinatorLock = new Object();

    /** Whether the coordinator has stopped everything, so that no cancel interrupts it any more. */
    private boolean coordinatorStopped;

    private List<String> stuck = List.of();

    private void stopEverything() {
        Thread.interrupted(); // so that the joins below wait; a caller's interrupt is restored at the end
        // No adaptive pool grows from here on, so the contexts joined below are all there are.
        adaptive.values().forEach(AdaptivePool::stop);
        long deadline = System.nanoTime() + graph.stopGrace().toNanos();
        List<String> alive = new ArrayList<>();
        for (ContextPool pool : pools.values()) {
            for (ExecutionContext ctx : pool.contexts()) {
                if (!joinUntil(ctx::join, deadline)) {
                    alive.add(ctx.name());
                }
            }
        }
        if (timer != null) {
            timer.shutdownNow();
            for (Thread t : timerThreads) {
                TimedJoin timerJoin = millis -> {
                    t.join(millis);
                    return !t.isAlive();
                };
                if (!joinUntil(timerJoin, deadline)) {
                    alive.add(t.getName());
                }
            }
        }
        if (!alive.isEmpty()) {
            stuck = List.copyOf(alive);
            control.cancel("stages did not stop: " + stuck);
        }
        for (RemoteStage remote : remoteStages.values()) {
            try {
                remote.close();
            } catch (RuntimeException e) {
                control.failed(
                        Failure.ofHook(null, "closing the workers of a stage", e), dev.minigun.ErrorPolicy.skip());
            }
        }
        if (control.isCancelled()) {
            // Every thread has stopped (or was abandoned): what the stages still hold will never move.
            nodes.values().forEach(StageNode::discardOnCancel);
        }
        synchronized (coordinatorLock) {
            coordinatorStopped = true;
        }
        // What the run's own cancel left on this thread goes; an interrupt from the caller's side
        // stays for the caller to see, even if a wait of the run has already consumed the flag.
        Thread.interrupted();
        if (coordinatorInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A join that waits until {@code deadline} however often the waiting thread is interrupted. */
    private interface TimedJoin {
        boolean join(long millis) throws InterruptedException;
    }

    private boolean joinUntil(TimedJoin join, long deadline) {
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            try {
                return join.join(Math.max(1, left));
            } catch (InterruptedException e) {
                if (left <= 0) {
                    return false;
                }
            }
        }
    }

    private RunReport finish() {
        control.seal();
        RunReport report = snapshot(outcome());
        Throwable afterRunFailure = null;
        for (dev.minigun.AfterRunHook hook : graph.afterRun()) {
            try {
                hook.after(report);
            } catch (Throwable t) {
                if (afterRunFailure == null) {
                    afterRunFailure = t;
                } else {
                    afterRunFailure.addSuppressed(t);
                }
            }
        }
        Failure fatal = control.fatal();
        PipelineException failure = null;
        if (fatal != null) {
            failure = new PipelineException(
                    fatal.stage(),
                    "pipeline '" + graph.pipeline() + "': " + fatal.message() + stuckNote(),
                    fatal.cause());
            for (Failure other : control.failures()) {
                if (other != fatal) {
                    failure.addSuppressed(new PipelineException(other.stage(), other.message(), other.cause()));
                }
            }
        } else if (control.isCancelled()) {
            failure = new PipelineException(
                    null, "pipeline '" + graph.pipeline() + "' was cancelled: " + control.cancelReason() + stuckNote());
        } else if (afterRunFailure != null) {
            RunReport failed = new RunReport(
                    report.pipeline(),
                    report.elapsed(),
                    report.stages(),
                    "failed",
                    report.abandoned(),
                    report.errors());
            throw new PipelineException(
                            null,
                            "pipeline '" + graph.pipeline() + "': afterRun hook failed: " + afterRunFailure,
                            afterRunFailure)
                    .withReport(failed);
        }
        if (failure != null) {
            if (afterRunFailure != null) {
                failure.addSuppressed(afterRunFailure);
            }
            throw failure.withReport(report);
        }
        return report;
    }

    private String outcome() {
        return control.fatal() != null ? "failed" : control.isCancelled() ? "cancelled" : "completed";
    }

    private String stuckNote() {
        return stuck.isEmpty()
                ? ""
                : "; these contexts ignored the interrupt for "
                        + graph.stopGrace().toMillis() + " ms and were abandoned: " + stuck;
    }

    /** A report of what every stage has done so far. */
    public RunReport snapshot(String outcome) {
        long now = endNanos != 0 ? endNanos : System.nanoTime();
        Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(now - startNanos);
        double seconds = Math.max(1e-9, elapsed.toNanos() / 1e9);
        // Each stage's sums read once (they add up its feeders' counts), so that the report, the mean
        // rate and the current rate all read the same moment.
        Map<String, StageCounters.Totals> totals = new java.util.HashMap<>();
        for (StageSpec s : graph.stages()) {
            totals.put(s.name(), counters.get(s.name()).totals());
        }
        Map<String, Double> current = currentRates(now, totals);
        List<StageReport> stages = new ArrayList<>();
        for (StageSpec s : graph.stages()) {
            StageCounters c = counters.get(s.name());
            StageCounters.Totals t = totals.get(s.name());
            Channel ch = channels.get(s.name());
            Placement p = plan.placement(s.name());
            boolean deadLetterSink =
                    s.operation().isSink() && plan.deadLetterTargets().containsValue(s.name());
            long busy = c.busyNanos.sum();
            double mean = moved(s, t) / seconds;
            AdaptivePool elastic = adaptive.get(s.name());
            int contexts = p.rule().colocates() ? 0 : elastic != null ? elastic.size() : p.contexts();
            stages.add(new StageReport(
                    s.name(),
                    deadLetterSink ? "dead-letter" : s.operation().label(),
                    t.in(),
                    t.emitted(),
                    t.delivered(),
                    t.completed(),
                    c.failed.sum(),
                    c.filtered.sum(),
                    c.deadLettered.sum(),
                    c.retried.sum(),
                    java.util.Optional.ofNullable(c.lastError).map(Throwable::toString),
                    c.cancelled.sum(),
                    ch == null ? 0 : ch.depth(),
                    ch == null ? 0 : ch.peakDepth(),
                    Duration.ofNanos(busy),
                    Duration.ofNanos(c.latency.percentile(0.50)),
                    Duration.ofNanos(c.latency.percentile(0.99)),
                    Duration.ofNanos(c.latency.max()),
                    Math.min(
                            1.0, busy / (seconds * 1e9 * Math.max(1, elastic != null ? elastic.peak() : p.contexts()))),
                    mean,
                    current.getOrDefault(s.name(), mean),
                    c.expected < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(c.expected),
                    contexts));
        }
        List<String> errors = control.failures().stream().map(Failure::message).toList();
        return new RunReport(graph.pipeline(), elapsed, stages, outcome, stuck, errors);
    }

    /** The items a stage has moved, for its rates: a producer's emitted, any other stage's received. */
    private static long moved(StageSpec s, StageCounters.Totals t) {
        return s.operation().isProducer() ? t.emitted() : t.in();
    }

    /** Recent (time, count) samples per stage, for a current rate over a trailing window. */
    private final Map<String, java.util.ArrayDeque<long[]>> rateSamples = new java.util.HashMap<>();

    private static final long RATE_WINDOW_NANOS = 1_000_000_000L;

    /**
     * Items per second per stage over about the last second, whoever asks and however often: each
     * snapshot adds a sample (at most every 50 ms), and the rate runs from the newest sample at least
     * a window old (or the oldest there is) to now.
     */
    private synchronized Map<String, Double> currentRates(long now, Map<String, StageCounters.Totals> totals) {
        Map<String, Double> rates = new java.util.HashMap<>();
        for (StageSpec s : graph.stages()) {
            long moved = moved(s, totals.get(s.name()));
            java.util.ArrayDeque<long[]> samples =
                    rateSamples.computeIfAbsent(s.name(), k -> new java.util.ArrayDeque<>());
            if (samples.isEmpty() || now - samples.peekLast()[0] >= 50_000_000L) {
                samples.addLast(new long[] {now, moved});
            }
            // Keep one sample older than the window, as the start of the rate.
            while (samples.size() > 2) {
                java.util.Iterator<long[]> it = samples.iterator();
                it.next();
                if (now - it.next()[0] < RATE_WINDOW_NANOS) {
                    break;
                }
                samples.removeFirst();
            }
            long[] from = samples.peekFirst();
            if (now > from[0]) {
                rates.put(s.name(), (moved - from[1]) / ((now - from[0]) / 1e9));
            }
        }
        return rates;
    }

    /** Every context the run has started, for progress views. */
    public List<dev.minigun.ContextInfo> contexts() {
        List<dev.minigun.ContextInfo> all = new ArrayList<>();
        for (ContextPool pool : pools.values()) {
            for (ExecutionContext ctx : pool.contexts()) {
                String local = ctx.name().substring(graph.pipeline().length() + 1);
                int hash = local.lastIndexOf('#');
                String stage = hash < 0 ? local : local.substring(0, hash);
                all.add(new dev.minigun.ContextInfo(ctx.name(), stage, ctx.kind(), ctx.isAlive(), ctx.pid()));
            }
        }
        return all;
    }

    /** Where the stages that run elsewhere run their batches, for progress views. */
    public List<dev.minigun.HostInfo> hosts() {
        List<dev.minigun.HostInfo> all = new ArrayList<>();
        remoteStages.values().forEach(remote -> all.addAll(remote.hosts()));
        return all;
    }

    /** Commits one flight-recorder sample per stage; registered as a periodic event while the run lasts. */
    private void sampleForFlightRecorder() {
        RunReport report = snapshot("running");
        for (StageReport stage : report.stages()) {
            StageSampleEvent event = new StageSampleEvent();
            event.pipeline = graph.pipeline();
            event.stage = stage.name();
            event.in = stage.in();
            event.out = stage.out();
            event.failed = stage.failed();
            event.rate = stage.currentRate();
            event.queued = stage.queued();
            event.contexts = stage.contexts();
            event.commit();
        }
    }

    /** The {@link Running} handle of a run started on its own coordinator thread. */
    private final class Handle implements Running {
        private final CompletableFuture<RunReport> done;
        private final Thread coordinatorThread;

        Handle(CompletableFuture<RunReport> done, Thread coordinatorThread) {
            this.done = done;
            this.coordinatorThread = coordinatorThread;
        }

        @Override
        public RunReport await() {
            try {
                // The outcome is known once the future completes; the run is over once its thread has ended.
                RunReport report;
                try {
                    report = done.get();
                } finally {
                    if (done.isDone()) {
                        coordinatorThread.join();
                    }
                }
                return report;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineException(
                        null, "interrupted while waiting for pipeline '" + graph.pipeline() + "'", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new PipelineException(null, "pipeline '" + graph.pipeline() + "' failed", e.getCause());
            }
        }

        @Override
        public boolean await(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                try {
                    done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    // ended with a failure: still ended
                }
                coordinatorThread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                return !coordinatorThread.isAlive();
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public void cancel() {
            control.cancel("cancelled by the caller");
        }

        @Override
        public RunReport stats() {
            return snapshot(done.isDone() ? outcome() : "running");
        }

        @Override
        public boolean isDone() {
            return done.isDone();
        }

        @Override
        public List<dev.minigun.ContextInfo> contexts() {
            return ExecutionOrchestrator.this.contexts();
        }

        @Override
        public List<dev.minigun.HostInfo> hosts() {
            return ExecutionOrchestrator.this.hosts();
        }
    }
}
