package dev.minigun.testing;

/** Which child processes a test left behind, for the modules whose contexts or members are other JVMs. */
public final class ProcessCensus {
    private ProcessCensus() {}

    /**
     * Whether {@code pid} has exited and only waits to be reaped: an orphaned child is adopted by
     * PID 1, and in a container PID 1 may never reap it, yet {@code isAlive} still says true.
     */
    public static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
