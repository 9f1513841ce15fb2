package dev.minigun.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One running worker JVM of a stage, as the parent sees it: the process, its two pipes, and the
 * thread that forwards its stderr, line by line, to the parent's {@code System.err} prefixed with
 * the stage and pid. It is started with the parent's JDK and class path and
 * {@link WorkerMain} as its main class; the bootstrap frame is written at once. It records its
 * start and its stop as flight-recorder events ({@link WorkerStartEvent}, {@link WorkerStopEvent}),
 * once each.
 */
final class WorkerProcess {
    /** The worker died (its stdout ended, its stdin broke): its batch was not acknowledged. */
    static final class DiedException extends IOException {
        private static final long serialVersionUID = 1L;

        DiedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Why a worker stopped, as its {@link WorkerStopEvent} says. */
    enum StopReason {
        /** The stage's input ended: the worker was asked to stop and did. */
        END("end"),
        /** {@code recycleAfter(k)} retired it. */
        RECYCLED("recycled"),
        /** It died on its own (its pipe broke) or failed to boot. */
        CRASHED("crashed"),
        /** The run was cancelled, or failed elsewhere: the worker was terminated. */
        CANCELLED("cancelled");

        private final String label;

        StopReason(String label) {
            this.label = label;
        }

        /** The event's {@code reason}. */
        String label() {
            return label;
        }
    }

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final Thread stderr;
    private final String stage;
    private final String pipeline;
    private final String contextName;
    private final WorkerStartEvent started;
    private boolean startRecorded;
    private final AtomicBoolean stopRecorded = new AtomicBoolean();
    private volatile boolean failed;
    private boolean ready;
    private volatile long items;

    private WorkerProcess(
            Process process, String pipeline, String stage, String contextName, WorkerStartEvent started) {
        this.process = process;
        this.stage = stage;
        this.pipeline = pipeline;
        this.contextName = contextName;
        this.started = started;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        long pid = process.pid();
        this.stderr = Thread.ofPlatform()
                .name("minigun-" + contextName + "/stderr-" + pid)
                .daemon(true)
                .start(() -> forward(process, "[" + stage + " " + pid + "] "));
    }

    /**
     * Starts a worker for {@code shipment} of pipeline {@code pipeline}, run by the context
     * {@code contextName}, and sends it the bootstrap frame.
     */
    static WorkerProcess start(StageShipment shipment, String pipeline, String contextName) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        String options = System.getProperty("minigun.process.jvmOptions", "");
        for (String option : options.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dminigun.process.parent=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath());
        command.add(WorkerMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        WorkerStartEvent started = new WorkerStartEvent();
        started.begin();
        Process process = builder.start();
        WorkerProcess worker = new WorkerProcess(process, pipeline, shipment.stage(), contextName, started);
        try {
            Frames.write(worker.toWorker, Frames.BOOT, shipment.code());
        } catch (IOException e) {
            // It died at once; awaitReady reports it.
        }
        return worker;
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    /** The parent's class path, plus its module path (a worker runs everything from the class path). */
    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        String mp = System.getProperty("jdk.module.path", "");
        if (mp.isEmpty()) {
            return cp;
        }
        return cp.isEmpty() ? mp : cp + File.pathSeparator + mp;
    }

    private static void forward(Process process, String prefix) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.err.println(prefix + line);
            }
        } catch (IOException e) {
            // the worker is gone
        }
    }

    long pid() {
        return process.pid();
    }

    /** How many items this worker has processed. */
    long items() {
        return items;
    }

    /** Waits for the worker's ready frame (once). */
    void awaitReady() throws IOException {
        if (ready) {
            return;
        }
        Frames.Frame frame;
        try {
            frame = readFrame();
        } catch (IOException e) {
            recordStart(false);
            throw e;
        }
        if (frame.type() == Frames.BOOT_FAILED) {
            failed = true;
            recordStart(false);
            throw new WorkerException("stage '" + stage + "': worker pid " + pid() + " could not start: "
                    + new String(frame.payload(), StandardCharsets.UTF_8));
        }
        if (frame.type() != Frames.READY) {
            failed = true;
            recordStart(false);
            throw new IOException("worker pid " + pid() + " sent frame type " + frame.type() + " before ready");
        }
        ready = true;
        recordStart(true);
    }

    /** Commits the start event, once: when the worker said ready, failed to, or stopped first. */
    private synchronized void recordStart(boolean isReady) {
        if (startRecorded) {
            return;
        }
        startRecorded = true;
        started.end();
        if (started.shouldCommit()) {
            started.pipeline = pipeline;
            started.stage = stage;
            started.context = contextName;
            started.pid = process.pid();
            started.ready = isReady;
            started.commit();
        }
    }

    /** Commits the stop event, once per worker, however many callers saw it stop. */
    private void recordStop(WorkerStopEvent stopped, StopReason reason) {
        if (!stopRecorded.compareAndSet(false, true)) {
            return;
        }
        stopped.end();
        if (stopped.shouldCommit()) {
            stopped.pipeline = pipeline;
            stopped.stage = stage;
            stopped.context = contextName;
            stopped.pid = process.pid();
            stopped.exitCode = process.isAlive() ? -1 : process.exitValue();
            stopped.reason = reason.label();
            stopped.items = items;
            stopped.commit();
        }
    }

    /** Sends a batch and waits for its answer; {@link DiedException} if the worker dies meanwhile. */
    Frames.Frame call(byte[] batch, int count) throws IOException {
        awaitReady();
        try {
            Frames.write(toWorker, Frames.BATCH, batch);
        } catch (IOException e) {
            throw died(e);
        }
        Frames.Frame frame = readFrame();
        items += count;
        return frame;
    }

    private Frames.Frame readFrame() throws IOException {
        try {
            return Frames.read(fromWorker);
        } catch (IOException e) {
            throw died(e);
        }
    }

    private DiedException died(IOException e) {
        failed = true;
        String exit = "";
        try {
            if (process.waitFor(1, TimeUnit.SECONDS)) {
                exit = " (exit code " + process.exitValue() + ")";
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
        return new DiedException("stage '" + stage + "': worker pid " + pid() + " died" + exit, e);
    }

    /** Asks the worker to stop: it sees its stdin end, runs its stop hooks, and exits. Returns at once. */
    void requestStop() {
        try {
            toWorker.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Stops the worker now (SIGTERM: its stop hooks still run). Returns at once. */
    void terminate() {
        process.destroy();
    }

    /** Kills the worker at once (SIGKILL). */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Waits up to {@code millis} for the process to exit, then kills it; then waits for the stderr
     * forwarder. Records the worker's stop (once) with {@code reason}, or {@code crashed} for a normal
     * end of a worker that had died or failed to boot.
     */
    void awaitExit(long millis, StopReason reason) {
        WorkerStopEvent stopped = new WorkerStopEvent();
        stopped.begin();
        requestStop();
        boolean interrupted = false;
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (process.isAlive()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (killed) {
                    break;
                }
                process.destroyForcibly();
                killed = true;
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                continue;
            }
            try {
                process.waitFor(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        try {
            stderr.join(2_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        try {
            fromWorker.close();
        } catch (IOException e) {
            // gone
        }
        recordStart(false); // a worker never asked for its ready frame
        recordStop(stopped, reason == StopReason.END && failed ? StopReason.CRASHED : reason);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
