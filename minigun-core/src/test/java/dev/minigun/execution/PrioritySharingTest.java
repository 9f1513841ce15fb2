package dev.minigun.execution;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.minigun.ContextKind;
import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import dev.minigun.testing.ThreadCensus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How a shared global limit is divided when stages have priorities: a table of shapes, then a run. */
class PrioritySharingTest {

    /** A stage of the table: its name, how many threads it asks for, its priority. */
    record Ask(String name, int threads, int priority) {}

    static Ask ask(String name, int threads, int priority) {
        return new Ask(name, threads, priority);
    }

    static Arguments row(String shape, int maxThreads, List<Ask> asks, Map<String, Integer> expected) {
        return arguments(shape, maxThreads, asks, expected);
    }

    static Map<String, Integer> granted(Object... pairs) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("source", 1);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                row(
                        "equal priorities: proportional, as without priorities",
                        16,
                        List.of(ask("a", 8, 0), ask("b", 8, 0), ask("c", 8, 0)),
                        granted("a", 5, "b", 5, "c", 5)),
                row(
                        "the higher priority gets all it asked first; the others share the rest",
                        16,
                        List.of(ask("a", 8, 2), ask("b", 8, 0), ask("c", 8, 0)),
                        granted("a", 8, "b", 4, "c", 3)),
                row(
                        "a higher priority that asks for more than the spare takes it all; the rest keep one each",
                        8,
                        List.of(ask("a", 8, 0), ask("b", 20, 5), ask("c", 8, 0)),
                        granted("a", 1, "b", 5, "c", 1)),
                row(
                        "three levels: each in turn, down to what is left",
                        12,
                        List.of(ask("low", 6, -1), ask("mid", 4, 1), ask("high", 4, 3)),
                        granted("low", 3, "mid", 4, "high", 4)),
                row(
                        "ties within the first level that cannot be served in full share in proportion",
                        10,
                        List.of(ask("a", 9, 1), ask("b", 5, 1), ask("c", 4, 0)),
                        granted("a", 5, "b", 3, "c", 1)),
                row(
                        "a priority only matters when the limit is short: enough for all, all granted",
                        32,
                        List.of(ask("a", 8, 0), ask("b", 8, 9), ask("c", 8, 0)),
                        granted("a", 8, "b", 8, "c", 8)),
                row(
                        "a negative priority gives way to the default",
                        6,
                        List.of(ask("background", 4, -1), ask("normal", 4, 0)),
                        granted("background", 1, "normal", 4)));
    }

    static Pipeline build(int maxThreads, List<Ask> asks) {
        Pipeline p = Pipeline.create("prio");
        p.config().maxThreads(maxThreads);
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {});
        for (Ask a : asks) {
            source.consume(a.name(), Exec.threads(a.threads()).priority(a.priority()), i -> {});
        }
        return p;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void sharesByPriorityThenInProportion(String shape, int maxThreads, List<Ask> asks, Map<String, Integer> expected) {
        ExecutionPlan plan = build(maxThreads, asks).plan();

        PoolShare share = plan.shares().stream()
                .filter(s -> s.kind() == ContextKind.THREAD)
                .findFirst()
                .orElseThrow();

        assertThat(share.granted()).as(shape).containsExactlyEntriesOf(expected);
        assertThat(share.total()).isLessThanOrEqualTo(maxThreads);
        assertThat(share.granted().values()).as("no stage starves").allMatch(n -> n >= 1);
        for (Ask a : asks) {
            assertThat(plan.placement(a.name()).contexts()).isEqualTo(expected.get(a.name()));
            assertThat(plan.placement(a.name()).priority()).isEqualTo(a.priority());
        }
    }

    @Test
    void explainShowsPrioritiesPerStageAndInTheLimitLine() {
        String explain = build(16, List.of(ask("a", 8, 2), ask("b", 8, 0), ask("c", 8, 0)))
                .plan()
                .explain();

        assertThat(explain)
                .contains("8 of 8 (shared maxThreads, priority 2)")
                .contains("4 of 8 (shared maxThreads)")
                .contains("maxThreads 16: 4 stages ask for 25, more than the limit: shared as"
                        + " {source=1, a=8, b=4, c=3} by priority {source=0, a=2, b=0, c=0}"
                        + " (16 in use at most, never more than 16)");
    }

    @Test
    void explainShowsAPriorityThatDidNotMatter() {
        String explain = build(64, List.of(ask("a", 2, 1))).plan().explain();

        assertThat(explain).contains("x2 (priority 1)").contains("all granted");
    }

    @Test
    void anAdaptivePoolReservesItsMinimumAndSaysItsRange() {
        Pipeline p = Pipeline.create("elastic");
        p.config().maxThreads(4);
        p.producer("source", (Emitter<Integer> out) -> {})
                .map("fetch", Exec.threads(2, 10), i -> i)
                .consume("store", i -> {});
        ExecutionPlan plan = p.plan();

        Placement fetch = plan.placement("fetch");
        assertThat(fetch.isAdaptive()).isTrue();
        assertThat(fetch.contexts()).isEqualTo(2);
        assertThat(fetch.maxContexts()).isEqualTo(10);
        assertThat(fetch.concurrency()).as("as many callers as it may grow to").isEqualTo(10);
        assertThat(plan.placement("store").rule())
                .as("a pool that may grow is not a single context: what follows gets its own")
                .isEqualTo(AffinityRule.UPSTREAM_NOT_SINGLE);
        assertThat(plan.explain())
                .contains("2..10 (adaptive)")
                .contains("maxThreads 4: 3 stages ask for 4, all granted (4 in use at most)");
    }

    @Test
    void anAdaptivePoolCutByTheLimitSaysSo() {
        Pipeline p = Pipeline.create("elastic");
        p.config().maxThreads(4);
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {});
        source.consume("a", Exec.threads(3, 10).priority(1), i -> {});
        source.consume("b", Exec.threads(3), i -> {});

        String explain = p.plan().explain();

        assertThat(explain)
                .contains("2..10 (adaptive, asked 3..10, shared maxThreads, priority 1)")
                .contains("1 of 3 (shared maxThreads)");
    }

    @Test
    void aProducerCannotBeAdaptive() {
        Pipeline p = Pipeline.create("elastic");
        p.producer("source", Exec.threads(1, 4), (Emitter<Integer> out) -> {}).consume("sink", i -> {});

        org.assertj.core.api.Assertions.assertThatThrownBy(p::plan)
                .isInstanceOf(dev.minigun.PipelineDefinitionException.class)
                .hasMessageContaining("producer 'source' runs its Source once, so threads(1..4)");
    }

    @Test
    void aRunGivesTheHigherPriorityStageItsThreads() {
        Set<Thread> fast = ConcurrentHashMap.newKeySet();
        Set<Thread> slow = ConcurrentHashMap.newKeySet();
        Pipeline p = Pipeline.create("prio-run");
        p.config().maxThreads(8);
        Stage<Integer> source = p.producer("source", (Emitter<Integer> out) -> {
            for (int i = 0; i < 2_000; i++) {
                out.emit(i);
            }
        });
        source.consume("urgent", Exec.threads(6).priority(1), i -> fast.add(Thread.currentThread()));
        source.consume("batchy", Exec.threads(6), i -> slow.add(Thread.currentThread()));

        ExecutionOrchestrator run = new ExecutionOrchestrator(p.plan());
        RunReport report = assertNothingLost(run.run());

        assertThat(run.plan().placement("urgent").contexts()).isEqualTo(6);
        assertThat(run.plan().placement("batchy").contexts()).isEqualTo(1);
        assertThat(slow).as("the lower priority still gets its one thread").hasSize(1);
        assertThat(fast.size()).isBetween(1, 6);
        assertThat(run.pool(ContextKind.THREAD).peak()).isLessThanOrEqualTo(8);
        assertThat(report.consumed()).isEqualTo(4_000);
        assertThat(ThreadCensus.minigunThreads()).isEmpty();
    }
}
