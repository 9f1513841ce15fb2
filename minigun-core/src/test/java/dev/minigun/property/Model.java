package dev.minigun.property;

import dev.minigun.property.PipelineCase.Batch;
import dev.minigun.property.PipelineCase.Copy;
import dev.minigun.property.PipelineCase.DeadLetters;
import dev.minigun.property.PipelineCase.Fault;
import dev.minigun.property.PipelineCase.Filter;
import dev.minigun.property.PipelineCase.Flatten;
import dev.minigun.property.PipelineCase.MapAdd;
import dev.minigun.property.PipelineCase.Merge;
import dev.minigun.property.PipelineCase.PolicySpec;
import dev.minigun.property.PipelineCase.Produce;
import dev.minigun.property.PipelineCase.Route;
import dev.minigun.property.PipelineCase.RoutingSpec;
import dev.minigun.property.PipelineCase.Sink;
import dev.minigun.property.PipelineCase.StageDef;
import dev.minigun.property.PipelineCase.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.function.ToIntFunction;

/**
 * What a {@link PipelineCase} must do, computed by evaluating it sequentially: the items each sink
 * must receive, the stages that must or may fail under {@code failFast}, and the counts the report
 * must show. Where the engine may legitimately choose (the order in which a pool hands items on
 * decides which branch a round-robin sends each one to; a skipped list takes unknown neighbours
 * with it), the model keeps a lower and an upper bound instead of one exact multiset.
 *
 * <p>Order matters only for round-robin. A stage hands items on in a known order when it is
 * called by one thread at a time (the plan's {@code concurrency} is 1) and its input comes in a
 * known order: from a producer, or along one edge from such a stage. Channels are FIFO.
 */
final class Model {
    private final PipelineCase kase;
    private final ToIntFunction<String> concurrency;
    private final Map<String, List<Flow>> incoming = new HashMap<>();
    private final Map<String, Flow> inputs = new LinkedHashMap<>();
    private final Map<String, Flow> received = new LinkedHashMap<>();
    private final Map<String, Long> failed = new LinkedHashMap<>();
    private final Map<String, Long> filtered = new LinkedHashMap<>();
    private final Map<String, Long> retried = new LinkedHashMap<>();
    private final Map<String, Long> emitted = new LinkedHashMap<>();
    private final Map<String, Long> deadLettered = new LinkedHashMap<>();
    private final Set<String> mustFail = new LinkedHashSet<>();
    private final Set<String> mayFail = new LinkedHashSet<>();

    private Model(PipelineCase kase, ToIntFunction<String> concurrency) {
        this.kase = kase;
        this.concurrency = concurrency;
    }

    /** The model of {@code kase}, given how many threads the plan lets call each stage at once. */
    static Model of(PipelineCase kase, ToIntFunction<String> concurrency) {
        Model m = new Model(kase, concurrency);
        m.evaluate();
        return m;
    }

    /** Stages that receive an item they fail on, under failFast: the run must fail. */
    Set<String> mustFail() {
        return mustFail;
    }

    /** Stages that may receive an item they fail on, under failFast: only these may fail the run. */
    Set<String> mayFail() {
        return mayFail;
    }

    /** What each recording stage (sink or consumer target) must record, when the run completes. */
    Map<String, Flow> received() {
        return received;
    }

    /** What each non-producer stage receives (elements, for a stage that takes lists). */
    Map<String, Flow> inputs() {
        return inputs;
    }

    /** The exact number of items each skipping stage must count as failed, where known. */
    Map<String, Long> failed() {
        return failed;
    }

    /** How many items each producer must emit. */
    Map<String, Long> emitted() {
        return emitted;
    }

    /** The exact number of retries each stage must count, where known. */
    Map<String, Long> retried() {
        return retried;
    }

    /** The exact number of items each stage must send to its dead-letter stage, where known. */
    Map<String, Long> deadLettered() {
        return deadLettered;
    }

    /** The exact number of items each filter must drop, where known. */
    Map<String, Long> filtered() {
        return filtered;
    }

