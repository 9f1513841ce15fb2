package dev.minigun.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmarks that failed in a JMH run, read from JMH's console output: JMH leaves a failed
 * benchmark out of its JSON file, so without this the report could only say "no result". For
 * each failure it keeps the first line of the exception, e.g. Reactor's
 * {@code OverflowException: Could not emit buffer due to lack of requests}.
 */
public final class JmhFailures {
    private final Map<String, String> byRun = new LinkedHashMap<>();

    private JmhFailures() {}

    /** No failures (no log was given). */
    public static JmhFailures none() {
        return new JmhFailures();
    }

    /** The failures in the lines of a JMH console log. */
    public static JmhFailures parse(List<String> log) {
        JmhFailures failures = new JmhFailures();
        String benchmark = null;
        Map<String, String> params = Map.of();
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            if (line.startsWith("# Benchmark: ")) {
                benchmark = line.substring("# Benchmark: ".length()).trim();
                params = Map.of();
            } else if (line.startsWith("# Parameters: (")) {
                params = params(line.substring("# Parameters: (".length(), line.lastIndexOf(')')));
            } else if (line.contains("<failure>") && benchmark != null) {
                String key = key(benchmark, params);
                if (!failures.byRun.containsKey(key)) {
                    failures.byRun.put(key, firstLineAfter(log, i));
                }
            }
        }
        return failures;
    }

    /** The failure of {@code benchmark} (full name) run with {@code params}, if it failed. */
    public Optional<String> of(String benchmark, Map<String, String> params) {
        return Optional.ofNullable(byRun.get(key(benchmark, params)));
    }

    private static String firstLineAfter(List<String> log, int i) {
        for (int j = i + 1; j < log.size(); j++) {
            String l = log.get(j).trim();
            if (!l.isEmpty()) {
                return l;
            }
        }
        return "(no message)";
    }

    private static Map<String, String> params(String list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return map;
    }

    private static String key(String benchmark, Map<String, String> params) {
        return benchmark + " " + new java.util.TreeMap<>(params);
    }
}
