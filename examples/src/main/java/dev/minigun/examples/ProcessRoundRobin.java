package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.Routing;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;

/**
 * Round-robin over three stages that each run in a worker process of their own: 30 jobs are dealt
 * out in turn, so each worker gets exactly ten. Three process stages need
 * {@code config().maxProcesses(3)} at least: the limit is global for the pipeline.
 */
public final class ProcessRoundRobin {
    private ProcessRoundRobin() {}

    static final List<String> WORKERS = List.of("worker-a", "worker-b", "worker-c");

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        Pipeline p = Pipeline.create("deal");
        p.config().maxProcesses(3);
        Stage<Integer> jobs = p.producer("jobs", emitter -> {
            for (int i = 1; i <= 30; i++) {
                emitter.emit(i);
            }
        });
        jobs.routing(Routing.roundRobin());
        for (String worker : WORKERS) {
            jobs.map(worker, Exec.processes(1), (Integer job) -> job * 10).consume(worker + "-done", r -> {});
        }

        RunReport report = p.run();

        out.printf("Dealt %d jobs round-robin to %d worker processes:%n", report.produced(), WORKERS.size());
        for (String worker : WORKERS) {
            out.printf("  %s ran %d%n", worker, report.stage(worker).completed());
        }
        return report;
    }
}
