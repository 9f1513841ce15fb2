package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import dev.minigun.StageReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Backpressure: a fast producer of log events feeds a slow shipper (one thread, about a millisecond
 * per event, as a remote log store would take) through a queue of 10. When the queue is full the
 * producer's {@code emit} blocks until the shipper takes the next event, so memory stays bounded by
 * the queue however long the stream, and nothing is dropped. Use {@code queueSize} to bound the
 * memory in front of a slow stage; the report's peak queue depth shows the bound held.
 */
public final class Backpressure {
    private Backpressure() {}

    /** A structured log event. */
    record LogEvent(long seq, String service, String level, String message) {}

    static final int QUEUE = 10;
    static final int EVENTS = 200;
    static final List<String> SERVICES = List.of("api", "billing", "search", "auth");

    static final List<LogEvent> LOG = IntStream.rangeClosed(1, EVENTS)
            .mapToObj(i -> new LogEvent(
                    i, SERVICES.get(i % SERVICES.size()), i % 25 == 0 ? "WARN" : "INFO", "request " + i + " served"))
            .toList();

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<LogEvent> shipped = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("log-shipping");
        Stage<LogEvent> events = p.producer("tail", emitter -> LOG.forEach(emitter::emit));
        events.consume("ship", Exec.threads(1).queueSize(QUEUE), event -> {
            Thread.sleep(Duration.ofMillis(1)); // the simulated remote call: the slow part
            shipped.add(event);
        });

        out.printf(
                "Queue in front of ship, from the plan: %d%n",
                p.plan().placement("ship").queueSize());

        RunReport report = p.run();

        StageReport ship = report.stage("ship");
        out.printf("Peak queue depth within the bound of %d: %b%n", QUEUE, ship.peakQueued() <= QUEUE);
        out.printf("The queue filled up, so the producer waited for the shipper: %b%n", ship.peakQueued() == QUEUE);
        out.printf(
                "Shipped %d of %d events (%d warnings), none left queued: %b%n",
                shipped.size(),
                EVENTS,
                shipped.stream().filter(e -> e.level().equals("WARN")).count(),
                ship.queued() == 0);
        out.printf(
                "Every event shipped exactly once: %b%n",
                shipped.stream().mapToLong(LogEvent::seq).distinct().count() == EVENTS);
        return report;
    }
}
