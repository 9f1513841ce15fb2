package dev.minigun.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of JMH's JSON result file: a benchmark method run with one set of parameters, with its
 * primary score and the secondary metrics (items/s, allocation, probes) measured alongside.
 *
 * @param benchmark the benchmark's full name, {@code package.Class.method}
 * @param mode JMH's mode ({@code thrpt}, {@code avgt}, ...)
 * @param params the {@code @Param} values of this run
 * @param primary the primary metric
 * @param secondary the secondary metrics by label
 * @param jdk the JDK version JMH ran the fork on
 * @param vm the VM's name and version
 * @param jvmArgs the fork's JVM arguments
 */
public record JmhResult(
        String benchmark,
        String mode,
        Map<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        String jdk,
        String vm,
        List<String> jvmArgs) {

    /**
     * One metric: its mean over the measurement iterations, the half-width of JMH's 99.9 % interval
     * ({@code NaN} when there were too few iterations), its unit, and every iteration's value.
     *
     * @param score the mean
     * @param error the half-width of the 99.9 % confidence interval
     * @param unit the unit
     * @param raw the value of every measurement iteration of every fork
     */
    public record Metric(double score, double error, String unit, List<Double> raw) {}

    /** The benchmark class's simple name, e.g. {@code P1FusedChain}. */
    public String benchmarkClass() {
        String[] parts = benchmark.split("\\.");
        return parts[parts.length - 2];
    }

    /** The benchmark method, e.g. {@code minigun}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Items per second, from the {@code items} counter; NaN when the benchmark counts none. */
    public double itemsPerSecond() {
        Metric items = secondary.get("items");
        return items == null ? Double.NaN : items.score();
    }

    /** Bytes allocated per item (from {@code -prof gc}); NaN without the profiler or without items. */
    public double bytesPerItem() {
        Metric norm = secondary.get("gc.alloc.rate.norm");
        double itemsPerOp = itemsPerSecond() / primary.score();
        return norm == null || !(itemsPerOp > 0) ? Double.NaN : norm.score() / itemsPerOp;
    }

    /** Reads every entry of a JMH JSON result file's text. */
    @SuppressWarnings("unchecked")
    public static List<JmhResult> parseAll(String json) {
        List<Object> entries = (List<Object>) Json.parse(json);
        return entries.stream().map(e -> of((Map<String, Object>) e)).toList();
    }

    @SuppressWarnings("unchecked")
    private static JmhResult of(Map<String, Object> e) {
        Map<String, String> params = new LinkedHashMap<>();
        Object p = e.get("params");
        if (p instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), String.valueOf(v)));
        }
        Map<String, Metric> secondary = new LinkedHashMap<>();
        Object s = e.get("secondaryMetrics");
        if (s instanceof Map<?, ?> m) {
            m.forEach((k, v) -> secondary.put(String.valueOf(k), metric((Map<String, Object>) v)));
        }
        List<String> jvmArgs = e.get("jvmArgs") instanceof List<?> l
                ? l.stream().map(String::valueOf).toList()
                : List.of();
        return new JmhResult(
                (String) e.get("benchmark"),
                (String) e.get("mode"),
                params,
                metric((Map<String, Object>) e.get("primaryMetric")),
                secondary,
                String.valueOf(e.get("jdkVersion")),
                e.get("vmName") + " " + e.get("vmVersion"),
                jvmArgs);
    }

    private static Metric metric(Map<String, Object> m) {
        List<Double> raw = new java.util.ArrayList<>();
        if (m.get("rawData") instanceof List<?> forks) {
            for (Object fork : forks) {
                if (fork instanceof List<?> values) {
                    for (Object v : values) {
                        raw.add(number(v));
                    }
                }
            }
        }
        return new Metric(number(m.get("score")), number(m.get("scoreError")), String.valueOf(m.get("scoreUnit")), raw);
    }

    private static double number(Object o) {
        if (o instanceof Double d) {
            return d;
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
