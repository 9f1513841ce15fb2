package dev.minigun.hud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.minigun.Emitter;
import dev.minigun.Exec;
import dev.minigun.Pipeline;
import dev.minigun.PipelineException;
import dev.minigun.RunReport;
import dev.minigun.Running;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

class HudTest {
    private final CountDownLatch release = new CountDownLatch(1);

    /** Declares 10 items, emits 3, waits for the test, then emits the rest. */
    private Pipeline gated() {
        Pipeline p = Pipeline.create("gated");
        p.producer("count", (Emitter<Integer> out) -> {
                    out.expect(10);
                    for (int i = 0; i < 3; i++) {
                        out.emit(i);
                    }
                    release.await();
                    for (int i = 3; i < 10; i++) {
                        out.emit(i);
                    }
                })
                .map("double", Exec.threads(2), n -> 2 * n)
                .consume("drop", n -> {});
        return p;
    }

    @Test
    void offATerminalItPrintsAProgressLineEveryIntervalAndALastOneWhenTheRunEnds() {
        Pipeline p = gated();
        StringWriter text = new StringWriter();
        Running run = p.start();
        Hud hud = Hud.plain(run, p.plan(), new PrintWriter(text, true), Duration.ofMillis(20));

        eventually(() -> text.toString().contains("3 of 10 produced (30%)"));
        release.countDown();
        RunReport report = run.await();
        hud.close();

        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).startsWith("minigun gated: running ").contains(" | count ", " | double ", "/s q ");
        assertThat(lines[lines.length - 1])
                .startsWith("minigun gated: completed ")
                .contains("10 of 10 produced (100%), 0 errors");
        assertThat(report.outcome()).isEqualTo("completed");
        assertThat(hudThreads()).isZero();
    }

    @Test
    void aShortRunPrintsNothing() {
        Pipeline p = gated();
        release.countDown();
        StringWriter text = new StringWriter();
        Running run = p.start();
        Hud hud = Hud.plain(run, p.plan(), new PrintWriter(text, true), Duration.ofMinutes(1));
        run.await();
        hud.close();

        assertThat(text.toString()).isEmpty();
    }

    @Test
    void onATerminalItDrawsOnTheAlternateScreenCancelsOnCtrlCAndRestoresTheScreen() throws Exception {
        Pipeline p = gated();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // An in-memory xterm of 100 x 30 with no input pump (its end of input would close it).
        Terminal terminal = new ExternalTerminal(
                null,
                "hud-test",
                "xterm",
                new ByteArrayInputStream(new byte[0]),
                screen,
                StandardCharsets.UTF_8,
                Terminal.SignalHandler.SIG_DFL,
                true,
                null,
                Size.of(100, 30));
        Running run = p.start();
        Hud hud = Hud.live(run, p.plan(), terminal, Duration.ofMillis(10), run::cancel, true);

        eventually(() -> text(screen).contains("3 of 10 produced"));
        terminal.raise(Terminal.Signal.INT);

        assertThatThrownBy(run::await)
                .isInstanceOf(PipelineException.class)
                .satisfies(e -> assertThat(
                                ((PipelineException) e).report().orElseThrow().outcome())
                        .isEqualTo("cancelled"));
        hud.close();
        release.countDown();
        String out = text(screen);
        // The alternate screen (xterm's smcup/rmcup) is entered before the first frame and left after the last one.
        int enter = out.indexOf("\u001b[?1049h");
        int leave = out.lastIndexOf("\u001b[?1049l");
        assertThat(enter).isNotNegative().isLessThan(out.indexOf("minigun · gated · running"));
        assertThat(out).contains("STAGE", "▼", "3 of 10 produced");
        assertThat(leave).isGreaterThan(out.lastIndexOf("cancelled"));
        assertThat(out.lastIndexOf("cancelled")).isGreaterThan(out.indexOf("running"));
        assertThat(hudThreads()).isZero();
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static long hudThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("minigun-hud") && t.isAlive())
                .count();
    }

    /** Polls {@code condition} until it holds, for at most ten seconds. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
