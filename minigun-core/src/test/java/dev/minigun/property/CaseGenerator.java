package dev.minigun.property;

import dev.minigun.ContextKind;
import dev.minigun.property.PipelineCase.Batch;
import dev.minigun.property.PipelineCase.CancelSpec;
import dev.minigun.property.PipelineCase.Copy;
import dev.minigun.property.PipelineCase.DeadLetters;
import dev.minigun.property.PipelineCase.ExecSpec;
import dev.minigun.property.PipelineCase.Fault;
import dev.minigun.property.PipelineCase.Filter;
import dev.minigun.property.PipelineCase.Flatten;
import dev.minigun.property.PipelineCase.MapAdd;
import dev.minigun.property.PipelineCase.Merge;
import dev.minigun.property.PipelineCase.PolicySpec;
import dev.minigun.property.PipelineCase.Produce;
import dev.minigun.property.PipelineCase.Route;
import dev.minigun.property.PipelineCase.RoutingKind;
import dev.minigun.property.PipelineCase.RoutingSpec;
import dev.minigun.property.PipelineCase.Settings;
import dev.minigun.property.PipelineCase.Sink;
import dev.minigun.property.PipelineCase.StageDef;
import dev.minigun.property.PipelineCase.Target;
import dev.minigun.property.PipelineCase.Traits;
import dev.minigun.property.PipelineCase.Where;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Draws a random {@link PipelineCase} of 1 to 8 stages from a {@link Choices} sequence. It builds
 * the pipeline step by step and keeps it valid as it goes: every stage that emits gets a
 * downstream, a batch is followed only by stages that take lists, {@code emitTo} never closes a
 * cycle, and the stage count never passes the drawn total. So any sequence, random or shrunk,
 * yields a pipeline the engine must run; the simplest sequence (all 0s) is a producer of no items
 * and a sink.
 */
final class CaseGenerator {

    /** What a family of cases injects. */
    enum Profile {
        /** No failures, no cancels: every sink must get exactly what the model says. */
        CLEAN,
        /** Injected failures under random policies. */
        FAULTS,
        /** A cancel after a random number of items, sometimes with failures too. */
        CANCELS
    }

    private static final int MAX_STAGES = 8;
    private static final int MAX_ITEMS = 2000;
    static final String DEAD_LETTERS = "dead";

    private final Profile profile;

    CaseGenerator(Profile profile) {
        this.profile = profile;
    }

    PipelineCase generate(Choices c) {
        return new Draw(c).run();
    }

    /** The state of one draw. */
    private final class Draw {
        private final Choices c;
        private final List<StageDef> stages = new ArrayList<>();
        private final List<String> open = new ArrayList<>();
        private int total;
        private boolean deadLetters;

        Draw(Choices c) {
            this.c = c;
        }

        PipelineCase run() {
            total = c.percent(3) ? 1 : c.between(2, MAX_STAGES);
            // A dead-letter stage takes one of the stages from the start, so the rest fit around it.
            deadLetters = profile != Profile.CLEAN && total >= 3 && c.percent(30);
            if (deadLetters) {
                total--;
            }
            Settings settings = new Settings(
                    c.pick(List.of(ContextKind.THREAD, ContextKind.VIRTUAL, ContextKind.INLINE)),
                    c.percent(50) ? c.between(1, 8) : c.pick(List.of(16, 64, 1024)),
                    c.percent(15) ? OptionalInt.of(c.between(0, 3)) : OptionalInt.empty(),
                    c.percent(10) ? OptionalInt.of(c.between(0, 3)) : OptionalInt.empty(),
                    profile != Profile.CLEAN && c.percent(15) ? Optional.of(policy()) : Optional.empty());
            int producers = total == 1 ? 1 : 1 + c.between(0, Math.min(2, (total - 2) / 2));
            for (int i = 0; i < producers; i++) {
                addProducer(i);
            }
            if (total > 1) {
                grow();
                for (String o : List.copyOf(open)) {
                    close(o);
                }
            }
            if (deadLetters) {
                stages.add(
                        new DeadLetters(DEAD_LETTERS, new Traits(exec(), Optional.empty(), RoutingSpec.BROADCAST, 0)));
            }
            Optional<CancelSpec> cancel = profile == Profile.CANCELS
                    ? Optional.of(new CancelSpec(c.count(3000), c.percent(30)))
                    : Optional.empty();
            return new PipelineCase(settings, stages, cancel);
        }

