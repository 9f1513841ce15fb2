package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static dev.minigun.testing.ThreadCensus.alive;
import static dev.minigun.testing.ThreadCensus.minigunThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailFastTest {
    record Row(int id, String text) {}

    static Source<Row> rows(int n) {
        return out -> {
            for (int i = 0; i < n; i++) {
                out.emit(new Row(i, "row " + i));
            }
        };
    }

    @Test
    void anExceptionInAStageCancelsTheRunAndNamesTheStage() {
        Pipeline p = Pipeline.create("import");
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        IllegalStateException boom = new IllegalStateException("bad row");
        p.producer("read", rows(1_000_000))
                .map("parse", Exec.threads(2), r -> {
                    seen.add(Thread.currentThread());
                    if (r.id() == 500) {
                        throw boom;
                    }
                    return r;
                })
                .consume("store", Exec.virtualThreads(4), r -> seen.add(Thread.currentThread()));

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("parse");
        assertThat(e.getMessage())
                .isEqualTo("pipeline 'import': stage 'parse' failed on item Row[id=500, text=row 500]: "
                        + "java.lang.IllegalStateException: bad row");
        assertThat(e.getCause()).isSameAs(boom);
        RunReport report = assertNothingLost(e.report().orElseThrow());
        assertThat(report.outcome()).isEqualTo("failed");
        assertThat(report.stage("parse").failed()).isEqualTo(1);
        assertThat(report.produced()).as("the producer was stopped early").isLessThan(1_000_000);
        assertThat(minigunThreads()).isEmpty();
        assertThat(alive(seen)).isEmpty();
    }

    @Test
    void aProducerThatThrowsFailsTheRunNamingTheProducer() {
        Pipeline p = Pipeline.create("import");
        p.producer("read", (Emitter<Row> out) -> {
                    out.emit(new Row(1, "ok"));
                    throw new java.io.UncheckedIOException(new java.io.IOException("disk gone"));
                })
                .consume("store", Exec.threads(1), r -> {});

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("read");
        assertThat(e.getMessage())
                .isEqualTo(
                        "pipeline 'import': stage 'read' failed: java.io.UncheckedIOException: java.io.IOException: disk gone");
        assertNothingLost(e.report().orElseThrow());
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void stagesBlockedElsewhereAreInterruptedWhenOneFails() {
        Pipeline p = Pipeline.create("import");
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch slowStarted = new CountDownLatch(1);
        Stage<Row> read = p.producer("read", rows(10));
        read.consume("slow", Exec.virtualThreads(2), r -> {
            seen.add(Thread.currentThread());
            slowStarted.countDown();
            new CountDownLatch(1).await(60, TimeUnit.SECONDS); // a call that would hang for a minute
        });
        read.consume("strict", Exec.threads(1), r -> {
            seen.add(Thread.currentThread());
            slowStarted.await(30, TimeUnit.SECONDS);
            throw new IllegalArgumentException("no");
        });

        long start = System.nanoTime();
        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("strict");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        RunReport report = assertNothingLost(e.report().orElseThrow());
        assertThat(report.stage("slow").cancelled()).isPositive();
        assertThat(alive(seen)).isEmpty();
        assertThat(minigunThreads()).isEmpty();
    }

    @Test
    void aCancelPassingThroughDirectCallsKeepsEveryDeliveryAccountedFor() {
        for (int attempt = 0; attempt < 20; attempt++) {
            Pipeline p = Pipeline.create("direct");
            p.producer("read", rows(100_000))
                    .map("parse", r -> r)
                    .consume("store", Exec.threads(1).queueSize(1), r -> {
                        if (r.id() == 50) {
                            throw new IllegalStateException("boom");
                        }
                    });

            PipelineException e = assertThrows(PipelineException.class, p::run);

            assertNothingLost(e.report().orElseThrow());
        }
    }

    @Test
    void laterFailuresAreSuppressedUnderTheFirst() {
        Pipeline p = Pipeline.create("import");
        java.util.concurrent.atomic.AtomicInteger arrived = new java.util.concurrent.atomic.AtomicInteger();
        p.producer("read", rows(2)).consume("store", Exec.threads(2), r -> {
            // Both workers hold an item before either fails (a spin, deaf to the cancel's interrupt).
            arrived.incrementAndGet();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (arrived.get() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            throw new IllegalStateException("store down for " + r.id());
        });

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.getCause()).hasMessageStartingWith("store down for ");
        assertThat(e.getSuppressed()).singleElement().satisfies(s -> {
            assertThat(s).hasMessageContaining("stage 'store' failed on item Row[");
            assertThat(s.getCause()).hasMessageStartingWith("store down for ").isNotSameAs(e.getCause());
        });
        assertThat(assertNothingLost(e.report().orElseThrow()).stage("store").failed())
                .isEqualTo(2);
    }

    @Test
    void skipCountsTheFailedItemAndGoesOn() {
        Pipeline p = Pipeline.create("import");
        p.producer("read", rows(100))
                .map("parse", r -> {
                    if (r.id() % 10 == 0) {
                        throw new IllegalStateException("bad " + r.id());
                    }
                    return r;
                })
                .onError(ErrorPolicy.skip())
                .consume("store", r -> {});

        RunReport report = dev.minigun.testing.NoLoss.assertConserved(p.run());

        assertThat(report.failed()).isEqualTo(10);
        assertThat(report.consumed()).isEqualTo(90);
    }
}
