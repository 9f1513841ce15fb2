package dev.minigun.bench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report knows about one benchmark class: the workload's id and title, one line on what
 * it measures, Minigun's method (the numerator of every ratio), and a label for every method in the
 * order of the table's rows.
 *
 * @param id the workload's id in issue 7 (P1 ... P7), or the name of a section of issue 5's process benchmarks
 * @param benchmarkClass the simple name of the benchmark class
 * @param title a short title
 * @param what what the workload does, in a sentence or two
 * @param ours the method measuring Minigun, against which every other row is a ratio
 * @param labels a readable name for every method, in row order
 */
public record Workload(
        String id, String benchmarkClass, String title, String what, String ours, Map<String, String> labels) {

    /** Every workload, in report order. */
    public static final List<Workload> ALL = List.of(
            new Workload(
                    "P1",
                    "P1FusedChain",
                    "Fused chain: source → map → filter → sink in one thread",
                    "Minigun's map, filter and sink have no `Exec`, so the plan colocates them with the producer"
                            + " (direct calls). The per-item cost is in the map; the filter keeps 3 items in 4.",
                    "minigun",
                    labels(
                            "minigun", "Minigun (colocated chain)",
                            "plainLoop", "plain loop, same lambdas",
                            "reactor", "Reactor Flux (fused)",
                            "rxjava", "RxJava Flowable",
                            "javaStream", "java.util.stream")),
            new Workload(
                    "P2",
                    "P2AsyncHop",
                    "One async hop: producer thread → consumer thread",
                    "Every engine hands each item from one thread to another through a buffer of 256; the"
                            + " consumer pays the per-item cost. Minigun: producer on its own thread, sink on"
                            + " `Exec.threads(1)`.",
                    "minigun",
                    labels(
                            "minigun", "Minigun (threads(1) sink)",
                            "reactorPublishOn", "Reactor subscribeOn + publishOn",
                            "rxjavaObserveOn", "RxJava subscribeOn + observeOn",
                            "pekkoAsync", "Pekko Streams async boundary",
                            "disruptorBlocking", "Disruptor 4, blocking wait",
                            "disruptorYielding", "Disruptor 4, yielding wait",
                            "arrayBlockingQueue", "ArrayBlockingQueue + thread")),
            new Workload(
                    "P2 latency",
                    "P2HopLatency",
                    "One async hop, one item in flight: latency percentiles",
                    "The same hops with one item in flight: the producer stamps an item, emits it and waits"
                            + " until the consumer has recorded its arrival. One-way time into an idle consumer,"
                            + " wake-up included; no per-item cost.",
                    "minigun",
                    labels(
                            "minigun", "Minigun (threads(1) sink)",
                            "reactorPublishOn", "Reactor subscribeOn + publishOn",
                            "rxjavaObserveOn", "RxJava subscribeOn + observeOn",
                            "pekkoAsync", "Pekko Streams async boundary",
                            "disruptorBlocking", "Disruptor 4, blocking wait",
                            "disruptorYielding", "Disruptor 4, yielding wait",
                            "arrayBlockingQueue", "ArrayBlockingQueue + thread")),
            new Workload(
                    "P3",
                    "P3Batching",
                    "Batching by size and time across a hop",
                    "Lists of `batch` items (or fewer after 10 ms) made on the producer's thread, handed to a"
                            + " consumer thread through a buffer of 256 lists; the consumer pays the per-item cost"
                            + " for every item.",
                    "minigun",
                    labels(
                            "minigun", "Minigun batch(size, 10 ms) + threads(1) sink",
                            "reactorBufferTimeout", "Reactor bufferTimeout + publishOn",
                            "reactorBufferTimeoutFair", "Reactor bufferTimeout(fair) + publishOn",
                            "pekkoGroupedWithin", "Pekko groupedWithin + async boundary")),
            new Workload(
                    "P4",
                    "P4BlockingIo",
                    "I/O-bound: 10,000 items × 10 ms blocking, 1,000 virtual threads",
                    "Each item sleeps 10 ms (a remote call) with 1,000 in flight on virtual threads; the ideal"
                            + " is 1,000 ÷ 10 ms = 100,000 items/s.",
                    "minigun",
                    labels(
                            "minigun", "Minigun virtualThreads(1000)",
                            "mapConcurrent", "Gatherers.mapConcurrent(1000)",
                            "virtualThreadExecutor", "virtual-thread executor + semaphore(1000)",
                            "sleepFloor", "no engine: 1,000 virtual threads sleeping in turn (the floor)")),
            new Workload(
                    "P5",
                    "P5FanOutFanIn",
                    "Fan-out 1 → 4 threads → fan-in",
                    "A map with the per-item cost on 4 worker threads between one source and one sink. Minigun:"
                            + " map on `Exec.threads(4)`, sink on its own thread.",
                    "minigun",
                    labels(
                            "minigun", "Minigun threads(4) → sink",
                            "reactorParallel", "Reactor parallel(4).runOn().sequential()",
                            "minigunInlineSink",
                                    "Minigun threads(4), sink `Exec.inline()` (thread-safe sink, no 2nd hop)")),
            new Workload(
                    "P6",
                    "P6CpuScaling",
                    "CPU-bound scaling: threads(2) vs threads(1)",
                    "A sink that burns the per-item cost, on `Exec.threads(1)` and on `Exec.threads(2)`; a"
                            + " single-threaded loop over the same sink for reference.",
                    "minigunThreads2",
                    labels(
                            "minigunThreads2", "Minigun threads(2)",
                            "minigunThreads1", "Minigun threads(1)",
                            "plainLoop", "plain loop, one thread")),
            new Workload(
                    "P7",
                    "P7BoundedHeap",
                    "10 million items, 3 threaded stages, -Xmx64m",
                    "Producer → map on `threads(1)` → sink on `threads(1)`, default queue sizes, items made as"
                            + " they go, in a 64 MB heap. It must complete; the heap left after a full GC at the"
                            + " end of each iteration must stay flat.",
                    "minigun",
                    labels("minigun", "Minigun")),
            new Workload(
                    "Process hop",
                    "ProcessHop",
                    "producer → map on `Exec.processes(2)` → consumer, small records",
                    "Records `(int, String, double)`, made before the measurement, through an identity map on two"
                            + " worker JVMs (JDK serialization over the workers' pipes, batches of up to 64) to a"
                            + " consumer in the parent; the same pipeline with the map on `Exec.threads(2)` for the"
                            + " ratio. Each run starts and stops its two workers (`-Xmx64m -XX:TieredStopAtLevel=1"
                            + " -Xshare:auto -XX:+UseSerialGC`); B/item is the parent's allocation only.",
                    "processes2",
                    labels(
                            "processes2", "map on processes(2)",
                            "threads2", "map on threads(2)")),
            new Workload(
                    "Worker start",
                    "ProcessWorkerStart",
                    "one item through a map on `Exec.processes(1)`, run to end",
                    "The mean time of a whole run over one item with the map in one worker JVM: preparing the"
                            + " stage, spawning the worker (same options as above), its boot, the item there and"
                            + " back, and the orderly stop until the worker has exited. The same run on"
                            + " `Exec.threads(1)` is the baseline; the difference is a worker's life from spawn to"
                            + " exit.",
                    "processes1",
                    labels(
                            "processes1", "map on processes(1)",
                            "threads1", "map on threads(1)")),
            new Workload(
                    "Stats cost",
                    "StatsCost",
                    "What the per-stage statistics cost when nobody reads them",
                    "The same pipeline counted (the default) and in a JVM started with `-Dminigun.stats=off`,"
                            + " where counters, latency histogram and busy-time clock compile away. `fused`: P1's"
                            + " colocated producer → map → filter → sink; `hop`: P2's producer → sink on"
                            + " `Exec.threads(1)`. No per-item cost.",
                    "counted",
                    labels(
                            "counted", "Minigun, statistics on (default)",
                            "uncounted", "Minigun, -Dminigun.stats=off")),
            new Workload(
                    "Histogram cost",
                    "HistogramCost",
                    "Recording one latency: the core's histogram and HdrHistogram",
                    "One latency recorded per item (100 ns to 10 ms, log-spread), one thread, one significant"
                            + " digit. A stage records one item in 256, so the per-item cost of each choice is a"
                            + " 256th of its time per record.",
                    "minigun",
                    labels(
                            "minigun", "Minigun LatencyHistogram",
                            "hdrRecorder", "HdrHistogram Recorder",
                            "hdrConcurrent", "HdrHistogram ConcurrentHistogram")),
            new Workload(
                    "calibration",
                    "Calibration",
                    "Per-item CPU cost",
                    "One call of `Blackhole.consumeCPU(tokens)` on this machine.",
                    "consumeCpu",
                    labels("consumeCpu", "consumeCPU")));

    /** The label of {@code method}, or the method's own name. */
    public String label(String method) {
        return labels.getOrDefault(method, method);
    }

    /** The workload measured by {@code benchmarkClass}, if the report knows it. */
    public static Optional<Workload> of(String benchmarkClass) {
        return ALL.stream().filter(w -> w.benchmarkClass.equals(benchmarkClass)).findFirst();
    }

    private static Map<String, String> labels(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
