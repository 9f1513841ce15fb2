package dev.minigun.bench.report;

import java.util.List;

/**
 * One of issue 7's targets: Minigun's items/s divided by a peer's (or by the ideal) must be at least
 * {@code atLeast}, in the same run, at the same parameters.
 *
 * @param workload the workload's id
 * @param benchmarkClass the benchmark class
 * @param ours Minigun's method
 * @param peer the peer's method, or {@link #IDEAL} for P4's ideal rate
 * @param atLeast the smallest ratio that meets the target
 * @param text the target as the issue states it
 */
public record Target(String workload, String benchmarkClass, String ours, String peer, double atLeast, String text) {
    /** The peer name that stands for P4's ideal: concurrency ÷ blocking time. */
    public static final String IDEAL = "ideal";

    /** Issue 7's ratio targets, in report order (P7's are checked apart: completion and a flat heap). */
    public static final List<Target> ALL = List.of(
            new Target("P1", "P1FusedChain", "minigun", "plainLoop", 0.5, "≥ 0.5× plain loop"),
            new Target("P1", "P1FusedChain", "minigun", "reactor", 1.5, "≥ 1.5× Reactor"),
            new Target("P2", "P2AsyncHop", "minigun", "reactorPublishOn", 2.0, "≥ 2× Reactor publishOn"),
            new Target("P2", "P2AsyncHop", "minigun", "disruptorBlocking", 1.0, "≥ 1× Disruptor blocking"),
            new Target("P3", "P3Batching", "minigun", "reactorBufferTimeout", 2.0, "≥ 2× Reactor bufferTimeout"),
            new Target(
                    "P3",
                    "P3Batching",
                    "minigun",
                    "reactorBufferTimeoutFair",
                    2.0,
                    "≥ 2× Reactor bufferTimeout (fair backpressure)"),
            new Target("P4", "P4BlockingIo", "minigun", IDEAL, 0.95, "≥ 95 % of ideal"),
            new Target("P4", "P4BlockingIo", "minigun", "mapConcurrent", 1.0, "≥ Gatherers.mapConcurrent"),
            new Target("P5", "P5FanOutFanIn", "minigun", "reactorParallel", 1.0, "≥ 1× Reactor parallel"),
            new Target(
                    "P6", "P6CpuScaling", "minigunThreads2", "minigunThreads1", 1.8, "threads(2) ≥ 1.8× threads(1)"));
}
