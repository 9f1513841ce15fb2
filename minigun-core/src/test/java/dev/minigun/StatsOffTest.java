package dev.minigun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * With statistics switched off ({@code -Dminigun.stats=off}, the baseline of benchmark {@code
 * StatsCost}), a run moves every item and fails as it should; only its report reads zero. The
 * switch is read when the JVM loads the core, so this runs in a JVM of its own (surefire's {@code
 * statistics-off} execution in this module's POM).
 */
@EnabledIfSystemProperty(named = "minigun.stats", matches = "off")
class StatsOffTest {

    @Test
    void everyItemStillArrivesAndTheReportReadsZero() {
        Pipeline p = Pipeline.create("uncounted");
        AtomicInteger stored = new AtomicInteger();
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 1000; i++) {
                        out.emit(i);
                    }
                })
                .map("double", i -> i * 2)
                .filter("quarter", i -> i % 4 == 0)
                .map("check", Exec.threads(2), i -> i)
                .batch("rows", 100)
                .consume("store", Exec.threads(1), (List<Integer> rows) -> stored.addAndGet(rows.size()));

        RunReport report = p.run();

        assertThat(stored).hasValue(500);
        assertThat(report.outcome()).isEqualTo("completed");
        assertThat(report.stages()).allSatisfy(s -> {
            assertThat(s.in()).as(s.name()).isZero();
            assertThat(s.out()).as(s.name()).isZero();
            assertThat(s.completed()).as(s.name()).isZero();
            assertThat(s.max()).as(s.name()).isZero();
        });
    }

    @Test
    void aFailureStillFailsTheRunAndNamesItsStage() {
        Pipeline p = Pipeline.create("uncounted-failure");
        p.producer("read", (Emitter<Integer> out) -> {
                    for (int i = 0; i < 100; i++) {
                        out.emit(i);
                    }
                })
                .map("parse", i -> {
                    if (i == 42) {
                        throw new IllegalArgumentException("bad row 42");
                    }
                    return i;
                })
                .consume("store", Exec.threads(1), i -> {});

        PipelineException e = assertThrows(PipelineException.class, p::run);

        assertThat(e.stage()).contains("parse");
        assertThat(e.getMessage()).contains("bad row 42");
        assertThat(e.report().orElseThrow().outcome()).isEqualTo("failed");
    }
}
