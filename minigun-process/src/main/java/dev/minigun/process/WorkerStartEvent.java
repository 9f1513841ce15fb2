package dev.minigun.process;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * A worker JVM of a stage on {@code Exec.processes(n)} starting, as a flight-recorder event. Its span
 * is the worker's start as the parent sees it: from the spawn to the worker's ready frame (the JVM
 * booted, the stage's code deserialized, its {@code onWorkerStart} hooks run). A worker that failed
 * to boot, or that stopped before it was ever sent an item, is committed with {@code ready} false
 * when that is known.
 */
@Name("dev.minigun.WorkerStart")
@Label("Worker Start")
@Category("Minigun")
@Description("A worker JVM of a stage on Exec.processes, from its spawn to its ready frame")
final class WorkerStartEvent extends Event {
    /** The pipeline's name. */
    @Label("Pipeline")
    String pipeline;

    /** The stage the worker runs. */
    @Label("Stage")
    String stage;

    /** The context that started the worker ({@code pipeline/stage#i}). */
    @Label("Context")
    String context;

    /** The worker's process id. */
    @Label("PID")
    long pid;

    /** Whether the worker said it was ready (false: it failed to boot, or stopped first). */
    @Label("Ready")
    boolean ready;
}