        private void grow() {
            for (int guard = 0; guard < 40 && stages.size() + open.size() < total; guard++) {
                int spare = total - stages.size() - open.size();
                // 0 (the simplest) extends a chain; the rest make the shapes that stress the engine.
                int action = c.between(0, 9);
                boolean done = switch (action) {
                    case 3, 4, 5 -> spare >= 2 && fanOut();
                    case 6, 7 -> merge(spare);
                    case 8 -> route(spare);
                    case 9 -> !open.isEmpty() && closeOne();
                    default -> false;
                };
                if (!done && !extend() && !(spare >= 2 && fanOut())) {
                    return;
                }
            }
        }

        private void addProducer(int index) {
            // A lone producer's first emit has nowhere to go and fails: not a clean run.
            int items = profile == Profile.CLEAN && total == 1 ? 0 : c.count(MAX_ITEMS);
            OptionalInt failAfter = profile != Profile.CLEAN && c.percent(6)
                    ? OptionalInt.of(c.between(0, items))
                    : OptionalInt.empty();
            Optional<PolicySpec> policy = failAfter.isPresent() && c.percent(60)
                    ? Optional.of(c.percent(50) ? new PolicySpec.Skip() : new PolicySpec.FailFast())
                    : Optional.empty();
            ExecSpec exec = c.pick(List.of(
                    ExecSpec.PLAN,
                    new ExecSpec(Where.INLINE, 1, 0),
                    new ExecSpec(Where.THREADS, 1, 0),
                    new ExecSpec(Where.VIRTUAL, 1, 0)));
            Traits traits = new Traits(exec, Optional.empty(), routing(), sleepEvery());
            String name = nextName();
            stages.add(new Produce(name, (index + 1) * 1_000_000L, items, failAfter, policy, traits));
            open.add(name);
        }

        /** A new stage after an open one, taking its place among the open outputs. */
        private boolean extend() {
            if (open.isEmpty()) {
                return false;
            }
            String up = c.pick(open);
            open.remove(up);
            StageDef s = after(up, false);
            stages.add(s);
            if (!(s instanceof Sink)) {
                open.add(s.name());
            }
            return true;
        }

        /** A new branch on a stage that already has a downstream. */
        private boolean fanOut() {
            List<String> candidates = stages.stream()
                    .filter(s -> !(s instanceof Sink) && !(s instanceof Target t && t.consumer()))
                    .map(StageDef::name)
                    .filter(n -> !open.contains(n))
                    .toList();
            if (candidates.isEmpty()) {
                return false;
            }
            StageDef s = after(c.pick(candidates), true);
            stages.add(s);
            if (!(s instanceof Sink)) {
                open.add(s.name());
            }
            return true;
        }

        private boolean closeOne() {
            close(c.pick(open));
            return true;
        }

        private void close(String up) {
            open.remove(up);
            StageDef u = stage(up);
            stages.add(new Sink(nextName(), up, u.emitsLists(), traits(25)));
        }

        /** A merge of two or three stages that emit items (not lists). */
        private boolean merge(int spare) {
            List<String> candidates = stages.stream()
                    .filter(s -> !s.emitsLists() && !(s instanceof Sink) && !(s instanceof Target t && t.consumer()))
                    .map(StageDef::name)
                    .toList();
            if (candidates.size() < 2) {
                return false;
            }
            List<String> pool = new ArrayList<>(candidates);
            List<String> ups = new ArrayList<>();
            int k = Math.min(pool.size(), c.between(2, 3));
            for (int i = 0; i < k; i++) {
                ups.add(pool.remove(c.between(0, pool.size() - 1)));
            }
            long fromOpen = ups.stream().filter(open::contains).count();
            if (spare < 2 - fromOpen) {
                return false;
            }
            open.removeAll(ups);
            String name = nextName();
            stages.add(new Merge(name, ups, new Traits(ExecSpec.PLAN, Optional.empty(), routing(), 0)));
            open.add(name);
            return true;
        }

        /** A router that sends some items to a stage fed by emitTo, and the others downstream. */
        private boolean route(int spare) {
            List<String> ups = open.stream().filter(n -> !stage(n).emitsLists()).toList();
            if (ups.isEmpty() || spare < 2) {
                return false;
            }
            String up = c.pick(ups);
            List<String> reusable = stages.stream()
                    .filter(s -> s instanceof Target)
                    .map(StageDef::name)
                    .filter(t -> !t.equals(up) && !reaches(t, up))
                    .toList();
            boolean reuse = !reusable.isEmpty() && c.percent(40);
            boolean processor = !reuse && spare >= 3 && c.percent(50);
            String name = nextName();
            String target = reuse ? c.pick(reusable) : "t" + name.substring(1);
            int mod = c.between(2, 5);
            open.remove(up);
            stages.add(new Route(name, up, target, mod, c.between(0, mod - 1), traits(25)));
            open.add(name);
            if (!reuse) {
                stages.add(new Target(target, !processor, traits(25)));
                if (processor) {
                    open.add(target);
                }
            }
            return true;
        }

