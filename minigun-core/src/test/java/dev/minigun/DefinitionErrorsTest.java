package dev.minigun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad definition, with the exact message a user sees: it names the stage (or the setting),
 * says what is wrong and what to do, and comes before any item moves.
 */
class DefinitionErrorsTest {
    static final AtomicBoolean produced = new AtomicBoolean();

    static Stage<String> source(Pipeline p) {
        return p.producer("lines", (Emitter<String> out) -> {
            produced.set(true);
            out.emit("a line");
        });
    }

    static Arguments bad(String what, Consumer<Pipeline> definition, String stage, String message) {
        return Arguments.of(what, definition, stage, message);
    }

    static Stream<Arguments> definitions() {
        return Stream.of(
                bad(
                        "duplicate name",
                        p -> {
                            source(p).consume("store", s -> {});
                            source(p);
                        },
                        "lines",
                        "stage name 'lines' is already used in pipeline 'bad': give each stage a unique name"),
                bad(
                        "blank name",
                        p -> source(p).map(" ", s -> s),
                        " ",
                        "a stage name is blank: give every stage a non-blank name"),
                bad(
                        "blank name inside a fragment",
                        p -> source(p).then("clean", s -> s.map("", x -> x)),
                        "",
                        "a stage name in fragment 'clean' is blank: give every stage a non-blank name"),
                bad(
                        "a slash in a name",
                        p -> source(p).map("a/b", s -> s),
                        "a/b",
                        "stage name 'a/b' contains '/', which separates fragment scopes: use another character"),
                bad(
                        "batch size zero",
                        p -> source(p).batch("rows", 0),
                        "rows",
                        "batch 'rows': size must be at least 1, was 0: give a positive batch size"),
                bad(
                        "batch maxWait zero",
                        p -> source(p).batch("rows", 10, java.time.Duration.ZERO),
                        "rows",
                        "batch 'rows': maxWait must be positive, was PT0S: give a duration such as 200 ms"),
                bad(
                        "pool size zero",
                        p -> source(p).map("parse", Exec.threads(0), s -> s),
                        "parse",
                        "stage 'parse': threads(0) needs at least 1 context (min 0, max 0): give a positive size"),
                bad(
                        "queueSize zero",
                        p -> source(p).map("parse", Exec.threads(2).queueSize(0), s -> s),
                        "parse",
                        "stage 'parse': queueSize must be at least 1, was 0: give a positive capacity"),
                bad(
                        "maxThreads zero",
                        p -> p.config().maxThreads(0),
                        null,
                        "maxThreads must be at least 1, was 0: give a positive limit"),
                bad(
                        "maxVirtualThreads negative",
                        p -> p.config().maxVirtualThreads(-5),
                        null,
                        "maxVirtualThreads must be at least 1, was -5: give a positive limit"),
                bad(
                        "default queueSize zero",
                        p -> p.config().queueSize(0),
                        null,
                        "queueSize must be at least 1, was 0: give a positive limit"),
                bad(
                        "merge of nothing",
                        p -> p.merge("all"),
                        "all",
                        "merge 'all' has no upstream stage: name at least one stage to merge"),
                bad(
                        "a stage after a consumer",
                        p -> source(p).consume("store", s -> {}).map("more", v -> v),
                        "more",
                        "stage 'more' cannot follow 'store': a consumer emits nothing; add it after the stage before 'store'"),
                bad(
                        "a producer with a pool",
                        p -> p.producer("lines", Exec.threads(4), (Emitter<String> out) -> {})
                                .consume("store", s -> {})
                                .pipeline()
                                .plan(),
                        "lines",
                        "producer 'lines' runs its Source once, so threads(4) would leave contexts idle: use a size of 1,"
                                + " or split the source into several producers and merge them"),
                bad(
                        "a stage whose output goes nowhere",
                        p -> source(p)
                                .map("upper", String::toUpperCase)
                                .pipeline()
                                .plan(),
                        "upper",
                        "stage 'upper' (map) has no downstream stage, so its output would be lost: add a stage after it,"
                                + " such as consume(...)"),
                bad(
                        "no producer",
                        p -> p.consumer("store", (String s) -> {}).pipeline().plan(),
                        null,
                        "pipeline 'bad' has no producer, so no item would ever move: add one with producer(...)"),
                bad(
                        "a worker-process stage before its module lands",
                        p -> {
                            source(p)
                                    .map("untrusted", Exec.processes(2), String::trim)
                                    .consume("store", s -> {});
                            p.run();
                        },
                        "untrusted",
                        "stage 'untrusted' runs on processes(2), which module minigun-process provides; put"
                                + " dev.minigun:minigun-process on the class path, or run the stage on threads"),
                bad(
                        "an isolated stage before its module lands",
                        p -> {
                            source(p)
                                    .map("counter", Exec.isolated(1), String::trim)
                                    .consume("store", s -> {});
                            p.run();
                        },
                        "counter",
                        "stage 'counter' runs on isolated(1), which module minigun-process provides; put"
                                + " dev.minigun:minigun-process on the class path, or run the stage on threads"),
                bad(
                        "a cluster stage without its module",
                        p -> {
                            source(p)
                                    .map("square", Exec.cluster(2), String::trim)
                                    .consume("store", s -> {});
                            p.run();
                        },
                        "square",
                        "stage 'square' runs on cluster(2), which module minigun-hazelcast provides; put"
                                + " dev.minigun:minigun-hazelcast on the class path, or run the stage on threads"),
                bad(
                        "retry with no attempt",
                        p -> source(p)
                                .map("charge", String::trim)
                                .onError(ErrorPolicy.retry(0, java.time.Duration.ZERO))
                                .consume("store", s -> {})
                                .pipeline()
                                .plan(),
                        "charge",
                        "stage 'charge': retry needs at least 1 attempt, was 0: give the number of attempts in all,"
                                + " the first included"),
                bad(
                        "a retrying producer",
                        p -> source(p)
                                .onError(ErrorPolicy.retry(3, java.time.Duration.ZERO))
                                .consume("store", s -> {})
                                .pipeline()
                                .plan(),
                        "lines",
                        "producer 'lines' cannot retry: its source runs once, so a retry would emit its items again;"
                                + " retry in the stage after it"),
                bad(
                        "a dead-letter stage that does not exist",
                        p -> source(p)
                                .map("charge", String::trim)
                                .onError(ErrorPolicy.deadLetter("rejected"))
                                .consume("store", s -> {})
                                .pipeline()
                                .plan(),
                        "charge",
                        "stage 'charge' sends failed items to 'rejected', but no stage has that name: add one, e.g."
                                + " pipeline.consumer(\"rejected\", (DeadLetter d) -> ...)"),
                bad(
                        "a colocated dead-letter stage",
                        p -> {
                            Stage<String> lines = source(p);
                            lines.consume("audit", s -> {});
                            lines.map("charge", String::trim)
                                    .onError(ErrorPolicy.deadLetter("audit"))
                                    .consume("store", s -> {});
                            p.plan();
                        },
                        "charge",
                        "stage 'charge' sends failed items to 'audit', which runs colocated in the context of"
                                + " 'lines': make the dead-letter stage with pipeline.consumer(...) or give it an Exec"),
                bad(
                        "a zero timeout",
                        p -> p.config().timeout(java.time.Duration.ZERO),
                        null,
                        "timeout must be positive, was PT0S: give a duration"),
                bad(
                        "a stage added after run() started",
                        p -> {
                            source(p).consume("store", s -> {});
                            dev.minigun.testing.NoLoss.assertNothingLost(p.run());
                            source(p).consume("late", s -> {});
                        },
                        null,
                        "pipeline 'bad' has started running, so its definition is frozen: define a new pipeline"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void failsBeforeAnyItemMovesWithAMessageThatNamesTheStage(
            String what, Consumer<Pipeline> definition, String stage, String message) {
        Pipeline p = Pipeline.create("bad");
        produced.set(false);
        boolean runs = what.contains("after run() started");

        assertThatThrownBy(() -> definition.accept(p))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessage(message)
                .satisfies(e ->
                        assertThat(((PipelineException) e).stage()).isEqualTo(java.util.Optional.ofNullable(stage)));
        assertThat(produced.get()).as("an item moved").isEqualTo(runs);
    }

    @Test
    void anEmptyPipelineCannotRun() {
        assertThatThrownBy(() -> Pipeline.create("empty").run())
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessage("pipeline 'empty' has no stage: add a producer and a consumer");
        assertThatThrownBy(() -> Pipeline.create(" "))
                .isInstanceOf(PipelineDefinitionException.class)
                .hasMessage("a pipeline needs a non-blank name");
    }
}
