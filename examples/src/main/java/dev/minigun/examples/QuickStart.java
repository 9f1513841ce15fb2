package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The shape of every Minigun pipeline in a dozen lines: a producer reads orders, a filter drops the
 * invalid ones, a pricing stage runs on virtual threads (where a real one would call a remote
 * pricing service), a batch groups the priced orders, and a consumer on two platform threads stores
 * each batch. Start here to see how stages are chained, how each one says where it runs, and how
 * the {@link RunReport} accounts for every order: produced, filtered and consumed. (The consumer
 * receives batches, so "consumed" counts lists; {@link TimedBatch} shows a batch that also flushes
 * on a timer.)
 */
public final class QuickStart {
    private QuickStart() {}

    /** An order as read from the shop's database. */
    record Order(String id, String customer, int quantity, long unitPriceCents) {
        boolean isValid() {
            return quantity > 0;
        }
    }

    /** An order with its total, ready to store. */
    record Priced(String orderId, String customer, int quantity, long totalCents) {}

    static final List<Order> ORDERS = List.of(
            new Order("A-1001", "alice", 2, 1250),
            new Order("A-1002", "bob", 1, 4999),
            new Order("A-1003", "carol", 0, 799),
            new Order("A-1004", "dave", 3, 325),
            new Order("A-1005", "erin", 1, 12000),
            new Order("A-1006", "frank", 5, 199),
            new Order("A-1007", "grace", -1, 1500),
            new Order("A-1008", "heidi", 4, 875),
            new Order("A-1009", "ivan", 2, 2450),
            new Order("A-1010", "judy", 1, 650),
            new Order("A-1011", "mallory", 6, 100),
            new Order("A-1012", "niaj", 2, 3300));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Priced> stored = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("orders");
        Stage<Order> read = p.producer("read", emitter -> ORDERS.forEach(emitter::emit));
        Stage<Order> valid = read.filter("valid", Order::isValid);
        Stage<Priced> price = valid.process(
                "price",
                Exec.virtualThreads(8),
                (order, emitter) -> emitter.emit(new Priced(
                        order.id(), order.customer(), order.quantity(), order.quantity() * order.unitPriceCents())));
        Stage<List<Priced>> batches = price.batch("batch", 4);
        batches.consume("store", Exec.threads(2), rows -> {
            batchSizes.add(rows.size());
            stored.addAll(rows);
        });

        RunReport report = p.run();

        out.printf("Stored %d priced orders in %d batches of at most 4:%n", stored.size(), batchSizes.size());
        stored.stream()
                .sorted(Comparator.comparing(Priced::orderId))
                .forEach(o -> out.printf(
                        "  %s  %-8s x%d  %s%n", o.orderId(), o.customer(), o.quantity(), money(o.totalCents())));
        out.printf(
                "Report: produced %d, filtered %d, consumed %d batches, failed %d%n",
                report.produced(), report.filtered(), report.consumed(), report.failed());
        return report;
    }

    static String money(long cents) {
        return String.format(Locale.ROOT, "%8d.%02d", cents / 100, cents % 100);
    }
}
