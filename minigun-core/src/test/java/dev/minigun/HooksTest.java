package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Run and stage hooks fire exactly once, in order, also on failure; a failing hook fails the run by name. */
class HooksTest {

    static Stream<Exec> contexts() {
        return Stream.of(Exec.inline(), Exec.threads(3), Exec.virtualThreads(3));
    }

    /** A pipeline that records its hooks and items in one journal. */
    static Pipeline journaled(List<String> journal, Exec exec, int failAt) {
        Pipeline p = Pipeline.create("journal");
        p.beforeRun(() -> journal.add("beforeRun"));
        p.afterRun(report -> journal.add("afterRun " + report.outcome()));
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 20; i++) {
                        out.emit(i);
                    }
                })
                .beforeStage(() -> journal.add("before read"))
                .afterStage(() -> journal.add("after read"))
                .map("parse", exec, i -> {
                    if (i == failAt) {
                        throw new IllegalStateException("bad " + i);
                    }
                    journal.add("item " + i);
                    return i;
                })
                .beforeStage(() -> journal.add("before parse"))
                .afterStage(() -> journal.add("after parse"))
                .batch("rows", 8)
                .consume("store", Exec.threads(1), rows -> journal.add("stored " + rows.size()))
                .beforeStage(() -> journal.add("before store"))
                .afterStage(() -> journal.add("after store"));
        return p;
    }

    static long count(List<String> journal, String entry) {
        return journal.stream().filter(entry::equals).count();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void everyHookFiresExactlyOnceAroundTheItems(Exec exec) {
        List<String> journal = Collections.synchronizedList(new ArrayList<>());

        assertNothingLost(journaled(journal, exec, -1).run());

        List<String> hooks = journal.stream()
                .filter(e -> !e.startsWith("item") && !e.startsWith("stored"))
                .toList();
        for (String hook : List.of(
                "beforeRun",
                "before read",
                "before parse",
                "before store",
                "after read",
                "after parse",
                "after store",
                "afterRun completed")) {
            assertThat(count(journal, hook)).as(hook).isEqualTo(1);
        }
        assertThat(journal.getFirst()).isEqualTo("beforeRun");
        assertThat(journal.getLast()).isEqualTo("afterRun completed");
        int firstItem = journal.indexOf("item 0");
        int lastItem = journal.lastIndexOf(journal.stream()
                .filter(e -> e.startsWith("item"))
                .reduce((a, b) -> b)
                .orElseThrow());
        assertThat(journal.indexOf("before parse")).isLessThan(firstItem);
        assertThat(journal.indexOf("after parse")).isGreaterThan(lastItem);
        assertThat(journal.indexOf("after store"))
                .as("after the final partial batch")
                .isGreaterThan(journal.lastIndexOf("stored 4"));
        assertThat(hooks.indexOf("after read")).isLessThan(hooks.indexOf("after parse"));
        assertThat(hooks.indexOf("after parse")).isLessThan(hooks.indexOf("after store"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void afterHooksFireOnceAlsoWhenTheRunFails(Exec exec) {
        List<String> journal = Collections.synchronizedList(new ArrayList<>());

        PipelineException e = assertThrows(
                PipelineException.class, () -> journaled(journal, exec, 5).run());

        assertThat(e.stage()).contains("parse");
        assertNothingLost(e.report().orElseThrow());
        assertThat(count(journal, "after parse")).isEqualTo(1);
        assertThat(count(journal, "after store")).isEqualTo(1);
        assertThat(count(journal, "afterRun failed")).isEqualTo(1);
        assertThat(journal.getLast()).isEqualTo("afterRun failed");
    }

    static Stream<String> hooks() {
        return Stream.of("beforeRun", "beforeStage", "afterStage", "afterRun");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hooks")
    void aFailingHookFailsTheRunWithItsName(String which) {
        Pipeline p = Pipeline.create("hooked");
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        Hook boom = () -> {
            throw new IllegalStateException("hook broke");
        };
        Stage<Integer> read = p.producer("read", (Emitter<Integer> out) -> out.emit(1));
        Stage<Void> store = read.consume("store", Exec.threads(1), stored::add);
        switch (which) {
            case "beforeRun" -> p.beforeRun(boom);
            case "beforeStage" -> store.beforeStage(boom);
            case "afterStage" -> store.afterStage(boom);
            default -> p.afterRun(report -> boom.run());
        }

        PipelineException e = assertThrows(PipelineException.class, p::run);

        String where = which.endsWith("Run") ? which + " hook" : which + " hook of stage 'store'";
        assertThat(e.getMessage())
                .isEqualTo(
                        which.equals("afterRun")
                                ? "pipeline 'hooked': afterRun hook failed: java.lang.IllegalStateException: hook broke"
                                : "pipeline 'hooked': " + where
                                        + " failed: java.lang.IllegalStateException: hook broke");
        assertThat(e.getCause()).hasMessage("hook broke");
        assertThat(e.report().orElseThrow().outcome()).isEqualTo("failed");
        if (which.startsWith("before")) {
            assertThat(stored)
                    .as("a failed before-hook lets no item reach the stage")
                    .isEmpty();
        }
    }
}
