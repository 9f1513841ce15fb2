package dev.minigun.process;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A worker JVM of a stage on {@code Exec.processes(n)} stopping, as a flight-recorder event, once per
 * worker. Its span runs from the parent's stop (its request, or its finding the worker dead) to the
 * process's exit. {@code reason} says why: {@code end} (the stage's input ended, the worker ran its
 * stop hooks and exited), {@code recycled} ({@code recycleAfter(k)} retired it after k items),
 * {@code crashed} (it died on its own, or failed to boot) or {@code cancelled} (the run was
 * cancelled or failed elsewhere: the worker got SIGTERM, then SIGKILL 2 s later if still there).
 */
@Name("dev.minigun.WorkerStop")
@Label("Worker Stop")
@Category("Minigun")
@Description("A worker JVM of a stage on Exec.processes stopping, with its exit code and why it stopped")
final class WorkerStopEvent extends Event {
    /** The pipeline's name. */
    @Label("Pipeline")
    String pipeline;

    /** The stage the worker ran. */
    @Label("Stage")
    String stage;

    /** The context that ran the worker ({@code pipeline/stage#i}). */
    @Label("Context")
    String context;

    /** The worker's process id. */
    @Label("PID")
    long pid;

    /** The process's exit code; -1 if it had not exited when the parent gave up waiting. */
    @Label("Exit Code")
    int exitCode;

    /** end, recycled, crashed or cancelled. */
    @Label("Reason")
    String reason;

    /** Items the worker processed. */
    @Label("Items")
    long items;
}
