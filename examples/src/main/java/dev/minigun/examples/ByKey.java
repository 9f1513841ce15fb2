package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Routing;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Routing by key: payments are split over three shards by customer, so every payment of one
 * customer lands on the same shard. Each shard runs on a single thread and keeps its running totals
 * in a plain, unsynchronized map: per-key state without locks, and without one customer's totals
 * being split across shards. Use it whenever a branch aggregates or deduplicates per key.
 */
public final class ByKey {
    private ByKey() {}

    /** A card payment. */
    record Payment(String customer, long cents) {}

    static final List<String> SHARDS = List.of("shard-0", "shard-1", "shard-2");

    static final List<Payment> PAYMENTS = List.of(
            new Payment("alice", 1250),
            new Payment("bob", 4999),
            new Payment("carol", 799),
            new Payment("alice", 325),
            new Payment("dave", 12000),
            new Payment("erin", 199),
            new Payment("bob", 1500),
            new Payment("frank", 875),
            new Payment("carol", 2450),
            new Payment("ivan", 650),
            new Payment("alice", 100),
            new Payment("judy", 3300),
            new Payment("dave", 999),
            new Payment("erin", 4000));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        // One map per shard, touched only by that shard's single thread; run() returns after the
        // threads have ended, so reading the maps afterwards is safe.
        Map<String, Map<String, Long>> totals = new LinkedHashMap<>();
        SHARDS.forEach(s -> totals.put(s, new TreeMap<>()));

        Pipeline p = Pipeline.create("payments");
        Stage<Payment> payments = p.producer("payments", emitter -> PAYMENTS.forEach(emitter::emit));
        payments.routing(Routing.byKey(Payment::customer));
        for (String shard : SHARDS) {
            Map<String, Long> mine = totals.get(shard);
            payments.consume(shard, Exec.threads(1), pay -> mine.merge(pay.customer(), pay.cents(), Long::sum));
        }

        RunReport report = p.run();

        out.printf(
                "Routed %d payments of %d customers by customer to %d shards:%n",
                report.produced(),
                PAYMENTS.stream().map(Payment::customer).distinct().count(),
                SHARDS.size());
        Set<String> seen = new HashSet<>();
        boolean exclusive = true;
        for (String shard : SHARDS) {
            Map<String, Long> mine = totals.get(shard);
            out.printf(
                    "  %s: %s%n",
                    shard,
                    mine.entrySet().stream()
                            .map(e -> e.getKey() + " " + money(e.getValue()))
                            .collect(Collectors.joining(", ")));
            for (String customer : mine.keySet()) {
                exclusive &= seen.add(customer);
            }
        }
        out.printf("Each customer's payments all on one shard: %b%n", exclusive);
        return report;
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
    }
}
