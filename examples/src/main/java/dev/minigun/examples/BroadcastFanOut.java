package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Fan-out by broadcast, the default: every sensor reading goes to each of three independent
 * branches (an archive, an alarm check, per-sensor averages), each on a thread of its own so a slow
 * branch does not hold up the others' work. Use it when several consumers each need the whole
 * stream. Broadcast hands the same object to every branch, which is why the readings are immutable
 * records.
 */
public final class BroadcastFanOut {
    private BroadcastFanOut() {}

    /** One temperature reading, in tenths of a degree Celsius. */
    record Reading(String sensor, int minute, int tenthsCelsius) {}

    static final int ALARM_TENTHS = 300;

    static final List<Reading> READINGS = List.of(
            new Reading("boiler-room", 0, 281),
            new Reading("cold-store", 0, 32),
            new Reading("server-rack", 0, 287),
            new Reading("boiler-room", 1, 315),
            new Reading("cold-store", 1, 29),
            new Reading("server-rack", 1, 340),
            new Reading("boiler-room", 2, 256),
            new Reading("cold-store", 2, 33),
            new Reading("server-rack", 2, 279));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        LongAdder archived = new LongAdder();
        ConcurrentLinkedQueue<Reading> alarms = new ConcurrentLinkedQueue<>();
        Map<String, ConcurrentLinkedQueue<Integer>> bySensor = new ConcurrentSkipListMap<>();

        Pipeline p = Pipeline.create("sensors");
        Stage<Reading> readings = p.producer("poll", emitter -> READINGS.forEach(emitter::emit));
        // Three stages on one handle: three branches, each receiving every reading.
        readings.consume("archive", Exec.threads(1), r -> archived.increment());
        readings.filter("too-hot", Exec.threads(1), r -> r.tenthsCelsius() > ALARM_TENTHS)
                .consume("alarm", alarms::add);
        readings.consume(
                "averages",
                Exec.threads(1),
                r -> bySensor.computeIfAbsent(r.sensor(), s -> new ConcurrentLinkedQueue<>())
                        .add(r.tenthsCelsius()));

        RunReport report = p.run();

        out.printf("Broadcast %d readings to 3 branches:%n", report.produced());
        out.printf(
                "  archive   received %d, archived %d%n",
                report.stage("archive").in(), archived.sum());
        out.printf(
                "  too-hot   received %d, alarms %s%n",
                report.stage("too-hot").in(),
                alarms.stream()
                        .map(r -> r.sensor() + " at minute " + r.minute() + ": " + celsius(r.tenthsCelsius()))
                        .sorted()
                        .toList());
        out.printf(
                "  averages  received %d, %s%n",
                report.stage("averages").in(),
                bySensor.entrySet().stream()
                        .map(e -> e.getKey() + " " + celsius(average(e.getValue())))
                        .collect(Collectors.joining(", ")));
        out.printf(
                "The producer emitted %d readings and made %d deliveries%n",
                report.stage("poll").out(), report.stage("poll").delivered());
        return report;
    }

    private static int average(ConcurrentLinkedQueue<Integer> tenths) {
        return (int)
                Math.round(tenths.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    private static String celsius(int tenths) {
        return String.format(Locale.ROOT, "%.1f C", tenths / 10.0);
    }
}
