package dev.minigun.cli;

/**
 * The exit codes of the {@code minigun} command, and their descriptions for the usage help, in one
 * place so that every command documents and returns the same ones.
 */
public final class ExitCodes {
    /** The command did what it was asked, and its checks passed. */
    public static final int OK = 0;
    /** The run failed (a stage threw), or the run's result check failed. */
    public static final int FAILED = 1;
    /** Bad usage (unknown option, bad value), or the source to read is missing or unreadable. */
    public static final int USAGE = 2;

    /** The heading of the exit-code section of the usage help. */
    public static final String HEADING = "%nExit codes:%n";
    /** Usage help line for {@link #OK}. */
    public static final String OK_HELP = "0:success: the run completed and its check passed";
    /** Usage help line for {@link #FAILED}. */
    public static final String FAILED_HELP = "1:the run failed, or its check failed (stored rows != files read)";
    /** Usage help line for {@link #USAGE}. */
    public static final String USAGE_HELP = "2:bad usage, or the source to read is missing or unreadable";

    private ExitCodes() {}
}
