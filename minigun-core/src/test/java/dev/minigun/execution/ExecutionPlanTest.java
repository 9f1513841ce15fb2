package dev.minigun.execution;

import static dev.minigun.ContextKind.INLINE;
import static dev.minigun.ContextKind.PROCESS;
import static dev.minigun.ContextKind.THREAD;
import static dev.minigun.ContextKind.VIRTUAL;
import static dev.minigun.execution.AffinityRule.AFTER_ACCUMULATOR;
import static dev.minigun.execution.AffinityRule.COLOCATED;
import static dev.minigun.execution.AffinityRule.EXPLICIT;
import static dev.minigun.execution.AffinityRule.EXPLICIT_INLINE;
import static dev.minigun.execution.AffinityRule.FAN_IN;
import static dev.minigun.execution.AffinityRule.PRODUCER;
import static dev.minigun.execution.AffinityRule.UPSTREAM_NOT_SINGLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.ContextKind;
import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Stage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every affinity rule and their interplay, one pipeline shape per row. */
class ExecutionPlanTest {

    /** What the plan must decide for one stage. */
    record Expect(String stage, ContextKind kind, AffinityRule rule, String affinity, int contexts) {
        static Expect own(String stage, ContextKind kind, AffinityRule rule, int contexts) {
            return new Expect(stage, kind, rule, null, contexts);
        }

        static Expect with(String stage, ContextKind kind, AffinityRule rule, String upstream) {
            return new Expect(stage, kind, rule, upstream, 0);
        }
    }

    static Arguments row(String shape, Consumer<Pipeline> build, Expect... expected) {
        return Arguments.of(shape, build, List.of(expected));
    }

