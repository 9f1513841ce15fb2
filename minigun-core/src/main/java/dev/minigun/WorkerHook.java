package dev.minigun;

import java.io.Serializable;

/**
 * Code that runs inside each worker of a stage on {@link Exec#processes}: once when the worker
 * starts, before its first item ({@link Exec#onWorkerStart}), and once when it stops
 * ({@link Exec#onWorkerStop}) — the ancestor's {@code after_fork}/{@code before_fork}. It travels
 * to the worker serialized, so what it captures must be serializable too.
 */
@FunctionalInterface
public interface WorkerHook extends Serializable {
    /** Runs the hook inside the worker. */
    void run() throws Exception;
}
