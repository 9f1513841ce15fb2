package dev.minigun.process;

/**
 * An exception thrown by a stage's code in a worker process that could not be rebuilt in the
 * parent as its own class (it, or something it holds, is not serializable or not in the
 * allow-list): it carries the original class name and message, the worker's pid and stage in its
 * message, and the remote stack trace as its own.
 */
public final class RemoteStageException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String remoteClass;

    /** An exception of class {@code remoteClass} with message {@code text} (already tagged with pid and stage). */
    public RemoteStageException(String remoteClass, String text, StackTraceElement[] remoteTrace) {
        super(text);
        this.remoteClass = remoteClass;
        setStackTrace(remoteTrace);
    }

    /** The class of the exception the stage's code threw in the worker. */
    public String remoteClass() {
        return remoteClass;
    }
}
