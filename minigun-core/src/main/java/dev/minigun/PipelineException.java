package dev.minigun;

import java.util.Optional;

/**
 * Why a run failed: names the stage where it happened and carries the first cause; later failures
 * are attached as suppressed exceptions. It also carries the report of what the run had done when
 * it stopped, so a caller can see what was consumed and what was in flight.
 */
public class PipelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stage;
    private transient RunReport report;

    /** A failure at {@code stage} (may be {@code null} when no single stage is to blame). */
    public PipelineException(String stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    /** A failure at {@code stage} with no underlying exception. */
    public PipelineException(String stage, String message) {
        this(stage, message, null);
    }

    /** The name of the stage that failed, if one is to blame. */
    public Optional<String> stage() {
        return Optional.ofNullable(stage);
    }

    /** The report of the run up to the failure, when the run had started. */
    public Optional<RunReport> report() {
        return Optional.ofNullable(report);
    }

    /** Attaches the report of the failed run; used by the engine once every context has stopped. */
    public PipelineException withReport(RunReport runReport) {
        this.report = runReport;
        return this;
    }
}
