package dev.minigun.examples;

import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A diamond: one stream of access-log lines feeds two independent checks (server errors, slow
 * requests), and a merge joins their alerts into one pager. Use this shape when several analyses
 * of the same input must end in one place. The run ends exactly when both branches have drained
 * into the merge and the pager has seen the last alert: no alert is cut off, none is waited for
 * in vain. A line that is both an error and slow raises two alerts, one per branch.
 */
public final class Diamond {
    private Diamond() {}

    /** One line of a web server's access log. */
    record LogLine(String path, int status, int millis) {}

    /** Something the on-call engineer should look at. */
    record Alert(String kind, String path) {}

    static final List<LogLine> LOG = List.of(
            new LogLine("/checkout", 200, 120),
            new LogLine("/search", 503, 40),
            new LogLine("/cart", 200, 1800),
            new LogLine("/login", 200, 35),
            new LogLine("/checkout", 500, 2500),
            new LogLine("/search", 200, 90),
            new LogLine("/profile", 404, 15),
            new LogLine("/reports", 200, 4100));

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        ConcurrentLinkedQueue<Alert> paged = new ConcurrentLinkedQueue<>();

        Pipeline p = Pipeline.create("log-alerts");
        Stage<LogLine> lines = p.producer("tail", emitter -> LOG.forEach(emitter::emit));
        Stage<Alert> errors = lines.process("errors", (line, emitter) -> {
            if (line.status() >= 500) {
                emitter.emit(new Alert("server error", line.path()));
            }
        });
        Stage<Alert> slow = lines.process("slow", (line, emitter) -> {
            if (line.millis() >= 1000) {
                emitter.emit(new Alert("slow request", line.path()));
            }
        });
        p.merge("alerts", errors, slow).consume("pager", paged::add);

        RunReport report = p.run();

        out.printf("Paged %d alerts:%n", paged.size());
        paged.stream().map(a -> a.kind() + " on " + a.path()).sorted().forEach(a -> out.println("  " + a));
        out.printf(
                "Each branch saw every line: errors %d, slow %d; merge passed on %d, pager consumed %d%n",
                report.stage("errors").in(),
                report.stage("slow").in(),
                report.stage("alerts").out(),
                report.stage("pager").completed());
        return report;
    }
}
