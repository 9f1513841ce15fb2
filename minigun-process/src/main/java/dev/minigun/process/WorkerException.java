package dev.minigun.process;

/**
 * A worker process of a stage failed as a process, not in the stage's code: it could not start,
 * or it kept dying past its restart limit. The message names the stage and the worker's pid.
 */
public final class WorkerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public WorkerException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public WorkerException(String message, Throwable cause) {
        super(message, cause);
    }
}