    private void evaluate() {
        for (StageDef s : topologicalOrder()) {
            Flow out;
            if (s instanceof Produce p) {
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < p.emits(); i++) {
                    values.add(p.base() + i);
                }
                out = Flow.exact(values);
                // With no downstream, the first emit throws (and counts as emitted).
                emitted.put(p.name(), kase.downstreams(p.name()).isEmpty() ? Math.min(1L, p.emits()) : p.emits());
                if (p.throwsAtEnd()) {
                    // A producer's source runs once: failFast fails the run, skip ends the producer.
                    if (kase.producerPolicyOf(p.policy()) instanceof PolicySpec.Skip) {
                        failed.put(p.name(), 1L);
                    } else {
                        mustFail.add(p.name());
                        mayFail.add(p.name());
                    }
                }
            } else {
                Flow in = Flow.sum(incoming.getOrDefault(s.name(), List.of()));
                if (concurrency.applyAsInt(s.name()) != 1) {
                    in = in.unordered();
                }
                inputs.put(s.name(), in);
                out = apply(s, afterFault(s, in));
            }
            if (out != null) {
                distribute(s, out);
            }
        }
    }

    /**
     * What passes the stage's injected fault. Records who must or may fail the run, the counts the
     * report must show, and what goes to the dead-letter stage.
     */
    private Flow afterFault(StageDef s, Flow in) {
        if (s.traits().fault().isEmpty()) {
            return in;
        }
        Fault fault = s.traits().fault().get();
        PolicySpec policy = kase.policyOf(fault.policy());
        boolean exact = in.isExact() && !s.takesLists();
        Bag failingLower = in.lower().filter(fault::fails);
        Bag failingUpper = in.upper().filter(fault::fails);
        if (fault.failures() > 0 && fault.failures() < policy.maxAttempts()) {
            // A transient failure that the retries outlast: every item gets through.
            if (exact) {
                retried.put(s.name(), failingLower.size() * fault.failures());
            }
            return in;
        }
        if (exact) {
            retried.put(s.name(), failingLower.size() * (policy.maxAttempts() - 1));
        }
        // A processor that fails after emitting has already sent its results, unless a retry held them back.
        boolean late = s instanceof Copy cp && cp.failsLate() && !(policy instanceof PolicySpec.Retry);
        Flow passed = late ? in : in.filter(v -> !fault.fails(v));
        switch (policy.terminal()) {
            case PolicySpec.FailFast _ -> {
                if (!failingLower.isEmpty()) {
                    mustFail.add(s.name());
                }
                if (!failingUpper.isEmpty()) {
                    mayFail.add(s.name());
                }
                return passed; // if one fails, the run fails; if it completes, none arrived
            }
            case PolicySpec.Skip _ -> {
                if (exact) {
                    failed.put(s.name(), failingLower.size());
                }
            }
            case PolicySpec.DeadLetter d -> {
                if (exact) {
                    deadLettered.put(s.name(), failingLower.size());
                }
                // A failing list goes whole: all its elements, the failing ones at least.
                Flow letters = s.takesLists()
                        ? new Flow(failingLower, failingUpper.isEmpty() ? new Bag() : in.upper(), null)
                        : in.filter(fault::fails).unordered();
                incoming.computeIfAbsent(d.stage(), k -> new ArrayList<>()).add(letters);
            }
            case PolicySpec.Retry _ -> throw new IllegalStateException("a retry falls back to another policy");
        }
        if (s.takesLists() && !failingUpper.isEmpty()) {
            // A dropped list takes its other elements with it; which ones depends on timing.
            passed = new Flow(new Bag(), passed.upper(), null);
        }
        return passed;
    }

    /** The stage's output, or {@code null} for a stage that records what it receives. */
    private Flow apply(StageDef s, Flow in) {
        return switch (s) {
            case Produce _ -> throw new IllegalStateException("producers have no input");
            case MapAdd m -> in.map(v -> v + m.add());
            case Filter f -> {
                if (in.isExact()) {
                    filtered.put(
                            f.name(),
                            in.lower().size() - in.lower().filter(f::keeps).size());
                }
                yield in.filter(f::keeps);
            }
            case Copy c -> in.repeat(c.copies());
            case Batch _, Flatten _, Merge _ -> in;
            case Route r -> {
                incoming.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(in.filter(r::diverts));
                yield in.filter(v -> !r.diverts(v));
            }
            case Target t -> {
                if (t.consumer()) {
                    received.put(t.name(), in);
                    yield null;
                }
                yield in;
            }
            case Sink k -> {
                received.put(k.name(), in);
                yield null;
            }
            case DeadLetters d -> {
                received.put(d.name(), in);
                yield null;
            }
        };
    }

    /** Hands {@code out} to the stage's static downstreams according to its routing. */
    private void distribute(StageDef s, Flow out) {
        List<StageDef> downs = kase.downstreams(s.name());
        if (downs.isEmpty()) {
            // Emitting with nowhere to go throws in the stage's code (only a lone producer gets here).
            if (!out.upper().isEmpty()) {
                Produce p = (Produce) s;
                if (kase.producerPolicyOf(p.policy()) instanceof PolicySpec.Skip) {
                    failed.put(p.name(), 1L);
                } else {
                    mustFail.add(p.name());
                    mayFail.add(p.name());
                }
            }
            return;
        }
        int k = downs.size();
        RoutingSpec routing = s.traits().routing();
        for (int j = 0; j < k; j++) {
            int branch = j;
            Flow share = switch (k == 1 ? PipelineCase.RoutingKind.BROADCAST : routing.kind()) {
                case BROADCAST -> out;
                // Keys are small non-negative ints: their hash is themselves.
                case BY_KEY -> out.filter(v -> Math.floorMod(Integer.hashCode(routing.key(v)), k) == branch);
                case ROUND_ROBIN -> out.order() == null ? out.anySubset() : out.everyNth(k, branch);
            };
            incoming.computeIfAbsent(downs.get(j).name(), n -> new ArrayList<>())
                    .add(share);
        }
    }

    /** Definition order, except that a stage fed by emitTo comes after every stage that routes to it. */
    private List<StageDef> topologicalOrder() {
        Map<String, Set<String>> preds = new LinkedHashMap<>();
        for (StageDef s : kase.stages()) {
            preds.computeIfAbsent(s.name(), n -> new LinkedHashSet<>()).addAll(s.upstreams());
            if (s instanceof Route r) {
                preds.computeIfAbsent(r.target(), n -> new LinkedHashSet<>()).add(r.name());
            }
            s.traits().fault().ifPresent(f -> {
                if (kase.policyOf(f.policy()).terminal() instanceof PolicySpec.DeadLetter d) {
                    preds.computeIfAbsent(d.stage(), n -> new LinkedHashSet<>()).add(s.name());
                }
            });
        }
        List<StageDef> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < kase.stages().size()) {
            boolean progress = false;
            for (StageDef s : kase.stages()) {
                if (!done.contains(s.name()) && done.containsAll(preds.get(s.name()))) {
                    order.add(s);
                    done.add(s.name());
                    progress = true;
                    break;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the case has a cycle:\n" + kase);
            }
        }
        return order;
    }

    /** A multiset of item values, sorted so that differences print readably. */
    static final class Bag {
        private final TreeMap<Long, Long> counts = new TreeMap<>();
        private long size;

        static Bag of(Iterable<Long> values) {
            Bag b = new Bag();
            values.forEach(v -> b.add(v, 1));
            return b;
        }

        void add(long v, long n) {
            if (n > 0) {
                counts.merge(v, n, Long::sum);
                size += n;
            }
        }

        long size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        Bag filter(LongPredicate keep) {
            Bag b = new Bag();
            counts.forEach((v, n) -> {
                if (keep.test(v)) {
                    b.add(v, n);
                }
            });
            return b;
        }

        Bag map(LongUnaryOperator fn) {
            Bag b = new Bag();
            counts.forEach((v, n) -> b.add(fn.applyAsLong(v), n));
            return b;
        }

        Bag times(int k) {
            Bag b = new Bag();
            counts.forEach((v, n) -> b.add(v, n * k));
            return b;
        }

        Bag plus(Bag other) {
            Bag b = new Bag();
            counts.forEach(b::add);
            other.counts.forEach(b::add);
            return b;
        }

        /** Whether every element of this bag is in {@code other}, at least as often. */
        boolean within(Bag other) {
            return counts.entrySet().stream().allMatch(e -> other.counts.getOrDefault(e.getKey(), 0L) >= e.getValue());
        }

        /** What {@code this} has beyond {@code other}: value -> extra count. */
        Map<Long, Long> excess(Bag other) {
            Map<Long, Long> out = new TreeMap<>();
            counts.forEach((v, n) -> {
                long extra = n - other.counts.getOrDefault(v, 0L);
                if (extra > 0) {
                    out.put(v, extra);
                }
            });
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bag b && b.counts.equals(counts);
        }

        @Override
        public int hashCode() {
            return counts.hashCode();
        }

        @Override
        public String toString() {
            return size + " items " + Flow.abbreviate(counts);
        }
    }

    /**
     * The items on one edge or at one stage: at least {@code lower}, at most {@code upper} (equal
     * when the model knows exactly), and their order when it is known.
     *
     * @param order the values in the order they are handed on, or {@code null} if unknown
     */
    record Flow(Bag lower, Bag upper, List<Long> order) {
        static Flow exact(List<Long> values) {
            Bag b = Bag.of(values);
            return new Flow(b, b, List.copyOf(values));
        }

        static Flow sum(List<Flow> flows) {
            Flow total = new Flow(new Bag(), new Bag(), List.of());
            for (Flow f : flows) {
                total = total.plus(f);
            }
            return total;
        }

        boolean isExact() {
            return lower.equals(upper);
        }

        Flow plus(Flow other) {
            if (other.upper.isEmpty()) {
                return this;
            }
            if (upper.isEmpty()) {
                return other;
            }
            return new Flow(lower.plus(other.lower), upper.plus(other.upper), null);
        }

        Flow unordered() {
            return new Flow(lower, upper, null);
        }

        Flow filter(LongPredicate keep) {
            return new Flow(
                    lower.filter(keep),
                    upper.filter(keep),
                    order == null ? null : order.stream().filter(keep::test).toList());
        }

        Flow map(LongUnaryOperator fn) {
            return new Flow(
                    lower.map(fn),
                    upper.map(fn),
                    order == null ? null : order.stream().map(fn::applyAsLong).toList());
        }

        Flow repeat(int k) {
            List<Long> o = null;
            if (order != null) {
                o = new ArrayList<>();
                for (long v : order) {
                    for (int i = 0; i < k; i++) {
                        o.add(v);
                    }
                }
            }
            return new Flow(lower.times(k), upper.times(k), o);
        }

        /** The items at positions {@code branch}, {@code branch + k}, ... of a known order. */
        Flow everyNth(int k, int branch) {
            List<Long> o = new ArrayList<>();
            for (int i = branch; i < order.size(); i += k) {
                o.add(order.get(i));
            }
            return exact(o);
        }

        /** Some of these items, which ones unknown. */
        Flow anySubset() {
            return new Flow(new Bag(), upper, null);
        }

        static String abbreviate(Map<Long, Long> counts) {
            StringBuilder b = new StringBuilder("{");
            int shown = 0;
            for (Map.Entry<Long, Long> e : counts.entrySet()) {
                if (shown++ == 12) {
                    b.append(", ... (").append(counts.size() - 12).append(" more values)");
                    break;
                }
                b.append(shown > 1 ? ", " : "").append(e.getKey()).append(e.getValue() > 1 ? "x" + e.getValue() : "");
            }
            return b.append('}').toString();
        }

        @Override
        public String toString() {
            return isExact() ? "exactly " + lower : "at least " + lower + " and at most " + upper;
        }
    }
}