    static Stage<Integer> source(Pipeline p) {
        return p.producer("source", (Emitter<Integer> out) -> out.emit(1));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                row(
                        "seed 1, simple sequential: everything on the producer's thread",
                        p -> source(p).map("double", i -> i * 2).consume("sink", i -> {}),
                        Expect.own("source", THREAD, PRODUCER, 1),
                        Expect.with("double", THREAD, COLOCATED, "source"),
                        Expect.with("sink", THREAD, COLOCATED, "double")),
                row(
                        "seed 2, parallel processing: a pool, then a sink on a thread of its own",
                        p -> source(p).map("expensive", Exec.threads(4), i -> i).consume("sink", i -> {}),
                        Expect.own("source", THREAD, PRODUCER, 1),
                        Expect.own("expensive", THREAD, EXPLICIT, 4),
                        Expect.own("sink", THREAD, UPSTREAM_NOT_SINGLE, 1)),
                row(
                        "seed 3, fork for isolation: the sink after a worker process runs in the parent",
                        p -> source(p)
                                .map("untrusted", Exec.processes(2), i -> i)
                                .consume("sink", i -> {}),
                        Expect.own("source", THREAD, PRODUCER, 1),
                        Expect.own("untrusted", PROCESS, EXPLICIT, 2),
                        Expect.own("sink", THREAD, UPSTREAM_NOT_SINGLE, 1)),
                row(
                        "fan-out from a colocated chain: every branch stays a direct call",
                        p -> {
                            Stage<Integer> parsed = source(p).map("parse", i -> i);
                            parsed.consume("audit", i -> {});
                            parsed.consume("store", i -> {});
                        },
                        Expect.with("parse", THREAD, COLOCATED, "source"),
                        Expect.with("audit", THREAD, COLOCATED, "parse"),
                        Expect.with("store", THREAD, COLOCATED, "parse")),
                row(
                        "a default stage after a colocated stage inside a pool is still called from one thread",
                        p -> source(p)
                                .map("fetch", Exec.virtualThreads(50), i -> i)
                                .map("clean", i -> i)
                                .consume("sink", i -> {}),
                        Expect.own("fetch", VIRTUAL, EXPLICIT, 50),
                        Expect.own("clean", THREAD, UPSTREAM_NOT_SINGLE, 1),
                        Expect.with("sink", THREAD, COLOCATED, "clean")),
                row(
                        "Exec.inline() under a pool runs in the pool; what follows it gets its own context",
                        p -> source(p)
                                .map("parse", Exec.threads(4), i -> i)
                                .map("tag", Exec.inline(), i -> i)
                                .consume("sink", i -> {}),
                        Expect.own("parse", THREAD, EXPLICIT, 4),
                        Expect.with("tag", THREAD, EXPLICIT_INLINE, "parse"),
                        Expect.own("sink", THREAD, UPSTREAM_NOT_SINGLE, 1)),
                row(
                        "Exec.inline() after a worker process runs in the worker",
                        p -> source(p)
                                .map("untrusted", Exec.processes(2), i -> i)
                                .map("tag", Exec.inline(), i -> i)
                                .consume("sink", i -> {}),
                        Expect.with("tag", PROCESS, EXPLICIT_INLINE, "untrusted"),
                        Expect.own("sink", THREAD, UPSTREAM_NOT_SINGLE, 1)),
                row(
                        "merge: several upstreams, own context; what follows is colocated with it",
                        p -> {
                            Stage<Integer> a = p.producer("a", (Emitter<Integer> out) -> out.emit(1));
                            Stage<Integer> b = p.producer("b", (Emitter<Integer> out) -> out.emit(2));
                            p.merge("both", a, b).consume("sink", i -> {});
                        },
                        Expect.own("a", THREAD, PRODUCER, 1),
                        Expect.own("b", THREAD, PRODUCER, 1),
                        Expect.own("both", THREAD, FAN_IN, 1),
                        Expect.with("sink", THREAD, COLOCATED, "both")),
                row(
                        "batch: colocated with its upstream; the stage after it gets its own context",
                        p -> source(p).batch("rows", 100).consume("store", rows -> {}),
                        Expect.with("rows", THREAD, COLOCATED, "source"),
                        Expect.own("store", THREAD, AFTER_ACCUMULATOR, 1)),
                row(
                        "timed batch, then an explicit pool: explicit wins over the accumulator rule",
                        p -> source(p)
                                .batch("rows", 100, Duration.ofMillis(50))
                                .consume("store", Exec.threads(2), rows -> {}),
                        Expect.with("rows", THREAD, COLOCATED, "source"),
                        Expect.own("store", THREAD, EXPLICIT, 2)),
                row(
                        "a stage fed only by emitTo has no static upstream: own context",
                        p -> {
                            source(p).process("route", (Integer i, Emitter<Integer> out) -> out.emitTo("audit", i));
                            p.consumer("audit", (Integer i) -> {});
                        },
                        Expect.with("route", THREAD, COLOCATED, "source"),
                        Expect.own("audit", THREAD, FAN_IN, 1)),
                row(
                        "a single-context upstream (threads(1), virtualThreads(1)) keeps its follower colocated",
                        p -> source(p)
                                .map("one", Exec.virtualThreads(1), i -> i)
                                .consume("sink", i -> {}),
                        Expect.own("one", VIRTUAL, EXPLICIT, 1),
                        Expect.with("sink", VIRTUAL, COLOCATED, "one")),
                row(
                        "defaultContext(VIRTUAL) places every stage that is not colocated",
                        p -> {
                            p.config().defaultContext(VIRTUAL);
                            source(p).map("fetch", Exec.threads(2), i -> i).consume("sink", i -> {});
                        },
                        Expect.own("source", VIRTUAL, PRODUCER, 1),
                        Expect.own("sink", VIRTUAL, UPSTREAM_NOT_SINGLE, 1)),
                row(
                        "an inline producer runs in the caller's thread and hosts its chain",
                        p -> p.producer("source", Exec.inline(), (Emitter<Integer> out) -> out.emit(1))
                                .map("double", i -> i)
                                .consume("sink", i -> {}),
                        Expect.own("source", INLINE, PRODUCER, 0),
                        Expect.with("double", INLINE, COLOCATED, "source"),
                        Expect.with("sink", INLINE, COLOCATED, "double")),
                row(
                        "defaultContext(INLINE): a merge is a direct call from both producers",
                        p -> {
                            p.config().defaultContext(INLINE);
                            Stage<Integer> a = p.producer("a", (Emitter<Integer> out) -> out.emit(1));
                            Stage<Integer> b = p.producer("b", (Emitter<Integer> out) -> out.emit(2));
                            p.merge("both", a, b).consume("sink", i -> {});
                        },
                        Expect.own("both", INLINE, FAN_IN, 0),
                        Expect.own("sink", INLINE, UPSTREAM_NOT_SINGLE, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void placesEachStageByTheRules(String shape, Consumer<Pipeline> build, List<Expect> expected) {
        Pipeline p = Pipeline.create("plan");
        build.accept(p);
        ExecutionPlan plan = p.plan();

        for (Expect e : expected) {
            Placement placed = plan.placement(e.stage());
            assertThat(placed.rule())
                    .as("%s: rule of '%s'\n%s", shape, e.stage(), plan.explain())
                    .isEqualTo(e.rule());
            assertThat(plan.contextFor(e.stage()))
                    .as("%s: context of '%s'", shape, e.stage())
                    .isEqualTo(e.kind());
            assertThat(plan.affinityFor(e.stage()))
                    .as("%s: affinity of '%s'", shape, e.stage())
                    .isEqualTo(Optional.ofNullable(e.affinity()));
            assertThat(placed.contexts())
                    .as("%s: contexts of '%s'", shape, e.stage())
                    .isEqualTo(e.contexts());
            if (e.affinity() != null) {
                assertThat(plan.colocated(e.stage(), e.affinity())).isTrue();
            }
            assertThat(plan.explain())
                    .as("explain names the stage and its rule")
                    .containsPattern("(?m)^  " + java.util.regex.Pattern.quote(e.stage()) + " .*  "
                            + e.rule().number() + "  ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void mermaidDrawsEveryStageAndEdge(String shape, Consumer<Pipeline> build, List<Expect> expected) {
        Pipeline p = Pipeline.create("plan");
        build.accept(p);
        ExecutionPlan plan = p.plan();
        String mermaid = plan.toMermaid();

        assertThat(mermaid).startsWith("flowchart LR\n");
        for (Placement placed : plan.placements()) {
            assertThat(mermaid).contains("[\"" + placed.stage() + "<br/>");
        }
        long edges = plan.graph().stages().stream()
                .mapToLong(s -> s.upstreams().size())
                .sum();
        assertThat(mermaid.lines()
                        .filter(l -> l.contains("-->") || l.contains("==>"))
                        .count())
                .isEqualTo(edges);
        for (Expect e : expected) {
            if (e.rule() == COLOCATED) {
                assertThat(mermaid).contains("==>|direct|");
            }
        }
    }
}
