package dev.minigun.examples;

import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import dev.minigun.execution.ExecutionPlan;
import dev.minigun.execution.Placement;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A reusable fragment: {@link #enrich} is a plain method from a stage of raw gateway lines to a
 * stage of located readings, adding two stages (parse, then look up the sensor's site). Applied
 * with {@code stage.then("enrich", ...)}, its stages are scoped as {@code enrich/parse} and
 * {@code enrich/locate}, so the same fragment can be used twice in one pipeline without name
 * clashes, and the plan and the report show where each stage came from. Use fragments to share
 * pipeline pieces between jobs the way you share methods.
 */
public final class NestedFragment {
    private NestedFragment() {}

    /** A parsed reading: sensor id and tenths of a degree Celsius. */
    record Reading(String sensor, int tenthsCelsius) {}

    /** A reading with the site its sensor is installed at. */
    record Located(String site, String sensor, int tenthsCelsius) {}

    static final Map<String, String> SITES = Map.of(
            "gh-1", "greenhouse north",
            "gh-2", "greenhouse south",
            "cs-1", "cold store");

    static final List<String> GATEWAY_LINES =
            List.of("gh-1;21.5", "gh-2;23.0", "cs-1;3.5", "gh-1;22.0", "cs-1;4.0", "gh-2;24.5");

    /** The fragment: two stages, named locally; {@code then} scopes them. */
    static Stage<Located> enrich(Stage<String> lines) {
        return lines.map("parse", line -> {
                    String[] f = line.split(";");
                    return new Reading(f[0], (int) Math.round(Double.parseDouble(f[1]) * 10));
                })
                .map(
                        "locate",
                        r -> new Located(SITES.getOrDefault(r.sensor(), "unknown"), r.sensor(), r.tenthsCelsius()));
    }

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Located> stored = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("greenhouse");
        Stage<String> lines = p.producer("gateway", emitter -> GATEWAY_LINES.forEach(emitter::emit));
        lines.then("enrich", NestedFragment::enrich).consume("store", stored::add);

        ExecutionPlan plan = p.plan();
        out.println("Stages and where they run:");
        for (Placement placement : plan.placements()) {
            String stage = placement.stage();
            out.printf(
                    "  %-14s %-7s %s%n",
                    stage,
                    plan.contextFor(stage),
                    plan.affinityFor(stage)
                            .map(up -> "called directly by " + up)
                            .orElse("own context"));
        }

        RunReport report = p.run();

        out.println("Stored readings:");
        stored.stream()
                .map(r -> String.format(Locale.ROOT, "%s (%s) %.1f C", r.site(), r.sensor(), r.tenthsCelsius() / 10.0))
                .sorted()
                .forEach(r -> out.println("  " + r));
        out.printf(
                "Report: enrich/parse in %d, enrich/locate out %d, store consumed %d%n",
                report.stage("enrich/parse").in(), report.stage("enrich/locate").out(), report.consumed());
        return report;
    }
}
