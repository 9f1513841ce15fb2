package dev.minigun.process;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running worker JVM of a stage, as the parent sees it: the process, its two pipes, and the
 * thread that forwards its stderr, line by line, to the parent's {@code System.err} prefixed with
 * the stage and pid. It is started with the parent's JDK and class path and
 * {@link WorkerMain} as its main class; the bootstrap frame is written at once.
 */
final class WorkerProcess {
    /** The worker died (its stdout ended, its stdin broke): its batch was not acknowledged. */
    static final class DiedException extends IOException {
        private static final long serialVersionUID = 1L;

        DiedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Process process;
    private final DataOutputStream toWorker;
    private final DataInputStream fromWorker;
    private final Thread stderr;
    private final String stage;
    private boolean ready;
    private long items;

    private WorkerProcess(Process process, String stage, String contextName) {
        this.process = process;
        this.stage = stage;
        this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
        this.fromWorker = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
        long pid = process.pid();
        this.stderr = Thread.ofPlatform()
                .name("minigun-" + contextName + "/stderr-" + pid)
                .daemon(true)
                .start(() -> forward(process, "[" + stage + " " + pid + "] "));
    }

    /** Starts a worker for {@code shipment} and sends it the bootstrap frame. */
    static WorkerProcess start(StageShipment shipment, String contextName) throws IOException {
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
        Process process = builder.start();
        WorkerProcess worker = new WorkerProcess(process, shipment.stage(), contextName);
        try {
            Frames.write(worker.toWorker, Frames.BOOT, bootPayload(shipment));
        } catch (IOException e) {
            // It died at once; awaitReady reports it.
        }
        return worker;
    }

    private static byte[] bootPayload(StageShipment shipment) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(shipment.bootstrap().length + 512);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(shipment.bootClasses().size());
        for (String c : shipment.bootClasses()) {
            out.writeUTF(c);
        }
        out.write(shipment.bootstrap());
        out.flush();
        return bytes.toByteArray();
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
        Frames.Frame frame = readFrame();
        if (frame.type() == Frames.BOOT_FAILED) {
            throw new WorkerException("stage '" + stage + "': worker pid " + pid() + " could not start: "
                    + new String(frame.payload(), StandardCharsets.UTF_8));
        }
        if (frame.type() != Frames.READY) {
            throw new IOException("worker pid " + pid() + " sent frame type " + frame.type() + " before ready");
        }
        ready = true;
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

    /** Waits up to {@code millis} for the process to exit, then kills it; then waits for the stderr forwarder. */
    void awaitExit(long millis) {
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
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }
}
