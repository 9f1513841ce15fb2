package dev.minigun.process;

import dev.minigun.WorkerHook;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main class of a worker process. It talks to its parent only through its stdin and stdout
 * pipes (it opens no socket and reads nothing else), moves {@code System.out} to stderr before any
 * user code runs so that prints cannot corrupt the frames, reads one bootstrap frame (the stage's
 * code, its worker hooks and its allow-list), runs the start hooks, then answers batch frames until
 * its stdin closes; it then runs the stop hooks and exits. It also exits when its parent dies.
 */
public final class WorkerMain {
    private WorkerMain() {}

    /** Runs a worker; {@code args} is unused (everything comes through stdin). */
    public static void main(String[] args) throws Exception {
        DataOutputStream frames =
                new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        DataInputStream requests =
                new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), 1 << 16));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(new byte[0]));
        watchParent();
        long pid = ProcessHandle.current().pid();

        Bootstrap boot;
        try {
            boot = readBootstrap(requests);
        } catch (EOFException e) {
            return; // the parent went away before it said anything
        } catch (Throwable t) {
            Frames.write(
                    frames,
                    Frames.BOOT_FAILED,
                    ("cannot read the stage's code: " + t).getBytes(StandardCharsets.UTF_8));
            System.exit(2);
            return;
        }
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stopHooks = () -> {
            if (stopped.compareAndSet(false, true)) {
                runHooks(boot.onStop(), "onWorkerStop", boot.stage(), pid);
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stopHooks, "worker-stop-hooks"));
        try {
            for (WorkerHook hook : boot.onStart()) {
                hook.run();
            }
        } catch (Throwable t) {
            stopped.set(true);
            Frames.write(
                    frames, Frames.BOOT_FAILED, ("onWorkerStart hook failed: " + t).getBytes(StandardCharsets.UTF_8));
            System.exit(3);
            return;
        }
        ShippedStage.Runner runner = new ShippedStage.Runner(boot, "worker pid " + pid);
        Frames.write(frames, Frames.READY, new byte[0]);
        serve(requests, frames, runner);
        stopHooks.run();
        frames.close();
        System.exit(0);
    }

    private static Bootstrap readBootstrap(DataInputStream in) throws Exception {
        Frames.Frame frame = Frames.read(in);
        if (frame.type() != Frames.BOOT) {
            throw new IOException("expected a bootstrap frame, got type " + frame.type());
        }
        return ShippedStage.readBootstrap(frame.payload());
    }

    private static void serve(DataInputStream in, DataOutputStream out, ShippedStage.Runner runner) throws IOException {
        while (true) {
            Frames.Frame frame;
            try {
                frame = Frames.read(in);
            } catch (EOFException e) {
                return; // the parent closed our stdin: stop
            }
            if (frame.type() != Frames.BATCH) {
                throw new IOException("expected a batch frame, got type " + frame.type());
            }
            Object[] items;
            try {
                items = runner.read(frame.payload());
            } catch (IOException | RuntimeException e) {
                Frames.write(
                        out, Frames.REJECTED, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            Frames.write(out, Frames.RESULT, runner.run(items));
        }
    }

    private static void runHooks(List<WorkerHook> hooks, String what, String stage, long pid) {
        for (WorkerHook hook : hooks) {
            try {
                hook.run();
            } catch (Throwable t) {
                System.err.println(what + " hook of stage '" + stage + "' failed in worker pid " + pid + ": " + t);
            }
        }
    }

    /** Exits when the parent dies, even if our stdin were somehow kept open by someone else. */
    private static void watchParent() {
        long expected = Long.getLong("minigun.process.parent", -1);
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null || (expected > 0 && parent.pid() != expected)) {
            System.exit(4); // reparented already: the parent is gone
        }
        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(5));
    }
}
