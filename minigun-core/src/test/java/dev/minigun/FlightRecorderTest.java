package dev.minigun;

import static dev.minigun.testing.NoLoss.assertNothingLost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run recorded with the JDK's flight recorder can be read back event by event. */
class FlightRecorderTest {

    @Test
    void aRecordedRunHasItsRunSamplesAndFailures(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run.jfr");
        CountDownLatch sampled = new CountDownLatch(1);
        try (Recording recording = new Recording();
                jdk.jfr.consumer.RecordingStream live = new jdk.jfr.consumer.RecordingStream()) {
            live.enable("dev.minigun.StageSample").withPeriod(Duration.ofMillis(20));
            live.onEvent("dev.minigun.StageSample", e -> {
                if (e.getString("pipeline").equals("recorded")) {
                    sampled.countDown();
                }
            });
            live.startAsync();
            recording.enable("dev.minigun.Run");
            recording.enable("dev.minigun.StageFailure");
            recording.enable("dev.minigun.StageSample").withPeriod(Duration.ofMillis(20));
            recording.start();

            Pipeline p = Pipeline.create("recorded");
            p.producer("read", (Emitter<Integer> out) -> {
                        for (int i = 0; i < 100; i++) {
                            out.emit(i);
                        }
                        // keep the run alive until the recorder has taken a periodic sample of it
                        if (!sampled.await(30, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("no periodic sample in 30 s");
                        }
                    })
                    .map("check", i -> {
                        if (i == 13) {
                            throw new IllegalArgumentException("unlucky");
                        }
                        return i;
                    })
                    .onError(ErrorPolicy.skip())
                    .consume("store", Exec.threads(1), i -> {});
            assertNothingLost(p.run());

            PipelineException failed = assertThrows(PipelineException.class, () -> {
                Pipeline q = Pipeline.create("broken");
                q.producer("read", (Emitter<Integer> out) -> out.emit(1)).consume("store", i -> {
                    throw new IllegalStateException("disk full");
                });
                q.run();
            });
            assertThat(failed.stage()).contains("store");

            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> runs = named(events, "dev.minigun.Run");
        assertThat(runs)
                .extracting(e -> e.getString("pipeline") + " " + e.getString("outcome"))
                .containsExactlyInAnyOrder("recorded completed", "broken failed");
        RecordedEvent recorded = runs.stream()
                .filter(e -> e.getString("pipeline").equals("recorded"))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.getLong("produced")).isEqualTo(100);
        assertThat(recorded.getLong("consumed")).isEqualTo(99);
        assertThat(recorded.getDuration()).isPositive();
        assertThat(named(events, "dev.minigun.StageFailure"))
                .extracting(e -> e.getString("stage") + ": " + e.getString("exception"))
                .contains("check: java.lang.IllegalArgumentException", "store: java.lang.IllegalStateException");
        assertThat(named(events, "dev.minigun.StageSample"))
                .as("periodic samples of the recorded run's stages")
                .extracting(e -> e.getString("stage"))
                .contains("read", "check", "store");
    }

    static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }
}
