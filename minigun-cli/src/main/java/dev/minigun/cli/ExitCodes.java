package dev.minigun.cli;

/**
 * The exit codes of the {@code minigun} command, and their descriptions for the usage help, in one
 * place so that every command documents and returns the same ones.
 */
public final class ExitCodes {
    /** The command did what it was asked, and its checks passed. */
    public static final int OK = 0;
    /**
     * The run failed (a stage threw), or a check of its result failed: stored rows differ from files
     * read, or a stored row lacks its area or fingerprint.
     */
    public static final int FAILED = 1;
    /** Bad usage (unknown option, bad value), or the source to read is missing or unreadable. */
    public static final int USAGE = 2;
    /** Interrupted (Ctrl-C, or the JVM asked to stop): the run was cancelled and its partial report printed. */
    public static final int INTERRUPTED = 130;

    /** The heading of the exit-code section of the usage help. */
    public static final String HEADING = "%nExit codes:%n";
    /** Usage help line for {@link #OK}. */
    public static final String OK_HELP = "0:success: the run completed and its check passed";
    /** Usage help line for {@link #FAILED}. */
    public static final String FAILED_HELP = "1:the run failed, or a check of the stored rows against it failed";
    /** Usage help line for {@link #USAGE}. */
    public static final String USAGE_HELP = "2:bad usage, or the source to read is missing or unreadable";

    /** Usage help line for {@link #INTERRUPTED}. */
    public static final String INTERRUPTED_HELP =
            "130:interrupted (Ctrl-C): the run was cancelled, its partial report printed";

    private ExitCodes() {}
}
