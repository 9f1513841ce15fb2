package dev.minigun.examples;

import dev.minigun.RunReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Runs an example with its output captured, so a test can check the exact text and the report. */
record Capture(String output, RunReport report) {

    static Capture run(Function<PrintStream, RunReport> example) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RunReport report;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            report = example.apply(out);
        }
        String text = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        return new Capture(text, report);
    }
}
