package dev.minigun.examples;

import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

/**
 * Batching with a partial last batch: 95 invoice lines are written to the database in batches of
 * 10, as a bulk insert would want them. The stream does not divide evenly, so the batch stage emits
 * nine full batches and, at end of stream, one partial batch of the remaining five; it never emits
 * an empty batch and never drops the remainder. Use {@code batch(size)} in front of any sink that is
 * cheaper per item in bulk (SQL inserts, HTTP bulk APIs, file appends).
 */
public final class BatchPartialFlush {
    private BatchPartialFlush() {}

    /** One line of an invoice. */
    record InvoiceLine(String invoice, int line, String sku, int quantity) {}

    static final List<InvoiceLine> LINES = IntStream.range(0, 95)
            .mapToObj(i -> new InvoiceLine("INV-" + (2000 + i / 5), i % 5 + 1, "SKU-" + (100 + i % 17), 1 + i % 4))
            .toList();

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        // The writer has a single context, so batches arrive in the order they were filled.
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<InvoiceLine> written = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("invoices");
        Stage<InvoiceLine> lines = p.producer("lines", emitter -> LINES.forEach(emitter::emit));
        lines.batch("batch", 10).consume("bulk-insert", rows -> {
            sizes.add(rows.size());
            written.addAll(rows);
        });

        RunReport report = p.run();

        List<Integer> all = List.copyOf(sizes);
        out.printf("Batch sizes in order: %s%n", all);
        out.printf(
                "%d full batches of 10, %d partial batch of %d, %d empty batches%n",
                all.stream().filter(s -> s == 10).count(),
                all.stream().filter(s -> s > 0 && s < 10).count(),
                all.stream().filter(s -> s < 10).mapToInt(Integer::intValue).sum(),
                all.stream().filter(s -> s == 0).count());
        out.printf(
                "Wrote %d of %d invoice lines, total quantity %d%n",
                written.size(),
                LINES.size(),
                written.stream().mapToInt(InvoiceLine::quantity).sum());
        out.printf(
                "Report: batch received %d lines and emitted %d batches; bulk-insert consumed %d%n",
                report.stage("batch").in(),
                report.stage("batch").out(),
                report.stage("bulk-insert").completed());
        return report;
    }
}
