package dev.minigun.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarksReportTest {
    /** One JMH entry in the shape JMH 1.37 writes, with the metrics the report reads. */
    private static String entry(
            String benchmark, String params, double runsPerSecond, double itemsPerSecond, String extra) {
        return """
                {
                    "jmhVersion" : "1.37", "benchmark" : "dev.minigun.bench.%s", "mode" : "thrpt",
                    "threads" : 1, "forks" : 1, "jvm" : "/jdk/bin/java", "jvmArgs" : [ "-Xmx1g" ],
                    "jdkVersion" : "25.0.3", "vmName" : "OpenJDK 64-Bit Server VM", "vmVersion" : "25.0.3+9-LTS",
                    "params" : { %s },
                    "primaryMetric" : { "score" : %s, "scoreError" : "NaN", "scoreUnit" : "ops/s", "rawData" : [ [ %s ] ] },
                    "secondaryMetrics" : {
                        "items" : { "score" : %s, "scoreError" : %s, "scoreUnit" : "ops/s", "rawData" : [ [ %s ] ] },
                        "gc.alloc.rate.norm" : { "score" : 16000000.0, "scoreError" : "NaN", "scoreUnit" : "B/op", "rawData" : [ [ 1.6E7 ] ] }
                        %s
                    }
                }
                """.formatted(
                        benchmark,
                        params,
                        runsPerSecond,
                        runsPerSecond,
                        itemsPerSecond,
                        itemsPerSecond / 10,
                        itemsPerSecond,
                        extra);
    }

    private static String report(String... entries) {
        return report(JmhFailures.none(), entries);
    }

    private static String report(JmhFailures failures, String... entries) {
        List<JmhResult> results = JmhResult.parseAll("[" + String.join(",", entries) + "]");
        return new BenchmarksReport(results, failures, Map.of("profile", "short", "command", "bin/bench")).render();
    }

    @Test
    void givesMinigunsRatioToEveryPeerOfTheSameRunAndParameters() {
        String md = report(
                entry("P2AsyncHop.minigun", "\"cost\" : \"0\", \"items\" : \"1000000\"", 2.0, 2.0e6, ""),
                entry("P2AsyncHop.reactorPublishOn", "\"cost\" : \"0\", \"items\" : \"1000000\"", 4.0, 4.0e6, ""),
                entry("P2AsyncHop.disruptorBlocking", "\"cost\" : \"0\", \"items\" : \"1000000\"", 1.0, 1.0e6, ""));

        assertThat(md)
                .contains("| P2 | ≥ 2× Reactor publishOn | cost=0 | 2.00 M | 4.00 M | 0.50× | **no** |")
                .contains("| P2 | ≥ 1× Disruptor blocking | cost=0 | 2.00 M | 1.00 M | 2.00× | yes |")
                .contains("**cost 0 tokens (none), 1,000,000 items per run**")
                .contains("| Minigun (threads(1) sink) | 2.00 M | ±10 % | 16.0 | — |")
                .contains("| Reactor subscribeOn + publishOn | 4.00 M | ±10 % | 16.0 | 0.50× |")
                .contains("| P1 | ≥ 0.5× plain loop |  | — | — | — | not measured |")
                .contains("25.0.3 (OpenJDK 64-Bit Server VM 25.0.3+9-LTS)");
    }

    @Test
    void givesP4AsAShareOfTheIdealAndChecksP7sHeap() {
        String p7Heap =
                ", \"heap.afterGc\" : { \"score\" : 3.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"MB\", \"rawData\" : [ [ 2.9, 3.0, 3.1 ] ] }";
        String md = report(
                entry("P4BlockingIo.minigun", "\"cost\" : \"0\", \"items\" : \"10000\"", 9.0, 90_000, ""),
                entry("P4BlockingIo.mapConcurrent", "\"cost\" : \"0\", \"items\" : \"10000\"", 9.5, 95_000, ""),
                entry("P7BoundedHeap.minigun", "\"items\" : \"10000000\"", 0.2, 2.0e6, p7Heap));

        assertThat(md)
                .contains("| P4 | ≥ 95 % of ideal | cost=0 | 90.0 k | 100.0 k | 90.0 % | **no** |")
                .contains("| P4 | ≥ Gatherers.mapConcurrent | cost=0 | 90.0 k | 95.0 k | 0.95× | **no** |")
                .contains("| P7 | completes under -Xmx64m |  | 2.00 M |  |  | yes |")
                .contains("| P7 | heap after GC flat |  |  |  | 2.9, 3.0, 3.1 MB (spread 0.2 MB) | yes |");
    }

    @Test
    void givesTheProcessHopAsARatioToThreadsAndTheWorkerStartInMilliseconds() {
        String params = "\"items\" : \"1000000\"";
        String workerStart = entry("ProcessWorkerStart.processes1", "", 2.5, 0, "")
                .replace("\"mode\" : \"thrpt\"", "\"mode\" : \"avgt\"")
                .replace("\"score\" : 2.5,", "\"score\" : 400.0,");
        String threadStart =
                entry("ProcessWorkerStart.threads1", "", 2.5, 0, "").replace("\"score\" : 2.5,", "\"score\" : 1.5,");
        String md = report(
                entry("ProcessHop.processes2", params, 0.2, 2.0e5, ""),
                entry("ProcessHop.threads2", params, 2.0, 2.0e6, ""),
                workerStart,
                threadStart);

        assertThat(md)
                .contains("## Process hop: producer → map on `Exec.processes(2)` → consumer, small records")
                .contains("**1,000,000 items per run**")
                .contains("| map on processes(2) | 200.0 k | ±10 % | 16.0 | 0.10× |")
                .contains("| map on threads(2) | 2.00 M | ±10 % | 16.0 | — |")
                .contains("## Worker start: one item through a map on `Exec.processes(1)`, run to end")
                .contains("| map on processes(1) | 400.0 |")
                .contains("| map on threads(1) | 1.50 |")
                .contains("A worker's life from spawn to exit, one item included: **398.5 ms**");
    }

    @Test
    void saysWhichPeerFailedAndWhy() {
        JmhFailures failures = JmhFailures.parse(List.of(
                "# Benchmark: dev.minigun.bench.P3Batching.reactorBufferTimeout",
                "# Parameters: (batch = 100, cost = 0, items = 1000000)",
                "",
                "# Warmup Iteration   1: <failure>",
                "",
                "reactor.core.Exceptions$OverflowException: Could not emit buffer due to lack of requests",
                "\tat reactor.core.Exceptions.failWithOverflow(Exceptions.java:251)"));
        String params = "\"batch\" : \"100\", \"cost\" : \"0\", \"items\" : \"1000000\"";

        String md = report(failures, entry("P3Batching.minigun", params, 4.0, 4.0e6, ""));

        String why = "reactor.core.Exceptions$OverflowException: Could not emit buffer due to lack of requests";
        assertThat(md)
                .contains("| P3 | ≥ 2× Reactor bufferTimeout | batch=100, cost=0 | 4.00 M | — | — | peer failed: `"
                        + why + "` |")
                .contains("| Reactor bufferTimeout + publishOn | **failed** |  |  | — |")
                .contains("Failed, Reactor bufferTimeout + publishOn: `" + why + "`")
                .contains(
                        "| P3 | ≥ 2× Reactor bufferTimeout (fair backpressure) | batch=100, cost=0 | 4.00 M | — | — | no result |");
    }
}
