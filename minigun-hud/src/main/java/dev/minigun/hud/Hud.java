package dev.minigun.hud;

import dev.minigun.RunReport;
import dev.minigun.Running;
import dev.minigun.execution.ExecutionPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * Shows a running pipeline while it runs, until it ends or the HUD is closed. On a terminal it is a
 * live full-screen view ({@link HudRenderer}) drawn with JLine on the alternate screen, redrawn at
 * most ten times a second, and the screen the user had is restored when it stops; Ctrl-C there calls
 * the {@code onInterrupt} action (typically {@link Running#cancel()}) instead of killing the JVM.
 * Anywhere else (a pipe, a log file, CI) it prints a {@link ProgressLine} every few seconds.
 *
 * <p>It runs on one platform thread of its own, named {@code minigun-hud}, which never outlives
 * {@link #close()}.
 */
public final class Hud implements AutoCloseable {
    /** The shortest time between two frames: at most ten a second. */
    public static final Duration MIN_REFRESH = Duration.ofMillis(100);
    /** Time between two plain progress lines when the output is not a terminal. */
    public static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private final List<Throwable> problems = new ArrayList<>();

    private Hud(Runnable loop) {
        this.thread = Thread.ofPlatform().name("minigun-hud").daemon().unstarted(() -> {
            try {
                loop.run();
            } catch (RuntimeException | Error e) {
                synchronized (problems) {
                    problems.add(e);
                }
            }
        });
    }

    /**
     * The HUD that suits standard output: the live view when it is a terminal, otherwise a progress
     * line on {@code plainOut} every {@link #PLAIN_EVERY}.
     */
    public static Hud start(Running run, ExecutionPlan plan, PrintWriter plainOut, Runnable onInterrupt) {
        if (isTerminal()) {
            try {
                Terminal terminal = TerminalBuilder.builder()
                        .system(true)
                        // Ctrl-C reaches the handler below; the exec provider needs no native access.
                        .provider("exec")
                        .nativeSignals(true)
                        .build();
                return live(run, plan, terminal, MIN_REFRESH, onInterrupt, true);
            } catch (IOException | RuntimeException e) {
                plainOut.println("minigun: no live view (" + e.getMessage() + "); progress every "
                        + PLAIN_EVERY.toSeconds() + " s instead");
            }
        }
        return plain(run, plan, plainOut, PLAIN_EVERY);
    }

    /** Whether standard input and output are both a terminal. */
    public static boolean isTerminal() {
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /**
     * The live view on {@code terminal}, redrawn every {@code refresh} (never more often than
     * {@link #MIN_REFRESH}); {@code closeTerminal} when the HUD owns it.
     */
    public static Hud live(
            Running run,
            ExecutionPlan plan,
            Terminal terminal,
            Duration refresh,
            Runnable onInterrupt,
            boolean closeTerminal) {
        long pause = Math.max(MIN_REFRESH.toMillis(), refresh.toMillis());
        Hud[] self = new Hud[1];
        self[0] = new Hud(() -> self[0].drive(run, plan, terminal, pause, onInterrupt, closeTerminal));
        self[0].thread.start();
        return self[0];
    }

    /** One {@link ProgressLine} on {@code out} every {@code every}, and a last one if any was printed. */
    public static Hud plain(Running run, ExecutionPlan plan, PrintWriter out, Duration every) {
        Hud[] self = new Hud[1];
        self[0] = new Hud(() -> {
            boolean printed = false;
            while (!self[0].waitFor(run, every.toMillis())) {
                out.println(ProgressLine.format(plan, run.stats()));
                out.flush();
                printed = true;
            }
            if (printed) {
                out.println(ProgressLine.format(plan, run.stats()));
                out.flush();
            }
        });
        self[0].thread.start();
        return self[0];
    }

    private void drive(
            Running run,
            ExecutionPlan plan,
            Terminal terminal,
            long pause,
            Runnable onInterrupt,
            boolean closeTerminal) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        try {
            terminal.puts(Capability.enter_ca_mode);
            terminal.puts(Capability.cursor_invisible);
            terminal.flush();
            Display display = new Display(terminal, true);
            do {
                draw(run, plan, terminal, display);
            } while (!waitFor(run, pause));
            draw(run, plan, terminal, display);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            terminal.puts(Capability.cursor_normal);
            terminal.puts(Capability.exit_ca_mode);
            terminal.flush();
            if (closeTerminal) {
                try {
                    terminal.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static void draw(Running run, ExecutionPlan plan, Terminal terminal, Display display) {
        Size size = terminal.getSize();
        int columns = size.getColumns() > 0 ? size.getColumns() : 100;
        int rows = size.getRows() > 0 ? size.getRows() : 30;
        RunReport report = run.stats();
        // Leave the last row empty: writing to the last cell of the screen scrolls some terminals.
        List<String> lines = HudRenderer.render(
                plan, report, run.contexts(), run.hosts(), ProcessMemory.proc(), columns, Math.max(1, rows - 1));
        display.resize(Size.of(columns, rows));
        List<AttributedString> frame = new ArrayList<>(lines.size());
        for (String line : lines) {
            frame.add(new AttributedString(line));
        }
        display.update(frame, -1);
        terminal.flush();
    }

    /** Waits up to {@code millis}; true once the run has ended or the HUD is closed. */
    private boolean waitFor(Running run, long millis) {
        if (run.isDone()) {
            return true;
        }
        try {
            return stop.await(millis, TimeUnit.MILLISECONDS) || run.isDone();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Stops the view after one last frame and restores the terminal; returns once its thread has
     * ended. Rethrows what went wrong while drawing, if anything did.
     */
    @Override
    public void close() {
        stop.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (problems) {
            if (!problems.isEmpty()) {
                Throwable first = problems.getFirst();
                throw first instanceof RuntimeException r ? r : new IllegalStateException("HUD failed", first);
            }
        }
    }
}
