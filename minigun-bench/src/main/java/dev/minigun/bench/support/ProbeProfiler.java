package dev.minigun.bench.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof dev.minigun.bench.support.ProbeProfiler}) that adds what
 * {@link Probes} collected in an iteration to JMH's results, as secondary metrics: hop latency
 * percentiles in microseconds ({@code hop.p50} ... {@code hop.max}) and the heap after GC in MB
 * ({@code heap.afterGc}). Benchmarks that record neither get nothing added.
 */
public final class ProbeProfiler implements InternalProfiler {
    @Override
    public String getDescription() {
        return "Minigun bench probes: hop latency percentiles, heap after GC";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        Probes.clear();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH's own signature uses the raw Result type
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        List<Result<?>> results = new ArrayList<>();
        LatencyRecorder hop = Probes.hopLatency();
        if (hop.count() > 0) {
            results.add(micros("hop.p50", hop.percentile(0.50)));
            results.add(micros("hop.p90", hop.percentile(0.90)));
            results.add(micros("hop.p99", hop.percentile(0.99)));
            results.add(micros("hop.p99.9", hop.percentile(0.999)));
            results.add(new ScalarResult("hop.max", hop.max() / 1000.0, "us", AggregationPolicy.MAX));
        }
        double heap = Probes.heapAfterGcMb();
        if (!Double.isNaN(heap)) {
            results.add(new ScalarResult("heap.afterGc", heap, "MB", AggregationPolicy.AVG));
        }
        return results;
    }

    private static ScalarResult micros(String label, long nanos) {
        return new ScalarResult(label, nanos / 1000.0, "us", AggregationPolicy.AVG);
    }
}
