package dev.minigun.property;

import dev.minigun.ContextKind;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.Routing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One generated test case, as plain data: the pipeline's settings, its stages in definition order
 * (each names its upstreams), and what to inject (failures, a cancel). Items are {@link Item}s whose
 * values the stages change in simple, predictable ways, so {@link Model} can say what each sink must
 * receive. {@link #toString()} prints the case as a short program, which is what a failing property
 * shows after shrinking.
 *
 * @param settings the pipeline-wide settings
 * @param stages the stages, in definition order (an upstream is always defined before its stage)
 * @param cancel when to cancel the run, if at all
 */
record PipelineCase(Settings settings, List<StageDef> stages, Optional<CancelSpec> cancel) {

    PipelineCase {
        stages = List.copyOf(stages);
    }

    /** The item every stage passes on: an immutable value, as the docs ask for broadcasts. */
    record Item(long v) {}

    /**
     * Pipeline-wide settings.
     *
     * @param defaultContext the context of stages that are not colocated and name none
     * @param queueSize the default queue capacity
     * @param threadSlack if present, {@code maxThreads} is set to the number of stages that own
     *     platform threads plus this, so stages share a tight global limit
     * @param virtualSlack the same for {@code maxVirtualThreads}
     * @param errorPolicy the pipeline-wide error policy, if set ({@code config().errorPolicy})
     */
    record Settings(
            ContextKind defaultContext,
            int queueSize,
            OptionalInt threadSlack,
            OptionalInt virtualSlack,
            Optional<PolicySpec> errorPolicy) {
        @Override
        public String toString() {
            return "config().defaultContext(" + defaultContext + ").queueSize(" + queueSize + ")"
                    + errorPolicy.map(e -> ".errorPolicy(" + e + ")").orElse("")
                    + threadSlack.stream()
                            .mapToObj(s -> ".maxThreads(owners + " + s + ")")
                            .collect(Collectors.joining())
                    + virtualSlack.stream()
                            .mapToObj(s -> ".maxVirtualThreads(owners + " + s + ")")
                            .collect(Collectors.joining());
        }
    }

    /** Where a stage asks to run: the plan decides ({@code PLAN}), or an explicit {@link Exec}. */
    enum Where {
        PLAN,
        INLINE,
        THREADS,
        /** An adaptive pool, {@code Exec.threads(1, n)}. */
        ADAPTIVE,
        VIRTUAL
    }

    /**
     * A stage's {@link Exec}.
     *
     * @param where the kind asked for
     * @param n how many contexts
     * @param queue the input queue's capacity, or 0 for the default
     */
    record ExecSpec(Where where, int n, int queue) {
        static final ExecSpec PLAN = new ExecSpec(Where.PLAN, 0, 0);

        /** The {@code Exec}, or {@code null} to let the plan decide. */
        Exec toExec() {
            Exec e = switch (where) {
                case PLAN -> null;
                case INLINE -> Exec.inline();
                case THREADS -> Exec.threads(n);
                case ADAPTIVE -> Exec.threads(1, n);
                case VIRTUAL -> Exec.virtualThreads(n);
            };
            return e != null && queue > 0 ? e.queueSize(queue) : e;
        }

        @Override
        public String toString() {
            Exec e = toExec();
            return e == null ? "" : e + ", ";
        }
    }

    /** How a stage with several downstream branches splits its items. */
    enum RoutingKind {
        BROADCAST,
        ROUND_ROBIN,
        BY_KEY
    }

    /**
     * A stage's {@link Routing}; {@code byKey} uses {@code v % keys} as the key.
     *
     * @param kind the routing
     * @param keys the number of distinct keys (byKey only)
     */
    record RoutingSpec(RoutingKind kind, int keys) {
        static final RoutingSpec BROADCAST = new RoutingSpec(RoutingKind.BROADCAST, 0);

        /** The key of an item under byKey: small, non-negative, so its hash is itself. */
        int key(long v) {
            return (int) Math.floorMod(v, (long) keys);
        }

        Routing toRouting() {
            return switch (kind) {
                case BROADCAST -> Routing.broadcast();
                case ROUND_ROBIN -> Routing.roundRobin();
                case BY_KEY -> Routing.byKey((Item it) -> key(it.v()));
            };
        }

        @Override
        public String toString() {
            return switch (kind) {
                case BROADCAST -> "broadcast()";
                case ROUND_ROBIN -> "roundRobin()";
                case BY_KEY -> "byKey(v % " + keys + ")";
            };
        }
    }

    /**
     * What a stage does when its injected fault fires. A new policy plugs in here, in
     * {@link CaseGenerator}'s {@code policy()} and in {@link Model}'s handling of a fault.
     */
    sealed interface PolicySpec {
        ErrorPolicy toErrorPolicy();

        /** How many times the stage tries a failing item in all. */
        default int maxAttempts() {
            return 1;
        }

        /** What happens once the attempts are spent. */
        default PolicySpec terminal() {
            return this;
        }

        /** Cancel the run. */
        record FailFast() implements PolicySpec {
            @Override
            public ErrorPolicy toErrorPolicy() {
                return ErrorPolicy.failFast();
            }

            @Override
            public String toString() {
                return "failFast()";
            }
        }

        /** Count the item as failed and go on. */
        record Skip() implements PolicySpec {
            @Override
            public ErrorPolicy toErrorPolicy() {
                return ErrorPolicy.skip();
            }

            @Override
            public String toString() {
                return "skip()";
            }
        }

        /** Send the item to a dead-letter stage and go on. */
        record DeadLetter(String stage) implements PolicySpec {
            @Override
            public ErrorPolicy toErrorPolicy() {
                return ErrorPolicy.deadLetter(stage);
            }

            @Override
            public String toString() {
                return "deadLetter(\"" + stage + "\")";
            }
        }

        /** Try again, up to {@code maxAttempts} in all, then {@code orElse}. */
        record Retry(int maxAttempts, int backoffMillis, PolicySpec orElse) implements PolicySpec {
            @Override
            public ErrorPolicy toErrorPolicy() {
                return ErrorPolicy.retry(maxAttempts, Duration.ofMillis(backoffMillis))
                        .orElse(orElse.toErrorPolicy());
            }

            @Override
            public PolicySpec terminal() {
                return orElse;
            }

            @Override
            public String toString() {
                return "retry(" + maxAttempts + ", " + backoffMillis + " ms).orElse(" + orElse + ")";
            }
        }
    }

    /**
     * An injected failure: the stage's code throws for every item whose value {@code v} has
     * {@code v % mod == rem} (for a list, when any element does), on every attempt, or only on the
     * first {@code failures} attempts (a transient failure, which a retry can outlast).
     *
     * @param mod the modulus
     * @param rem the remainder that fails
     * @param failures how many attempts fail, or 0 for all of them
     * @param policy the stage's error policy, or empty for the pipeline's
     */
    record Fault(int mod, int rem, int failures, Optional<PolicySpec> policy) {
        boolean fails(long v) {
            return Math.floorMod(v, (long) mod) == rem;
        }

        /** Whether attempt number {@code attempt} (from 1) of a failing item throws. */
        boolean failsAttempt(int attempt) {
            return failures == 0 || attempt <= failures;
        }

        @Override
        public String toString() {
            return policy.map(p -> ".onError(" + p + ")").orElse("") + " /* throws "
                    + (failures == 0 ? "" : "on the first " + failures + " attempts ") + "when v % " + mod + " == "
                    + rem + " */";
        }
    }

    /**
     * What every stage with user code may have.
     *
     * @param exec where it runs
     * @param fault an injected failure, if any
     * @param routing how it splits items among its branches (when it has several)
     * @param sleepEvery if positive, the stage sleeps 1 ms (simulated blocking work) on items with
     *     {@code v % sleepEvery == 0}
     */
    record Traits(ExecSpec exec, Optional<Fault> fault, RoutingSpec routing, int sleepEvery) {
        static final Traits PLAIN = new Traits(ExecSpec.PLAN, Optional.empty(), RoutingSpec.BROADCAST, 0);

        String suffix() {
            return fault.map(Fault::toString).orElse("")
                    + (routing.kind() == RoutingKind.BROADCAST ? "" : ".routing(" + routing + ")")
                    + (sleepEvery > 0 ? " /* sleeps 1 ms when v % " + sleepEvery + " == 0 */" : "");
        }
    }

    /** One stage of the case. */
    sealed interface StageDef {
        String name();

        List<String> upstreams();

        Traits traits();

        /** Whether its items are lists (it is a batch). */
        default boolean emitsLists() {
            return false;
        }

        /** Whether it takes lists (it follows a batch). */
        default boolean takesLists() {
            return false;
        }
    }

    /**
     * A producer emitting {@code items} items with values {@code base, base + 1, ...}.
     *
     * @param failAfter if present, the source throws after emitting this many items
     * @param policy the producer's error policy, or empty for the pipeline's
     */
    record Produce(String name, long base, int items, OptionalInt failAfter, Optional<PolicySpec> policy, Traits traits)
            implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of();
        }

        /** How many items it emits before it ends or throws. */
        int emits() {
            return failAfter.isPresent() ? Math.min(items, failAfter.getAsInt()) : items;
        }

        /** Whether its source throws. */
        boolean throwsAtEnd() {
            return failAfter.isPresent() && failAfter.getAsInt() < items;
        }

        @Override
        public String toString() {
            return "var " + name + " = p.producer(\"" + name + "\", " + traits.exec() + "v = " + base + " .. "
                    + (base + items - 1)
                    + ")"
                    + policy.map(p -> ".onError(" + p + ")").orElse("")
                    + failAfter.stream()
                            .mapToObj(n -> " /* throws after " + n + " items */")
                            .collect(Collectors.joining())
                    + traits.suffix();
        }
    }

    /** {@code v -> v + add}. */
    record MapAdd(String name, String up, long add, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".map(\"" + name + "\", " + traits.exec() + "v -> v + " + add + ")"
                    + traits.suffix();
        }
    }

    /** Keeps the items with {@code v % mod != rem}. */
    record Filter(String name, String up, int mod, int rem, Traits traits) implements StageDef {
        boolean keeps(long v) {
            return Math.floorMod(v, (long) mod) != rem;
        }

        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".filter(\"" + name + "\", " + traits.exec() + "v -> v % " + mod
                    + " != " + rem + ")" + traits.suffix();
        }
    }

    /**
     * A processor emitting each item {@code copies} times (0: none).
     *
     * @param failsLate whether its fault throws after it has emitted the copies (rather than
     *     before): under retry, what a failed attempt emitted must never reach downstream; under
     *     the other policies it has already gone
     */
    record Copy(String name, String up, int copies, boolean failsLate, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".process(\"" + name + "\", " + traits.exec() + "emit each item "
                    + copies + " times" + (failsLate && traits.fault().isPresent() ? ", then fail" : "") + ")"
                    + traits.suffix();
        }
    }

    /** {@code up.batch(name, size[, maxWait])}. */
    record Batch(String name, String up, int size, OptionalInt maxWaitMillis) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public Traits traits() {
            return Traits.PLAIN;
        }

        @Override
        public boolean emitsLists() {
            return true;
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".batch(\"" + name + "\", " + size
                    + maxWaitMillis.stream().mapToObj(ms -> ", " + ms + " ms").collect(Collectors.joining()) + ")";
        }
    }

    /** A processor after a batch that emits each element of each list. */
    record Flatten(String name, String up, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public boolean takesLists() {
            return true;
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".process(\"" + name + "\", " + traits.exec() + "emit each element)"
                    + traits.suffix();
        }
    }

    /** {@code p.merge(name, ups...)}. */
    record Merge(String name, List<String> ups, Traits traits) implements StageDef {
        Merge {
            ups = List.copyOf(ups);
        }

        @Override
        public List<String> upstreams() {
            return ups;
        }

        @Override
        public String toString() {
            return "var " + name + " = p.merge(\"" + name + "\", " + String.join(", ", ups) + ")" + traits.suffix();
        }
    }

    /**
     * A processor that sends the items with {@code v % mod == rem} to {@code target} with
     * {@code emitTo}, and emits the others downstream.
     */
    record Route(String name, String up, String target, int mod, int rem, Traits traits) implements StageDef {
        boolean diverts(long v) {
            return Math.floorMod(v, (long) mod) == rem;
        }

        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public String toString() {
            return "var " + name + " = " + up + ".process(\"" + name + "\", " + traits.exec() + "v % " + mod + " == "
                    + rem + " ? emitTo(\"" + target + "\") : emit)" + traits.suffix();
        }
    }

    /**
     * A stage fed only by {@code emitTo}: {@code p.consumer(...)}, or {@code p.processor(...)} that
     * passes each item on.
     */
    record Target(String name, boolean consumer, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of();
        }

        @Override
        public String toString() {
            return consumer
                    ? "p.consumer(\"" + name + "\", " + traits.exec() + "record)" + traits.suffix()
                    : "var " + name + " = p.processor(\"" + name + "\", " + traits.exec() + "emit v)" + traits.suffix();
        }
    }

    /** {@code p.consumer(name, ...)} taking the {@code DeadLetter}s of failing stages; records their items. */
    record DeadLetters(String name, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of();
        }

        @Override
        public String toString() {
            return "p.consumer(\"" + name + "\", " + traits.exec() + "(DeadLetter d) -> record d.item())";
        }
    }

    /** A consumer that records what it receives (the elements, for lists). */
    record Sink(String name, String up, boolean lists, Traits traits) implements StageDef {
        @Override
        public List<String> upstreams() {
            return List.of(up);
        }

        @Override
        public boolean takesLists() {
            return lists;
        }

        @Override
        public String toString() {
            return up + ".consume(\"" + name + "\", " + traits.exec() + "record)" + traits.suffix();
        }
    }

    /**
     * Cancel the run once stages have been handed {@code afterSeen} items in all.
     *
     * @param fromStage whether the stage code that sees that item calls {@code cancel()} itself
     *     (otherwise the test thread does, once told)
     */
    record CancelSpec(int afterSeen, boolean fromStage) {
        @Override
        public String toString() {
            return "cancel() " + (fromStage ? "from the stage code that sees" : "from the test thread after")
                    + " item number " + afterSeen;
        }
    }

    /** The stage called {@code name}. */
    StageDef stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The stages fed by {@code name} through static edges, in definition order. */
    List<StageDef> downstreams(String name) {
        List<StageDef> out = new ArrayList<>();
        for (StageDef s : stages) {
            if (s.upstreams().contains(name)) {
                out.add(s);
            }
        }
        return out;
    }

    /** What this case exercises, for the statistics a property prints. */
    Set<String> features() {
        Set<String> f = new TreeSet<>();
        f.add(stages.size() + " stages");
        long items = stages.stream()
                .filter(s -> s instanceof Produce)
                .mapToLong(s -> ((Produce) s).items())
                .sum();
        f.add(items == 0 ? "items 0" : items <= 40 ? "items 1-40" : items <= 250 ? "items 41-250" : "items 251+");
        f.add("default " + settings.defaultContext());
        if (settings.queueSize() <= 8
                || stages.stream()
                        .anyMatch(s -> s.traits().exec().queue() > 0
                                && s.traits().exec().queue() <= 8)) {
            f.add("queue <= 8");
        }
        if (settings.threadSlack().isPresent() || settings.virtualSlack().isPresent()) {
            f.add("tight global limit");
        }
        for (StageDef s : stages) {
            f.add(s.getClass().getSimpleName());
            f.add("exec " + s.traits().exec().where());
            if (downstreams(s.name()).size() > 1) {
                f.add("fan-out " + s.traits().routing().kind());
            }
            if (s instanceof Batch b && b.maxWaitMillis().isPresent()) {
                f.add("Batch with maxWait");
            }
            s.traits().fault().ifPresent(fault -> {
                PolicySpec p = policyOf(fault.policy());
                f.add("fault " + p.getClass().getSimpleName()
                        + (p instanceof PolicySpec.Retry r
                                ? " then " + r.orElse().getClass().getSimpleName()
                                : "")
                        + (fault.failures() > 0 ? " (transient)" : "")
                        + (s instanceof Copy cp && cp.failsLate() && cp.copies() > 0 ? " after emitting" : ""));
            });
            if (s instanceof Produce pr && pr.throwsAtEnd()) {
                f.add("producer throws");
            }
            if (s.traits().sleepEvery() > 0) {
                f.add("blocking work");
            }
        }
        cancel.ifPresent(c -> f.add(c.fromStage() ? "cancel from stage" : "cancel from test"));
        return f;
    }

    /**
     * A producer's policy: its own, else the pipeline's where a producer can take it (failFast or
     * skip; its source runs once, so it cannot retry or dead-letter), else failFast.
     */
    PolicySpec producerPolicyOf(Optional<PolicySpec> own) {
        PolicySpec p = policyOf(own);
        return p instanceof PolicySpec.Skip ? p : own.orElse(new PolicySpec.FailFast());
    }

    /** The policy a stage applies to its fault: its own, else the pipeline's, else failFast. */
    PolicySpec policyOf(Optional<PolicySpec> own) {
        return own.or(settings::errorPolicy).orElse(new PolicySpec.FailFast());
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("p.").append(settings).append(";\n");
        for (StageDef s : stages) {
            b.append(s).append(";\n");
        }
        cancel.ifPresent(c -> b.append("// ").append(c).append('\n'));
        return b.toString();
    }
}
