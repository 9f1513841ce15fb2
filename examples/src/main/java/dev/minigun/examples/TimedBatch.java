package dev.minigun.examples;

import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * A batch with a maximum wait: smart-meter readings are uploaded in batches of 5, but a reading
 * must not sit in a half-full batch for more than {@link #MAX_WAIT} while the meters are quiet. The
 * meters send a burst of 7 readings (one full batch, 2 left over) and then go quiet until the
 * upload of the 2 leftovers has happened; only the timer can flush them, so the quiet meter shows
 * that it does. A last burst of 3 is flushed at end of stream. Use {@code batch(size, maxWait)}
 * when the source is bursty and latency matters as well as bulk.
 */
public final class TimedBatch {
    private TimedBatch() {}

    /** The energy a meter measured in one interval. */
    record MeterReading(String meter, int seq, int wattHours) {}

    static final int BATCH_SIZE = 5;
    static final Duration MAX_WAIT = Duration.ofMillis(200);

    static final List<MeterReading> FIRST_BURST = readings(1, 7);
    static final List<MeterReading> LAST_BURST = readings(8, 10);

    private static List<MeterReading> readings(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> new MeterReading("meter-" + (char) ('a' + i % 3), i, 100 + 7 * i))
                .toList();
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        CountDownLatch partialUploaded = new CountDownLatch(1);
        AtomicBoolean meterWaited = new AtomicBoolean();
        ConcurrentLinkedQueue<List<Integer>> uploads = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("meters");
        Stage<MeterReading> readings = p.producer("meters", emitter -> {
            FIRST_BURST.forEach(emitter::emit);
            // Quiet until the uploader has received the leftovers: only the maxWait timer sends them.
            if (!partialUploaded.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(
                        "no partial batch within 10 s: the batch did not flush after " + MAX_WAIT);
            }
            meterWaited.set(true);
            LAST_BURST.forEach(emitter::emit);
        });
        readings.batch("batch", BATCH_SIZE, MAX_WAIT).consume("upload", batch -> {
            uploads.add(batch.stream().map(MeterReading::seq).toList());
            if (batch.size() < BATCH_SIZE) {
                partialUploaded.countDown();
            }
        });

        RunReport report = p.run();

        out.printf("Uploads, by reading number: %s%n", List.copyOf(uploads));
        out.printf(
                "The meters went quiet until the %d leftovers of the first burst were uploaded: %b%n",
                FIRST_BURST.size() % BATCH_SIZE, meterWaited.get());
        out.printf(
                "Report: batch received %d readings and emitted %d batches; upload consumed %d%n",
                report.stage("batch").in(),
                report.stage("batch").out(),
                report.stage("upload").completed());
        return report;
    }
}
