package dev.minigun.examples;

import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Fan-in: orders from two independent sources, the web shop and the shops' tills, each read by a
 * producer of its own, merged into one stream that a single ledger consumes. Use it when several
 * sources feed the same processing; the merged stage ends only once both producers have finished
 * and everything they emitted has been consumed.
 */
public final class Merge {
    private Merge() {}

    /** A sale, from whichever channel. */
    record Sale(String id, String channel, long cents) {}

    static final List<Sale> WEB = List.of(
            new Sale("W-501", "web", 2599),
            new Sale("W-502", "web", 1099),
            new Sale("W-503", "web", 8450),
            new Sale("W-504", "web", 300));

    static final List<Sale> TILLS =
            List.of(new Sale("T-7001", "till", 450), new Sale("T-7002", "till", 1275), new Sale("T-7003", "till", 999));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Sale> ledger = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("sales");
        Stage<Sale> web = p.producer("web-shop", emitter -> WEB.forEach(emitter::emit));
        Stage<Sale> tills = p.producer("tills", emitter -> TILLS.forEach(emitter::emit));
        p.merge("all-sales", web, tills).consume("ledger", ledger::add);

        RunReport report = p.run();

        out.printf(
                "web-shop produced %d, tills produced %d%n",
                report.stage("web-shop").out(), report.stage("tills").out());
        out.printf(
                "Ledger booked %d sales, %d cents in total:%n",
                ledger.size(), ledger.stream().mapToLong(Sale::cents).sum());
        out.printf("  %s%n", ledger.stream().map(Sale::id).sorted().toList());
        return report;
    }
}
