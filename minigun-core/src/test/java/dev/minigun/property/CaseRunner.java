package dev.minigun.property;

import dev.minigun.DeadLetter;
import dev.minigun.Emitter;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.Stage;
import dev.minigun.StageReport;
import dev.minigun.execution.ExecutionPlan;
import dev.minigun.execution.Placement;
import dev.minigun.property.Model.Bag;
import dev.minigun.property.Model.Flow;
import dev.minigun.property.PipelineCase.Batch;
import dev.minigun.property.PipelineCase.CancelSpec;
import dev.minigun.property.PipelineCase.Copy;
import dev.minigun.property.PipelineCase.DeadLetters;
import dev.minigun.property.PipelineCase.Fault;
import dev.minigun.property.PipelineCase.Filter;
import dev.minigun.property.PipelineCase.Flatten;
import dev.minigun.property.PipelineCase.Item;
import dev.minigun.property.PipelineCase.MapAdd;
import dev.minigun.property.PipelineCase.Merge;
import dev.minigun.property.PipelineCase.Produce;
import dev.minigun.property.PipelineCase.Route;
import dev.minigun.property.PipelineCase.RoutingKind;
import dev.minigun.property.PipelineCase.Sink;
import dev.minigun.property.PipelineCase.StageDef;
import dev.minigun.property.PipelineCase.Target;
import dev.minigun.testing.NoLoss;
import dev.minigun.testing.ThreadCensus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Builds the pipeline a {@link PipelineCase} describes, runs it with {@code start()} under a
 * deadline, and checks every property on the outcome. Throws a {@link Violation} naming the first
 * property broken:
 *
 * <ul>
 *   <li>{@code no hang}: the run ends within {@link #DEADLINE} (the message has the thread dump);
 *   <li>{@code no stray interrupt}: no run leaves an interrupt on the test thread (every wait of
 *       the next case would end at once);
 *   <li>{@code no thread leak}: no engine thread of the run, and no thread that ran stage code, is
 *       alive once it has ended;
 *   <li>{@code accounting}: {@link NoLoss#assertNothingLost} holds on the report, whatever the outcome;
 *   <li>{@code outcome}: the run failed only at a stage that could fail, failed if a stage had to,
 *       and was cancelled only if the test cancelled it;
 *   <li>{@code delivery}: a completed run recorded at each sink what the {@link Model} says, and
 *       every batch list was non-empty and no larger than its size;
 *   <li>{@code report}: a completed run's counters (in, filtered, failed, batches) match the model.
 * </ul>
 */
final class CaseRunner {
    static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final PipelineCase kase;
    private final String pipelineName = "prop-" + RUNS.incrementAndGet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong seen = new AtomicLong();
    private final CountDownLatch cancelSignal = new CountDownLatch(1);
    private final AtomicReference<Running> running = new AtomicReference<>();
    private volatile boolean cancelledByStage;
    private final Map<String, ConcurrentLinkedQueue<Long>> recorded = new LinkedHashMap<>();
    private final ConcurrentLinkedQueue<String> shapeErrors = new ConcurrentLinkedQueue<>();
    private final Map<String, ThreadLocal<Attempts>> attempts = new ConcurrentHashMap<>();

    private CaseRunner(PipelineCase kase) {
        this.kase = kase;
    }

    /** Runs {@code kase} once and checks every property; returns how the run ended, for statistics. */
    static String check(PipelineCase kase) {
        return new CaseRunner(kase).run();
    }

    private String run() {
        if (Thread.interrupted()) {
            // Every wait below would return at once: that is no hang of this case, but an interrupt
            // that an earlier run (or test) left on this thread.
            throw new Violation("no stray interrupt", "the test thread was interrupted before this case started");
        }
        Pipeline p = build();
        ExecutionPlan plan = p.plan();
        Model model = Model.of(kase, name -> plan.placement(name).concurrency());
        long started = System.nanoTime();
        Running r = p.start();
        running.set(r);
        long deadline = started + DEADLINE.toNanos();
        if (kase.cancel().isPresent()) {
            awaitCancelSignal(r, deadline);
        }
        if (!r.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
            boolean interrupted = Thread.interrupted();
            long waited = (System.nanoTime() - started) / 1_000_000;
            String dump = threadDump();
            r.cancel();
            boolean endedOnCancel = r.await(Duration.ofSeconds(10));
            throw new Violation(
                    interrupted ? "no stray interrupt" : "no hang",
                    (interrupted
                                    ? "the test thread was interrupted while it waited for the run, after " + waited
                                            + " ms"
                                    : "the run did not end within " + waited + " ms")
                            + (endedOnCancel
                                    ? "; it ended once cancelled"
                                    : "; it did not end even 10 s after cancel()")
                            + "\nlive stats:\n" + r.stats() + "\nthreads:\n" + dump);
        }
        RunReport report;
        PipelineException error = null;
        try {
            report = r.await();
        } catch (PipelineException e) {
            error = e;
            report = e.report().orElse(null);
        } catch (RuntimeException e) {
            throw new Violation("outcome", "await() threw something other than a PipelineException: " + e, e);
        }
        checkThreads();
        if (report == null) {
            throw new Violation("accounting", "the PipelineException carries no report: " + error, error);
        }
        try {
            NoLoss.assertNothingLost(report);
        } catch (AssertionError e) {
            throw new Violation("accounting", e.getMessage() + describe(error), e);
        }
        checkOutcome(model, report, error);
        boolean cancelAsked = cancelSignal.getCount() == 0;
        if (error != null) {
            return report.outcome();
        }
        checkDelivery(model, report);
        checkReport(model, report);
        boolean exact = model.received().values().stream().allMatch(Flow::isExact);
        return "completed" + (cancelAsked ? " despite cancel()" : "") + (exact ? "" : " (bounds checked)");
    }

    private void awaitCancelSignal(Running r, long deadline) {
        if (kase.cancel().orElseThrow().afterSeen() == 0) {
            cancelSignal.countDown();
            r.cancel(); // before any item moves, or as early as the test thread can
            return;
        }
        try {
            while (!r.isDone() && System.nanoTime() < deadline) {
                if (cancelSignal.await(5, TimeUnit.MILLISECONDS)) {
                    if (!cancelledByStage) {
                        r.cancel();
                    }
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to cancel", e);
        }
    }

    private void checkThreads() {
        String prefix = "minigun-" + pipelineName + "/";
        Set<String> engine = ThreadCensus.minigunThreads().stream()
                .filter(n -> n.startsWith(prefix))
                .collect(Collectors.toSet());
        List<Thread> alive = ThreadCensus.alive(threads);
        if (!engine.isEmpty() || !alive.isEmpty()) {
            throw new Violation(
                    "no thread leak",
                    "once the run ended, engine threads " + engine + " and stage threads " + alive
                            + " were still alive\n" + threadDump());
        }
    }

    private void checkOutcome(Model model, RunReport report, PipelineException error) {
        boolean cancelAsked = cancelSignal.getCount() == 0;
        String outcome = report.outcome();
        if (error == null) {
            if (!outcome.equals("completed")) {
                throw new Violation("outcome", "run() returned a report whose outcome is '" + outcome + "'\n" + report);
            }
            if (!model.mustFail().isEmpty()) {
                throw new Violation(
                        "outcome",
                        "the run completed, but stages " + model.mustFail()
                                + " received items they throw on under failFast\n" + report);
            }
            return;
        }
        switch (outcome) {
            case "failed" -> {
                String stage = error.stage().orElse(null);
                if (stage == null || !model.mayFail().contains(stage)) {
                    throw new Violation(
                            "outcome",
                            "the run failed at " + stage + ", but only " + model.mayFail() + " can fail under failFast"
                                    + describe(error),
                            error);
                }
                if (!error.getMessage().contains("'" + stage + "'")) {
                    throw new Violation("outcome", "the failure does not name its stage" + describe(error), error);
                }
            }
            case "cancelled" -> {
                if (!cancelAsked) {
                    throw new Violation(
                            "outcome", "the run was cancelled, but nobody cancelled it" + describe(error), error);
                }
                String expected = "pipeline '" + pipelineName + "' was cancelled: cancelled by the caller";
                if (!error.getMessage().equals(expected)) {
                    throw new Violation(
                            "outcome", "a cancelled run should say '" + expected + "'" + describe(error), error);
                }
            }
            default ->
                throw new Violation(
                        "outcome",
                        "the run threw, with a report whose outcome is '" + outcome + "'" + describe(error),
                        error);
        }
    }

    private void checkDelivery(Model model, RunReport report) {
        if (!shapeErrors.isEmpty()) {
            throw new Violation("delivery", "bad batch lists: " + List.copyOf(shapeErrors) + "\n" + report);
        }
        for (Map.Entry<String, Flow> e : model.received().entrySet()) {
            Bag got = Bag.of(recorded.get(e.getKey()));
            Flow want = e.getValue();
            boolean ok =
                    want.isExact() ? got.equals(want.lower()) : want.lower().within(got) && got.within(want.upper());
            if (!ok) {
                throw new Violation(
                        "delivery",
                        "stage '" + e.getKey() + "' recorded " + got + "\nexpected " + want
                                + "\nmissing " + Flow.abbreviate(want.lower().excess(got))
                                + "\nunexpected " + Flow.abbreviate(got.excess(want.upper()))
                                + "\n" + report);
            }
        }
    }

    private void checkReport(Model model, RunReport report) {
        List<String> wrong = new ArrayList<>();
        for (StageDef s : kase.stages()) {
            StageReport r = report.stage(s.name());
            Flow in = model.inputs().get(s.name());
            Long emitted = model.emitted().get(s.name());
            if (emitted != null && r.out() != emitted) {
                wrong.add(s.name() + ": out " + r.out() + ", expected " + emitted);
            }
            if (in != null
                    && in.isExact()
                    && !s.takesLists()
                    && r.in() != in.lower().size()) {
                wrong.add(
                        s.name() + ": in " + r.in() + ", expected " + in.lower().size());
            }
            Long filtered = model.filtered().get(s.name());
            if (filtered != null && r.filtered() != filtered) {
                wrong.add(s.name() + ": filtered " + r.filtered() + ", expected " + filtered);
            }
            Long failed = model.failed().get(s.name());
            if (failed != null && r.failed() != failed) {
                wrong.add(s.name() + ": failed " + r.failed() + ", expected " + failed);
            }
            Long retried = model.retried().get(s.name());
            if (retried != null && r.retried() != retried) {
                wrong.add(s.name() + ": retried " + r.retried() + ", expected " + retried);
            }
            Long deadLettered = model.deadLettered().get(s.name());
            if (deadLettered != null && r.deadLettered() != deadLettered) {
                wrong.add(s.name() + ": deadLettered " + r.deadLettered() + ", expected " + deadLettered);
            }
            if (s instanceof Batch b) {
                long full = (r.in() + b.size() - 1) / b.size();
                boolean ok = b.maxWaitMillis().isEmpty() ? r.out() == full : r.out() >= full && r.out() <= r.in();
                if (!ok) {
                    wrong.add(s.name() + ": " + r.in() + " items made " + r.out() + " lists of at most " + b.size()
                            + (b.maxWaitMillis().isEmpty() ? ", expected " + full : ""));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new Violation("report", "the report disagrees with the model: " + wrong + "\n" + report);
        }
    }

    // ---- building the pipeline ----

    private Pipeline build() {
        Pipeline p = Pipeline.create(pipelineName);
        p.config()
                .defaultContext(kase.settings().defaultContext())
                .queueSize(kase.settings().queueSize())
                .stopGrace(Duration.ofSeconds(5));
        kase.settings().errorPolicy().ifPresent(e -> p.config().errorPolicy(e.toErrorPolicy()));
        Map<String, Stage<Object>> handles = new HashMap<>();
        for (StageDef d : kase.stages()) {
            Stage<Object> h = add(p, handles, d);
            if (h == null) {
                continue;
            }
            handles.put(d.name(), h);
            d.traits().fault().flatMap(Fault::policy).ifPresent(e -> h.onError(e.toErrorPolicy()));
            if (d instanceof Produce pr) {
                pr.policy().ifPresent(e -> h.onError(e.toErrorPolicy()));
            }
            if (d.traits().routing().kind() != RoutingKind.BROADCAST) {
                h.routing(d.traits().routing().toRouting());
            }
        }
        kase.settings()
                .threadSlack()
                .ifPresent(slack -> p.config().maxThreads(owners(p.plan(), dev.minigun.ContextKind.THREAD) + slack));
        kase.settings()
                .virtualSlack()
                .ifPresent(slack ->
                        p.config().maxVirtualThreads(owners(p.plan(), dev.minigun.ContextKind.VIRTUAL) + slack));
        return p;
    }

    private static int owners(ExecutionPlan plan, dev.minigun.ContextKind kind) {
        int n = 0;
        for (Placement pl : plan.placements()) {
            if (pl.kind() == kind && pl.contexts() > 0) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    /** Adds {@code d}; returns its handle, or {@code null} for a consumer (nothing follows it). */
    private Stage<Object> add(Pipeline p, Map<String, Stage<Object>> handles, StageDef d) {
        String name = d.name();
        dev.minigun.Exec exec = d.traits().exec().toExec();
        return switch (d) {
            case Produce pr ->
                p.producer(name, exec, (Emitter<Object> out) -> {
                    threads.add(Thread.currentThread());
                    for (int i = 0; i < pr.items(); i++) {
                        if (pr.failAfter().isPresent() && i == pr.failAfter().getAsInt()) {
                            throw new IllegalStateException(
                                    "injected: producer " + name + " throws after " + i + " items");
                        }
                        long v = pr.base() + i;
                        sleepIfAsked(d, v);
                        out.emit(new Item(v));
                    }
                });
            case MapAdd m ->
                handles.get(m.up()).map(name, exec, o -> new Item(item(d, o).v() + m.add()));
            case Filter f ->
                handles.get(f.up()).filter(name, exec, o -> f.keeps(item(d, o).v()));
            case Copy c ->
                handles.get(c.up()).process(name, exec, (Object o, Emitter<Object> out) -> {
                    long v = c.failsLate() ? plainItem(d, o).v() : item(d, o).v();
                    for (int i = 0; i < c.copies(); i++) {
                        out.emit(new Item(v));
                    }
                    if (c.failsLate()) {
                        failIfAsked(d, o, fault(d).filter(f -> f.fails(v)));
                    }
                });
            case Batch b ->
                widen(
                        b.maxWaitMillis().isPresent()
                                ? handles.get(b.up())
                                        .batch(
                                                name,
                                                b.size(),
                                                Duration.ofMillis(
                                                        b.maxWaitMillis().getAsInt()))
                                : handles.get(b.up()).batch(name, b.size()));
            case Flatten f ->
                handles.get(f.up()).process(name, exec, (Object o, Emitter<Object> out) -> {
                    for (Item it : list(d, o)) {
                        out.emit(it);
                    }
                });
            case Merge m -> {
                @SuppressWarnings("unchecked")
                Stage<Object>[] ups = (Stage<Object>[]) new Stage<?>[m.ups().size()];
                for (int i = 0; i < ups.length; i++) {
                    ups[i] = handles.get(m.ups().get(i));
                }
                yield p.merge(name, ups);
            }
            case Route rt ->
                handles.get(rt.up()).process(name, exec, (Object o, Emitter<Object> out) -> {
                    Item it = item(d, o);
                    if (rt.diverts(it.v())) {
                        out.emitTo(rt.target(), it);
                    } else {
                        out.emit(it);
                    }
                });
            case Target t -> {
                if (t.consumer()) {
                    ConcurrentLinkedQueue<Long> into = recorder(name);
                    ownPolicy(
                            d,
                            p.consumer(
                                    name,
                                    exec,
                                    (Object o) -> into.add(item(d, o).v())));
                    yield null;
                }
                yield p.processor(
                        name,
                        exec,
                        (Object o, Emitter<Object> out) ->
                                out.emit(new Item(item(d, o).v())));
            }
            case Sink k -> {
                ConcurrentLinkedQueue<Long> into = recorder(name);
                Stage<Void> sink = k.lists()
                        ? handles.get(k.up()).consume(name, exec, (Object o) -> {
                            for (Item it : list(d, o)) {
                                into.add(it.v());
                            }
                        })
                        : handles.get(k.up())
                                .consume(
                                        name,
                                        exec,
                                        (Object o) -> into.add(item(d, o).v()));
                ownPolicy(d, sink);
                yield null;
            }
            case DeadLetters dl -> {
                ConcurrentLinkedQueue<Long> into = recorder(name);
                p.consumer(name, exec, (Object o) -> {
                    enter();
                    for (Item it : deadLetter(dl, o)) {
                        into.add(it.v());
                    }
                });
                yield null;
            }
        };
    }

    private static void ownPolicy(StageDef d, Stage<Void> consumer) {
        d.traits().fault().flatMap(Fault::policy).ifPresent(e -> consumer.onError(e.toErrorPolicy()));
    }

    /**
     * The items of a dead letter, after checking it names a stage that dead-letters, holds an item
     * that stage fails on, and counts the attempts its policy makes.
     */
    private List<Item> deadLetter(DeadLetters dl, Object o) {
        DeadLetter letter = (DeadLetter) o;
        StageDef from = kase.stages().stream()
                .filter(s -> s.name().equals(letter.stage()))
                .findFirst()
                .orElse(null);
        Fault fault = from == null ? null : from.traits().fault().orElse(null);
        if (fault == null) {
            shapeErrors.add(dl.name() + " got a dead letter from '" + letter.stage() + "', which injects no failure");
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        if (letter.item() instanceof List<?> list) {
            list.forEach(e -> items.add((Item) e));
        } else {
            items.add((Item) letter.item());
        }
        int attempts = kase.policyOf(fault.policy()).maxAttempts();
        if (items.stream().noneMatch(it -> fault.fails(it.v()))
                || letter.attempts() != attempts
                || !(letter.error() instanceof IllegalStateException)) {
            shapeErrors.add(dl.name() + " got " + letter + ", expected an item " + letter.stage() + " fails on, "
                    + attempts + " attempts and the injected exception");
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static Stage<Object> widen(Stage<?> stage) {
        return (Stage<Object>) stage;
    }

    private ConcurrentLinkedQueue<Long> recorder(String name) {
        ConcurrentLinkedQueue<Long> q = new ConcurrentLinkedQueue<>();
        recorded.put(name, q);
        return q;
    }

    // ---- what every stage's code does with an item ----

    /** Notes the thread and the item (cancelling when asked), then applies the stage's fault and work. */
    private Item item(StageDef d, Object o) throws InterruptedException {
        enter();
        Item it = (Item) o;
        failIfAsked(d, o, fault(d).filter(f -> f.fails(it.v())));
        sleepIfAsked(d, it.v());
        return it;
    }

    /** {@link #item} without the fault, for a stage that fails after it has emitted. */
    private Item plainItem(StageDef d, Object o) throws InterruptedException {
        enter();
        Item it = (Item) o;
        sleepIfAsked(d, it.v());
        return it;
    }

    /** {@link #item} for a list from a batch: checks its shape; fails if any element would. */
    private List<Item> list(StageDef d, Object o) throws InterruptedException {
        enter();
        List<?> raw = (List<?>) o;
        int size = ((Batch) kase.stage(d.upstreams().getFirst())).size();
        if (raw.isEmpty() || raw.size() > size) {
            shapeErrors.add(d.name() + " got a list of " + raw.size() + " from a batch of " + size);
        }
        List<Item> items = new ArrayList<>();
        for (Object e : raw) {
            items.add((Item) e);
        }
        failIfAsked(d, o, fault(d).filter(f -> items.stream().anyMatch(it -> f.fails(it.v()))));
        if (!items.isEmpty()) {
            sleepIfAsked(d, items.getFirst().v());
        }
        return items;
    }

    private void enter() {
        threads.add(Thread.currentThread());
        long n = seen.incrementAndGet();
        CancelSpec cancel = kase.cancel().orElse(null);
        if (cancel != null && n == cancel.afterSeen()) {
            Running r = running.get();
            if (cancel.fromStage() && r != null) {
                cancelledByStage = true;
                r.cancel();
            }
            cancelSignal.countDown();
        }
    }

    private static Optional<Fault> fault(StageDef d) {
        return d.traits().fault();
    }

    /**
     * Throws if {@code fault} (present when the item is one the stage fails on) fails this attempt.
     * A retry calls the stage's code again for the same item in the same thread, so the attempt
     * number is kept per thread and item, and forgotten once the item is settled: when an attempt
     * succeeds, or the last one the policy allows has failed.
     */
    private void failIfAsked(StageDef d, Object item, Optional<Fault> fault) {
        if (fault.isEmpty()) {
            return;
        }
        Attempts a = attempts.computeIfAbsent(d.name(), k -> ThreadLocal.withInitial(Attempts::new))
                .get();
        int attempt = a.next(item);
        boolean fails = fault.get().failsAttempt(attempt);
        if (!fails || attempt >= kase.policyOf(fault.get().policy()).maxAttempts()) {
            a.forget();
        }
        if (fails) {
            throw new IllegalStateException("injected: " + d.name() + " throws on " + item + ", attempt " + attempt);
        }
    }

    /** The attempt count of the item a thread is trying at one stage. */
    private static final class Attempts {
        private Object item;
        private int count;

        int next(Object it) {
            if (it != item) {
                item = it;
                count = 0;
            }
            return ++count;
        }

        void forget() {
            item = null;
            count = 0;
        }
    }

    private static void sleepIfAsked(StageDef d, long v) throws InterruptedException {
        int every = d.traits().sleepEvery();
        if (every > 0 && Math.floorMod(v, (long) every) == 0) {
            Thread.sleep(1); // simulated blocking work, not synchronization
        }
    }

    // ---- diagnostics ----

    private static String describe(PipelineException error) {
        if (error == null) {
            return "";
        }
        StringWriter w = new StringWriter();
        error.printStackTrace(new PrintWriter(w));
        return "\n" + w;
    }

    /** The stacks of this run's engine threads and of every thread that ran its stage code. */
    private String threadDump() {
        StringBuilder b = new StringBuilder();
        String prefix = "minigun-" + pipelineName + "/";
        Map<Thread, StackTraceElement[]> all = new LinkedHashMap<>();
        Thread.getAllStackTraces().forEach((t, st) -> {
            if (t.getName().startsWith(prefix)) {
                all.put(t, st);
            }
        });
        for (Thread t : threads) {
            if (t.isAlive() && !all.containsKey(t)) {
                all.put(t, t.getStackTrace());
            }
        }
        all.forEach((t, st) -> {
            b.append('"')
                    .append(t.getName())
                    .append('"')
                    .append(t.isVirtual() ? " virtual " : " ")
                    .append(t.getState())
                    .append('\n');
            for (int i = 0; i < Math.min(st.length, 30); i++) {
                b.append("    at ").append(st[i]).append('\n');
            }
        });
        return b.toString();
    }
}