        /** A stage taking {@code up}'s output: a list-taker after a batch, any item stage otherwise. */
        private StageDef after(String up, boolean branch) {
            String name = nextName();
            if (stage(up).emitsLists()) {
                return c.percent(50) ? new Sink(name, up, true, traits(25)) : new Flatten(name, up, traits(25));
            }
            return switch (c.between(0, branch ? 4 : 3)) {
                case 0 -> new MapAdd(name, up, c.between(1, 999), traits(25));
                case 1 -> {
                    int mod = c.between(2, 6);
                    yield new Filter(name, up, mod, c.between(0, mod - 1), traits(25));
                }
                case 2 ->
                    new Copy(
                            name,
                            up,
                            c.between(0, 2),
                            c.percent(70),
                            traits(50)); // processors are where retries hold items
                case 3 ->
                    new Batch(
                            name,
                            up,
                            c.between(1, 64),
                            c.percent(30) ? OptionalInt.of(c.between(1, 20)) : OptionalInt.empty());
                default -> new Sink(name, up, false, traits(25));
            };
        }

        /** Where the stage runs, how it routes, and a fault with probability {@code faultPercent}. */
        private Traits traits(int faultPercent) {
            return new Traits(exec(), fault(faultPercent), routing(), sleepEvery());
        }

        private ExecSpec exec() {
            Where where = c.pick(List.of(Where.PLAN, Where.THREADS, Where.ADAPTIVE, Where.VIRTUAL, Where.INLINE));
            return switch (where) {
                case PLAN, INLINE -> new ExecSpec(where, 1, 0);
                case THREADS -> new ExecSpec(where, c.between(1, 4), queue());
                case ADAPTIVE -> new ExecSpec(where, c.between(2, 4), queue());
                case VIRTUAL -> new ExecSpec(where, c.between(1, 8), queue());
            };
        }

        private int queue() {
            if (!c.percent(40)) {
                return 0;
            }
            return c.percent(60) ? c.between(1, 8) : c.between(9, 64);
        }

        private Optional<Fault> fault(int percent) {
            if (profile == Profile.CLEAN || !c.percent(percent)) {
                return Optional.empty();
            }
            int mod = c.percent(50) ? c.between(2, 20) : c.between(21, 400);
            int rem = c.between(0, mod - 1);
            int failures = c.percent(50) ? c.between(1, 3) : 0;
            return Optional.of(new Fault(mod, rem, failures, c.percent(80) ? Optional.of(policy()) : Optional.empty()));
        }

        /** The error policy of a failing stage: extend here when the engine offers more. */
        private PolicySpec policy() {
            return switch (c.between(0, 4)) {
                case 0 -> new PolicySpec.Skip();
                case 1 -> new PolicySpec.FailFast();
                case 2, 3 -> new PolicySpec.Retry(c.between(1, 4), c.percent(20) ? 1 : 0, terminalPolicy());
                default -> deadLetters ? new PolicySpec.DeadLetter(DEAD_LETTERS) : new PolicySpec.Skip();
            };
        }

        private PolicySpec terminalPolicy() {
            return switch (c.between(0, 2)) {
                case 0 -> new PolicySpec.FailFast();
                case 1 -> new PolicySpec.Skip();
                default -> deadLetters ? new PolicySpec.DeadLetter(DEAD_LETTERS) : new PolicySpec.Skip();
            };
        }

        private RoutingSpec routing() {
            RoutingKind kind = c.pick(List.of(RoutingKind.BROADCAST, RoutingKind.ROUND_ROBIN, RoutingKind.BY_KEY));
            return kind == RoutingKind.BY_KEY ? new RoutingSpec(kind, c.between(1, 12)) : new RoutingSpec(kind, 0);
        }

        private int sleepEvery() {
            return c.percent(8) ? c.between(20, 400) : 0;
        }

        private String nextName() {
            return "s" + stages.size();
        }

        private StageDef stage(String name) {
            return stages.stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        /** Whether items can flow from {@code from} to {@code to}, by static edges or emitTo. */
        private boolean reaches(String from, String to) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(from));
            while (!todo.isEmpty()) {
                String n = todo.removeLast();
                if (n.equals(to)) {
                    return true;
                }
                if (!seen.add(n)) {
                    continue;
                }
                for (StageDef s : stages) {
                    if (s.upstreams().contains(n)) {
                        todo.add(s.name());
                    }
                    if (s instanceof Route r && r.name().equals(n)) {
                        todo.add(r.target());
                    }
                }
            }
            return false;
        }
    }
}
