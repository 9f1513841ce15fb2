package dev.minigun.examples;

import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.RunReport;
import dev.minigun.Stage;
import dev.minigun.StageReport;
import java.io.PrintStream;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A process stage inside a reusable fragment: {@code checksum} parses lines in the parent and
 * hashes them in a worker process; applied with {@code then("verify", ...)} its stages are scoped
 * {@code verify/parse} and {@code verify/hash}, and the worker runs under the scoped name.
 */
public final class ProcessInFragment {
    private ProcessInFragment() {}

    /** The fragment: parse, then hash in a worker. */
    static final Function<Stage<String>, Stage<Integer>> CHECKSUM = lines ->
            lines.map("parse", String::strip).map("hash", Exec.processes(1), (String s) -> s.hashCode() & 0xff);

    public static void main(String[] args) {
        run(System.out);
    }

    static RunReport run(PrintStream out) {
        LongAdder total = new LongAdder();
        Pipeline p = Pipeline.create("files");
        p.<String>producer("lines", emitter -> {
                    for (int i = 0; i < 40; i++) {
                        emitter.emit("  line " + i + "  ");
                    }
                })
                .then("verify", CHECKSUM)
                .consume("sum", h -> total.add(h));

        RunReport report = p.run();

        out.println("Stages of the fragment:");
        for (StageReport s : report.stages()) {
            if (s.name().startsWith("verify/")) {
                out.printf("  %-12s in %d%n", s.name(), s.in());
            }
        }
        long expected = 0;
        for (int i = 0; i < 40; i++) {
            expected += ("line " + i).hashCode() & 0xff;
        }
        out.printf("Checksum from the worker matches the parent's: %b%n", total.sum() == expected);
        return report;
    }
}
