package dev.minigun.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.testing.Eventually;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code minigun demo}, for real: a demo JVM of its own gets SIGINT in the middle of its
 * run, cancels it, prints the partial report, exits with 130, and leaves no worker process behind.
 * (A process started in the background of a non-interactive shell inherits SIGINT ignored, and so
 * does its JVM; the test then sends SIGTERM, which runs the same shutdown hook, exit 143.)
 */
@DisabledOnOs(OS.WINDOWS)
class DemoCtrlCTest {
    @TempDir
    Path tmp;

    @Test
    void ctrlCCancelsTheRunPrintsThePartialReportAndLeavesNoWorkerProcess() throws Exception {
        Path source = manyFiles(tmp.resolve("src"), 6000); // one enrich call at a time: 12-60 s of work
        Path output = tmp.resolve("out.txt");
        Process demo = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "--sun-misc-unsafe-memory-access=allow",
                        "-Djava.io.tmpdir=" + tmp, // its temporary database goes with this test's directory
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "demo",
                        "--source",
                        source.toString(),
                        "--enrich-calls",
                        "1",
                        "--workers",
                        "1")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        List<ProcessHandle> workers = new ArrayList<>();
        try {
            // Outside a terminal the demo prints a progress line every 5 s, once its run has started.
            assertThat(Eventually.within(
                            Duration.ofSeconds(60), () -> read(output).contains(" running ") || !demo.isAlive()))
                    .as("a progress line within 60 s\n%s", read(output))
                    .isTrue();
            assertThat(demo.isAlive())
                    .as("the demo still runs\n%s", read(output))
                    .isTrue();
            demo.descendants().forEach(workers::add);

            boolean interruptible = !ignoresSigint(demo.pid());
            String signal = interruptible ? "INT" : "TERM";
            assertThat(new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + demo.pid())
                            .inheritIO()
                            .start()
                            .waitFor())
                    .as("kill -%s", signal)
                    .isZero();

            assertThat(demo.waitFor(60, TimeUnit.SECONDS))
                    .as("the demo ended after SIG%s", signal)
                    .isTrue();
            String out = read(output);
            assertThat(demo.exitValue()).as(out).isEqualTo(interruptible ? ExitCodes.INTERRUPTED : 143);
            assertThat(out).contains("minigun demo: cancelled; the partial report:", "cancelled in");
            assertThat(workers).as("the fingerprint stage's worker processes").isNotEmpty();
            Eventually.within(Duration.ofSeconds(30), () -> workers.stream().noneMatch(ProcessHandle::isAlive));
            assertThat(workers).noneMatch(ProcessHandle::isAlive);
        } finally {
            workers.forEach(ProcessHandle::destroyForcibly);
            demo.descendants().forEach(ProcessHandle::destroyForcibly);
            demo.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Whether process {@code pid} ignores SIGINT (bit 2 of the SigIgn mask in its /proc status). */
    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring("SigIgn:".length()).trim(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    /** {@code count} small Java files, each a module of its own, in {@code dir}. */
    private static Path manyFiles(Path dir, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Path file = dir.resolve("m" + (i % 10) + "/src/p" + i + "/Gen" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    "package p" + i + ";\n\nclass Gen" + i + " {\n    int add(int x) {\n        return x + " + i
                            + ";\n    }\n}\n");
        }
        return dir;
    }

    private static String read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
