package dev.minigun;

import static dev.minigun.testing.NoLoss.assertConserved;
import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error policy, on each kind of context the core runs. */
class ErrorPoliciesTest {
    record Payment(int id, long cents) {}

    static Stream<Exec> contexts() {
        return Stream.of(Exec.inline(), Exec.threads(2), Exec.virtualThreads(4));
    }

    static Source<Payment> payments(int n) {
        return out -> {
            for (int i = 0; i < n; i++) {
                out.emit(new Payment(i, 100L * i));
            }
        };
    }

    /** A charge call that fails for every tenth payment, the first {@code failures} times it is tried. */
    static ItemFunction<Payment, Payment> flakyCharge(int failures, Map<Integer, AtomicInteger> tries) {
        return p -> {
            int attempt =
                    tries.computeIfAbsent(p.id(), id -> new AtomicInteger()).incrementAndGet();
            if (p.id() % 10 == 0 && attempt <= failures) {
                throw new UncheckedIOException(new IOException("gateway timeout for payment " + p.id()));
            }
            return p;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void failFastCancelsTheRunAndNamesTheStage(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        p.producer("read", payments(100))
                .map("charge", exec, flakyCharge(1, new ConcurrentHashMap<>()))
                .consume("ledger", x -> {});

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("charge");
        assertThat(e.getMessage()).contains("stage 'charge' failed on item Payment[id=");
        assertNothingLost(e.report().orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void skipCountsFailuresAndDeliversTheRest(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        ConcurrentLinkedQueue<Payment> ledger = new ConcurrentLinkedQueue<>();
        p.producer("read", payments(100))
                .map("charge", exec, flakyCharge(1, new ConcurrentHashMap<>()))
                .onError(ErrorPolicy.skip())
                .consume("ledger", Exec.threads(1), ledger::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.failed()).isEqualTo(10);
        assertThat(ledger).hasSize(90).noneMatch(x -> x.id() % 10 == 0);
        assertThat(report.stage("charge").lastError())
                .hasValueSatisfying(m -> assertThat(m).contains("gateway timeout"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void retryTriesAgainWithBackoffAndDeliversEveryItemOnce(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        Map<Integer, AtomicInteger> tries = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Payment> ledger = new ConcurrentLinkedQueue<>();
        p.producer("read", payments(100))
                .map("charge", exec, flakyCharge(2, tries))
                .onError(ErrorPolicy.retry(3, Duration.ofMillis(1)))
                .consume("ledger", Exec.threads(1), ledger::add);

        RunReport report = assertConserved(p.run());

        assertThat(ledger).hasSize(100).doesNotHaveDuplicates();
        assertThat(report.retried()).isEqualTo(20); // ten payments, two retries each
        assertThat(report.stage("charge").retried()).isEqualTo(20);
        assertThat(report.stage("charge").lastError())
                .hasValueSatisfying(m -> assertThat(m).contains("gateway timeout"));
        assertThat(report.failed()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void retryOnlyOnTheNamedExceptionsThenFallsBack(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        ConcurrentLinkedQueue<DeadLetter> dead = new ConcurrentLinkedQueue<>();
        p.producer("read", payments(20))
                .map("charge", exec, x -> {
                    if (x.id() == 7) {
                        throw new IllegalArgumentException("card number invalid");
                    }
                    return x;
                })
                .onError(ErrorPolicy.retry(5, Duration.ZERO)
                        .on(UncheckedIOException.class)
                        .orElse(ErrorPolicy.deadLetter("rejected")))
                .consume("ledger", x -> {});
        p.consumer("rejected", dead::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.retried())
                .as("an IllegalArgumentException is not worth a retry")
                .isZero();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.item()).isEqualTo(new Payment(7, 700));
            assertThat(d.stage()).isEqualTo("charge");
            assertThat(d.error()).hasMessage("card number invalid");
            assertThat(d.attempts()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void deadLetterSendsTheItemStageErrorAndAttemptsToItsStage(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        ConcurrentLinkedQueue<DeadLetter> dead = new ConcurrentLinkedQueue<>();
        p.producer("read", payments(50))
                .map("charge", exec, flakyCharge(10, new ConcurrentHashMap<>()))
                .onError(ErrorPolicy.retry(3, Duration.ZERO).orElse(ErrorPolicy.deadLetter("dead-letters")))
                .consume("ledger", x -> {});
        p.consumer("dead-letters", Exec.virtualThreads(2), dead::add);

        RunReport report = assertConserved(p.run());

        assertThat(report.deadLettered()).isEqualTo(5);
        assertThat(report.consumed())
                .as("dead letters do not count as consumed")
                .isEqualTo(45);
        assertThat(report.stage("dead-letters").operation()).isEqualTo("dead-letter");
        assertThat(dead).hasSize(5).allSatisfy(d -> {
            assertThat(d.stage()).isEqualTo("charge");
            assertThat(d.attempts()).isEqualTo(3);
            assertThat(d.error()).isInstanceOf(UncheckedIOException.class);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void aPipelineDefaultAppliesToEveryStageThatSetsNone(Exec exec) {
        Pipeline p = Pipeline.create("pay");
        p.config().errorPolicy(ErrorPolicy.skip());
        p.producer("read", payments(30))
                .map("charge", exec, flakyCharge(1, new ConcurrentHashMap<>()))
                .consume("ledger", x -> {});

        RunReport report = assertConserved(p.run());

        assertThat(report.failed()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void retriesNeverReorderOrDuplicateItemsAtTheSink(Exec placement) {
        // One context for the retried stage keeps order; the processor emits before it throws,
        // and what a failed attempt emitted must never reach the sink.
        Exec exec = placement.kind() == ContextKind.INLINE
                ? placement
                : new Exec(placement.kind(), 1, 1, placement.queueSize(), 0);
        Pipeline p = Pipeline.create("pay");
        Map<Integer, AtomicInteger> tries = new ConcurrentHashMap<>();
        List<Integer> sink = Collections.synchronizedList(new ArrayList<>());
        p.producer("read", payments(200))
                .process("enrich", exec, (Payment x, Emitter<Integer> out) -> {
                    out.emit(x.id()); // emitted, then the call fails
                    if (x.id() % 7 == 0
                            && tries.computeIfAbsent(x.id(), id -> new AtomicInteger())
                                            .incrementAndGet()
                                    < 3) {
                        throw new UncheckedIOException(new IOException("flaky"));
                    }
                })
                .onError(ErrorPolicy.retry(3, Duration.ZERO))
                .consume("sink", sink::add);

        RunReport report = assertConserved(p.run());

        assertThat(sink)
                .containsExactlyElementsOf(IntStream.range(0, 200).boxed().toList());
        assertThat(report.stage("enrich").retried()).isEqualTo(2L * 29);
    }

    @org.junit.jupiter.api.Test
    void aRetryBackoffInterruptedOutsideACancelFailsTheItemWithItsCause() {
        Pipeline p = Pipeline.create("pay");
        ConcurrentLinkedQueue<Payment> ledger = new ConcurrentLinkedQueue<>();
        p.producer("read", payments(10))
                .map("charge", Exec.threads(1), (Payment x) -> {
                    if (x.id() == 3) {
                        Thread.currentThread().interrupt(); // a client library that leaves the flag set
                        throw new IOException("connection reset");
                    }
                    return x;
                })
                .onError(ErrorPolicy.retry(3, Duration.ofMillis(10)).orElse(ErrorPolicy.skip()))
                .consume("ledger", ledger::add);

        Running running = p.start();
        assertThat(running.await(Duration.ofSeconds(30))).as("the run ended").isTrue();
        RunReport report = assertConserved(running.await());

        assertThat(report.stage("charge").failed()).isEqualTo(1);
        assertThat(report.stage("charge").cancelled()).isZero();
        assertThat(report.stage("charge").lastError())
                .hasValueSatisfying(m -> assertThat(m).contains("connection reset"));
        assertThat(ledger).hasSize(9);
    }
}
