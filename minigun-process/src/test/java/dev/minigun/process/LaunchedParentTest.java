package dev.minigun.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.minigun.Pipeline;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tests that need a parent JVM of their own. */
class LaunchedParentTest {

    @AfterEach
    void nothingLeft() {
        Workers.assertNoneLeft();
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static List<String> jvmOptions() {
        return Arrays.stream(System.getProperty("minigun.process.jvmOptions", "")
                        .trim()
                        .split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }

    @Test
    void killingTheParentWithSigkillLeavesNoWorker() throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.add("-Dminigun.process.jvmOptions=" + System.getProperty("minigun.process.jvmOptions", ""));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ParentMain.class.getName(), "hang"));
        Process parent = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("workers ");
            List<Long> workers = Arrays.stream(line.substring(8).split(" "))
                    .map(Long::parseLong)
                    .toList();
            assertThat(workers).hasSize(2);
            assertThat(Workers.alive(workers)).hasSize(2);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(Workers.awaitGone(workers, Duration.ofSeconds(2)))
                    .as("workers alive 2 s after the parent died")
                    .isEmpty();
        } finally {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCoreAsANamedModuleFindsThisPlainJarThroughServiceLoader() throws Exception {
        Path core = Path.of(Pipeline.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().equals(core.toAbsolutePath()))
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions());
        command.add("-Dminigun.process.jvmOptions=" + System.getProperty("minigun.process.jvmOptions", ""));
        command.addAll(List.of(
                "--module-path",
                core.toString(),
                "--add-modules",
                "dev.minigun",
                "-cp",
                classPath,
                ParentMain.class.getName(),
                "run"));
        Process parent = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(parent.exitValue()).as(output).isZero();
        assertThat(output).isEqualTo("core module: dev.minigun\nconsumed 10 sum 285\n");
    }
}
