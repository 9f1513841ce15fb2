package dev.minigun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Proves that every benchmark class runs: each of its benchmarks, in this JVM (no fork), for one
 * measurement of 100 ms on few items and no per-item cost, produces a result (the process
 * benchmarks start real worker JVMs, and leave none behind). It measures nothing; {@code bin/bench}
 * does.
 */
class BenchmarksSmokeTest {
    private static String ignoreLockBefore;

    /**
     * JMH refuses to start while another JMH run holds its machine-wide lock file (someone running
     * {@code bin/bench} beside the build, say). That lock keeps measurements apart; these runs
     * measure nothing, so they go on regardless.
     */
    @BeforeAll
    static void runBesideOtherBenchmarks() {
        ignoreLockBefore = System.setProperty("jmh.ignoreLock", "true");
    }

    @AfterAll
    static void putTheLockSettingBack() {
        if (ignoreLockBefore == null) {
            System.clearProperty("jmh.ignoreLock");
        } else {
            System.setProperty("jmh.ignoreLock", ignoreLockBefore);
        }
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                P1FusedChain.class,
                P2AsyncHop.class,
                P2HopLatency.class,
                P3Batching.class,
                P4BlockingIo.class,
                P5FanOutFanIn.class,
                P6CpuScaling.class,
                P7BoundedHeap.class,
                ProcessHop.class,
                ProcessWorkerStart.class,
                StatsCost.class,
                HistogramCost.class,
                ClusterScaling.class,
                AdaptivePoolScaling.class,
                Calibration.class
            })
    void everyBenchmarkOfTheClassRunsOneShortIteration(Class<?> benchmarks) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarks.getName()) + "\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("items", "2000")
                .param("cost", "0")
                .param("tokens", "500")
                .param("members", "1")
                .param("burst", "20")
                .param("trickle", "5")
                .addProfiler(dev.minigun.bench.support.ProbeProfiler.class)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true)
                .build();

        Collection<RunResult> results = new Runner(options).run();

        assertThat(results).hasSize(benchmarkMethods(benchmarks) * combinationsOfUnsetParams(benchmarks));
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            assertThat(result.getPrimaryResult().getScore()).as(name).isPositive();
            var secondary = result.getSecondaryResults();
            if (benchmarks != Calibration.class && benchmarks != ProcessWorkerStart.class) {
                assertThat(secondary.get("items").getScore())
                        .as(name + " items/s")
                        .isPositive();
            }
            if (benchmarks == P2HopLatency.class) {
                assertThat(secondary).as(name).containsKeys("hop.p50", "hop.p99", "hop.max");
            }
            if (benchmarks == P7BoundedHeap.class) {
                assertThat(secondary.get("heap.afterGc").getScore()).as(name).isPositive();
            }
        }
        assertThat(ProcessHandle.current()
                        .descendants()
                        .filter(ProcessHandle::isAlive)
                        .map(h -> h.info().commandLine().orElse("?"))
                        .filter(c -> c.contains("dev.minigun.process.WorkerMain")))
                .as("worker processes left behind")
                .isEmpty();
        assertThat(System.getProperty("minigun.process.jvmOptions"))
                .as("the worker JVM options a trial set are put back")
                .isNull();
    }

    private static int benchmarkMethods(Class<?> benchmarks) {
        int n = 0;
        for (var m : benchmarks.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Benchmark.class)) {
                n++;
            }
        }
        return n;
    }

    /** Parameters this test sets take one value; every other {@code @Param} runs each of its defaults. */
    private static int combinationsOfUnsetParams(Class<?> benchmarks) {
        int n = 1;
        for (var f : benchmarks.getDeclaredFields()) {
            Param param = f.getAnnotation(Param.class);
            if (param != null && !SET_HERE.contains(f.getName())) {
                n *= param.value().length;
            }
        }
        return n;
    }

    private static final java.util.Set<String> SET_HERE =
            java.util.Set.of("items", "cost", "tokens", "members", "burst", "trickle");
}
