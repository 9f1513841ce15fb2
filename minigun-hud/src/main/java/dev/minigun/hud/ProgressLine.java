package dev.minigun.hud;

import dev.minigun.RunReport;
import dev.minigun.StageReport;
import dev.minigun.execution.ExecutionPlan;
import dev.minigun.execution.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * The HUD for an output that is not a terminal (a log file, a pipe, CI): one plain ASCII line per
 * report, with the run's state, progress and ETA when a producer declared its size, the error count,
 * and each stage's current rate and queue fill. {@link Hud} prints one every few seconds.
 *
 * <pre>
 * minigun jdk-census: running 12.3 s, 7,168 of 15,224 produced (47%), ETA 13 s, 1,412 queued, 0 errors | read 1,204/s | parse 980/s q 412/1024 | ...
 * </pre>
 */
public final class ProgressLine {
    private ProgressLine() {}

    /** The line for {@code report}; queue capacities come from {@code plan}. */
    public static String format(ExecutionPlan plan, RunReport report) {
        List<String> head = new ArrayList<>();
        head.add(report.outcome() + " " + Format.elapsed(report.elapsed()));
        var progress = Format.Progress.of(report);
        if (progress.isPresent()) {
            var p = progress.get();
            head.add(Format.count(p.done()) + " of " + Format.count(p.total()) + " produced ("
                    + Format.percent(p.done(), p.total()) + ")");
            var eta = p.etaSeconds();
            if (eta.isPresent() && report.outcome().equals("running")) {
                head.add("ETA " + Format.eta(eta.getAsDouble()));
            }
        } else {
            head.add(Format.count(report.produced()) + " produced");
        }
        long queued = Format.queued(report);
        if (queued > 0) {
            head.add(Format.count(queued) + " queued");
        }
        int errors = report.errors().size();
        head.add(Format.count(errors) + (errors == 1 ? " error" : " errors"));
        StringBuilder line = new StringBuilder("minigun ")
                .append(report.pipeline())
                .append(": ")
                .append(String.join(", ", head));
        for (StageReport s : report.stages()) {
            line.append(" | ")
                    .append(s.name())
                    .append(' ')
                    .append(Format.rate(s.currentRate()))
                    .append("/s");
            Placement p = placementOrNull(plan, s.name());
            if (p != null && p.isQueued()) {
                line.append(" q ").append(s.queued()).append('/').append(p.queueSize());
            }
        }
        return line.toString();
    }

    private static Placement placementOrNull(ExecutionPlan plan, String stage) {
        try {
            return plan.placement(stage);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
