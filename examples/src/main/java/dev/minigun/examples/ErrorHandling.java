package dev.minigun.examples;

import dev.minigun.DeadLetter;
import dev.minigun.ErrorPolicy;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a stage does when its code throws, one policy per run over the same payments: the default
 * {@code failFast} stops everything and names the stage and the item; {@code skip} counts the
 * failures and goes on; {@code retry} tries a flaky payment gateway again with backoff, only on I/O
 * errors, and sends what still fails to a dead-letter stage. Hooks frame each run. Pick the policy
 * per stage: a card that is invalid will not become valid on the third try, a timeout might.
 */
public final class ErrorHandling {
    private ErrorHandling() {}

    /** A payment to charge. */
    record Payment(String id, String card, long cents) {}

    static final List<Payment> PAYMENTS = List.of(
            new Payment("P-1", "4111-1111", 2500),
            new Payment("P-2", "4000-0002", 990), // the gateway times out twice, then accepts
            new Payment("P-3", "BAD-CARD", 1200), // rejected: invalid card
            new Payment("P-4", "4000-0004", 4100), // the gateway is down for this one
            new Payment("P-5", "4111-1111", 700));

    public static void main(String[] args) {
        run(System.out);
    }

    /** The payment gateway: flaky for P-2, down for P-4, strict about card numbers. */
    static Payment charge(Payment p, Map<String, AtomicInteger> calls) throws IOException {
        int call = calls.computeIfAbsent(p.id(), id -> new AtomicInteger()).incrementAndGet();
        if (p.card().startsWith("BAD")) {
            throw new IllegalArgumentException("invalid card " + p.card());
        }
        if (p.id().equals("P-4") || (p.id().equals("P-2") && call <= 2)) {
            throw new IOException("gateway timeout (call " + call + ")");
        }
        return p;
    }

    static Pipeline payments(String name, ErrorPolicy policy, List<String> charged, Map<String, AtomicInteger> calls) {
        Pipeline p = Pipeline.create(name);
        Stage<Payment> read = p.producer("read", out -> PAYMENTS.forEach(out::emit));
        read.map("charge", Exec.threads(1), (Payment x) -> charge(x, calls))
                .onError(policy)
                .consume("ledger", x -> charged.add(x.id()));
        return p;
    }

    static RunReport run(PrintStream out) {
        out.println("failFast (the default):");
        try {
            payments("pay-fail-fast", ErrorPolicy.failFast(), syncList(), new ConcurrentHashMap<>())
                    .run();
        } catch (PipelineException e) {
            out.println("  " + e.getMessage().replaceAll(" \\(call \\d\\)", ""));
        }

        out.println("skip:");
        List<String> charged = syncList();
        RunReport skipped = payments("pay-skip", ErrorPolicy.skip(), charged, new ConcurrentHashMap<>())
                .run();
        out.printf("  charged %s, failed %d%n", sorted(charged), skipped.failed());

        out.println("retry 3 times on IOException, then dead-letter:");
        List<String> journal = syncList();
        List<String> dead = syncList();
        charged = syncList();
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Pipeline p = payments(
                "pay-retry",
                ErrorPolicy.retry(3, Duration.ofMillis(5))
                        .on(IOException.class)
                        .orElse(ErrorPolicy.deadLetter("manual-review")),
                charged,
                calls);
        p.consumer(
                "manual-review",
                (DeadLetter d) -> dead.add(((Payment) d.item()).id() + " after " + d.attempts() + " attempt(s): "
                        + d.error().getMessage().replaceAll(" \\(call \\d\\)", "")));
        p.beforeRun(() -> journal.add("beforeRun"));
        p.afterRun(report -> journal.add("afterRun " + report.outcome()));
        RunReport report = p.run();
        out.printf("  charged %s%n", sorted(charged));
        sorted(dead).forEach(d -> out.println("  dead letter: " + d));
        out.printf(
                "  retried %d, dead-lettered %d, consumed %d; hooks %s%n",
                report.retried(), report.deadLettered(), report.consumed(), journal);
        return report;
    }

    private static List<String> syncList() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    private static List<String> sorted(List<String> list) {
        synchronized (list) {
            return list.stream().sorted().toList();
        }
    }
}
