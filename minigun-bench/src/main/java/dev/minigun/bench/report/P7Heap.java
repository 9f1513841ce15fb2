package dev.minigun.bench.report;

import dev.minigun.bench.P7BoundedHeap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * P7's heap check read from a result: the heap in use after a full GC at the end of each measured
 * iteration, and whether it stayed flat (its spread at most {@link BenchmarksReport#FLAT_HEAP_SPREAD_MB}).
 *
 * @param afterGcMb the heap after GC of each measured iteration, in MB
 */
public record P7Heap(List<Double> afterGcMb) {
    /** The heap P7 runs in. */
    public static final String MAX_HEAP = P7BoundedHeap.MAX_HEAP;

    /** The check of {@code r}; empty when the run had no probe profiler. */
    public static P7Heap of(JmhResult r) {
        JmhResult.Metric m = r.secondary().get("heap.afterGc");
        return new P7Heap(m == null ? List.of() : m.raw());
    }

    /** Whether there are values and they stay within the allowed spread. */
    public boolean flat() {
        return !afterGcMb.isEmpty() && spread() <= BenchmarksReport.FLAT_HEAP_SPREAD_MB;
    }

    /** The largest value minus the smallest. */
    public double spread() {
        double max = afterGcMb.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        double min = afterGcMb.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        return max - min;
    }

    /** The values, e.g. {@code 3.1, 3.2, 3.1}. */
    public String perIteration() {
        return afterGcMb.isEmpty()
                ? "— (run with the probe profiler)"
                : afterGcMb.stream().map(v -> BenchmarksReport.fixed(v, 1)).collect(Collectors.joining(", "));
    }

    /** One line for the targets table. */
    public String summary() {
        return afterGcMb.isEmpty()
                ? "not measured"
                : perIteration() + " MB (spread " + BenchmarksReport.fixed(spread(), 1) + " MB)";
    }
}
