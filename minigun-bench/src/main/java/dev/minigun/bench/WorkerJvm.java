package dev.minigun.bench;

/**
 * The JVM options of the worker processes the process benchmarks start, as the process module's
 * tests give them: a small heap, C1 only, CDS, the serial GC; two cores run several workers and the
 * benchmark's own JVM at once. The process module reads them from the system property
 * {@value #PROPERTY} when it starts a worker; a trial sets it (unless it is set already, e.g. with
 * {@code -jvmArgsAppend -Dminigun.process.jvmOptions=...}) and puts back what was there after.
 */
final class WorkerJvm {
    /** The system property the process module reads. */
    static final String PROPERTY = "minigun.process.jvmOptions";

    /** The workers' JVM options. */
    static final String OPTIONS = "-Xmx64m -XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC";

    private boolean set;

    /** Sets {@value #PROPERTY} to {@link #OPTIONS} if no one has set it. */
    void apply() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, OPTIONS);
            set = true;
        }
    }

    /** Clears {@value #PROPERTY} if {@link #apply} set it. */
    void restore() {
        if (set) {
            System.clearProperty(PROPERTY);
            set = false;
        }
    }
}
